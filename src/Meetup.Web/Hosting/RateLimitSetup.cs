using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
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
/// ASP.NET Core's rate limiter in front of the abuse-prone posts. A global limiter classifies the
/// request by path, because the RSVP form is a Razor component page (no endpoint of its own to tag).
/// Rejections answer 429: problem details under /api, a short friendly page elsewhere.
/// </summary>
internal static partial class RateLimitSetup
{
    public static void AddMeetupRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitSettings>().BindConfiguration("RateLimiting");
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            o.OnRejected = RejectAsync;
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitSettings>>().CurrentValue;
        var kind = settings.Enabled ? Classify(context.Request) : null;
        var window = kind switch
        {
            "rsvp" => settings.Rsvp,
            "resend" => settings.Resend,
            "token" => settings.Token,
            _ => null,
        };
        if (window is null)
        {
            return RateLimitPartition.GetNoLimiter("none");
        }
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{kind}:{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, window.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, window.WindowSeconds)),
            QueueLimit = 0,
        });
    }

    internal static string? Classify(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }
        var path = request.Path.Value ?? "";
        if (ApiResend().IsMatch(path) || path.StartsWith("/rsvp/resend", StringComparison.OrdinalIgnoreCase))
        {
            return "resend";
        }
        if (ApiRsvp().IsMatch(path) || path.StartsWith("/rsvp/new/", StringComparison.OrdinalIgnoreCase))
        {
            return "rsvp";
        }
        if (path.Equals("/api/auth/token", StringComparison.OrdinalIgnoreCase) || path.Equals("/account/login", StringComparison.OrdinalIgnoreCase))
        {
            return "token";
        }
        return null;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
        if (Pipeline.IsApi(http))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = l["Too many attempts from your network. Try again in {0} seconds.", retryAfter],
                },
            });
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        var e = HtmlEncoder.Default;
        await http.Response.WriteAsync($"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{e.Encode(l["Please wait a moment"])}</title><link rel="stylesheet" href="/app.css"></head>
            <body><main class="public-main"><div class="narrow-page"><h1 class="page-title">{e.Encode(l["Please wait a moment"])}</h1>
            <p>{e.Encode(l["There were too many attempts from your network in a short time. Please try again in a minute."])}</p>
            <p><a class="btn btn-primary" href="{e.Encode(WebUtility.UrlDecode(http.Request.Path.Value ?? "/"))}">{e.Encode(l["Back"])}</a></p></div></main></body></html>
            """, ct);
    }

    [GeneratedRegex("^/api/sessions/[0-9]+/rsvps/?$", RegexOptions.IgnoreCase)]
    private static partial Regex ApiRsvp();

    [GeneratedRegex("^/api/sessions/[0-9]+/rsvps/resend/?$", RegexOptions.IgnoreCase)]
    private static partial Regex ApiResend();
}
