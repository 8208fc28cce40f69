using System.Net;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Meetup.Web.Features.Shared.Access;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meetup.Web.Hosting;

/// <summary>One fixed window per client address and kind of request (section "RateLimiting").</summary>
public sealed class RateLimitSettings
{
    /// <summary>Off for load tests and most automated tests.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>RSVP posts (API and form).</summary>
    public Window Rsvp { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>"Email me my link again".</summary>
    public Window Resend { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    /// <summary>Sign-in attempts: POST /api/auth/token and the login form.</summary>
    public Window Token { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    public sealed class Window
    {
        public int PermitLimit { get; set; }
        public int WindowSeconds { get; set; }
    }
}

/// <summary>
/// ASP.NET Core's rate limiter in front of the abuse-prone posts. Each limit is a policy attached to the endpoint it
/// protects, so the limiter (after routing) counts whatever reached that endpoint, however its path was spelled
/// (<c>/api/sessions/+1/rsvps</c>, a trailing slash, another case); a request that reaches no endpoint counts nowhere.
/// Only POSTs count: reading a form is never limited. Rejections answer 429: problem details under /api, a short
/// friendly page elsewhere.
/// </summary>
internal static class RateLimitSetup
{
    public static void AddMeetupRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitSettings>().BindConfiguration("RateLimiting");
        builder.Services.AddOptions<PageReadSettings>().BindConfiguration("PageReads");
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<PageReadSettings>>((o, reads) => o.GlobalLimiter = PageReadLimit.Create(reads));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicies.Rsvp, new PostsPerClient(s => s.Rsvp));
            o.AddPolicy(RateLimitPolicies.Resend, new PostsPerClient(s => s.Resend));
            o.AddPolicy(RateLimitPolicies.SignIn, new PostsPerClient(s => s.Token));
            o.OnRejected = RejectAsync;
        });
    }

    /// <summary>One fixed window per client address for the POSTs to the endpoints carrying the policy.</summary>
    private sealed class PostsPerClient(Func<RateLimitSettings, RateLimitSettings.Window> window) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null; // the options' RejectAsync

        public RateLimitPartition<string> GetPartition(HttpContext context)
        {
            var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitSettings>>().CurrentValue;
            if (!settings.Enabled || !HttpMethods.IsPost(context.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("");
            }
            var limit = window(settings);
            return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limit.PermitLimit),
                Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
                QueueLimit = 0,
            });
        }
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        if (PageReadLimit.Applies(http))
        {
            await BusyAsync(http, ct);
            return;
        }
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
        if (Pipeline.IsApi(http))
        {
            await ApiResults.TooManyRequests(l["Too many attempts from your network. Try again in {0} seconds.", retryAfter]).ExecuteAsync(http);
            return;
        }
        var e = HtmlEncoder.Default;
        await WaitPageAsync(http, l, $"""
            <p>{e.Encode(l["There were too many attempts from your network in a short time. Please try again in a minute."])}</p>
            <p><a class="btn btn-primary" href="{e.Encode(WebUtility.UrlDecode(http.Request.Path.Value ?? "/"))}">{e.Encode(l["Back"])}</a></p>
            """, ct);
    }

    /// <summary>A page read beyond the queue of <see cref="PageReadLimit"/>: 503, try again in a second.</summary>
    private static async ValueTask BusyAsync(HttpContext http, CancellationToken ct)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "1";
        await WaitPageAsync(http, l, $"<p>{HtmlEncoder.Default.Encode(l["Very many people are opening this page right now. Please reload it in a moment."])}</p>", ct);
    }

    /// <summary>The "please wait a moment" page around a body of already-encoded HTML (the 429 and 503 answers).</summary>
    private static Task WaitPageAsync(HttpContext http, IStringLocalizer<Strings> l, string body, CancellationToken ct)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        var title = HtmlEncoder.Default.Encode(l["Please wait a moment"]);
        return http.Response.WriteAsync($"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title><link rel="stylesheet" href="/app.css"></head>
            <body><main class="public-main"><div class="narrow-page"><h1 class="page-title">{title}</h1>
            {body}</div></main></body></html>
            """, ct);
    }
}
