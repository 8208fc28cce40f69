using System.Net;
using System.Net.Http.Json;
using Meetup.Testing;
using Meetup.Web.Features.Shared.PageCache;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.PublicSite;

/// <summary>
/// During a rush, anonymous reads of the event and session pages pass a concurrency limit and queue beyond it
/// (PageReads section, docs/architecture.md): a waiting read costs no CPU, so RSVPs are not stuck behind dozens of
/// runnable reads. On real Kestrel, with the limit's one place held by the test: the read waits and is answered when
/// the place frees, never refused while the queue has room; RSVPs, other files, a personal link and a signed-in
/// organizer pass meanwhile.
/// </summary>
public class RushReadQueueTests
{
    [Fact]
    public async Task A_page_read_waits_in_line_while_the_limit_is_full_and_RSVPs_static_files_and_organizers_pass()
    {
        await using var app = await KestrelApp.StartAsync("Sqlite", Limit(queue: 100), new FakeTimeProvider(PublicSiteData.Now));
        var data = await PublicSiteData.SeedAsync(app.Factory);
        var path = PublicSiteData.SessionPath(data.UpcomingId);
        using var visitor = Visitor(app);
        var organizer = await OrganizerCookiesAsync(visitor);

        using (var held = await ReadLimiter(app).AcquireAsync(AnonymousPageRead()))
        {
            Assert.True(held.IsAcquired);
            var sessionRead = visitor.GetAsync(path);
            var eventRead = visitor.GetAsync($"/events/{PublicSiteData.Slug}");
            // A personal link (a query string: a full render, never shared) is not counted.
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(path + "?from=email")).StatusCode);

            var rsvp = await visitor.PostAsJsonAsync($"/api/sessions/{data.UpcomingId}/rsvps", new { name = "Quick Reader", email = "quick@example.com" });
            Assert.Equal(HttpStatusCode.Created, rsvp.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/favicon.svg")).StatusCode);
            using var signedIn = new HttpRequestMessage(HttpMethod.Get, path);
            signedIn.Headers.Add("Cookie", organizer);
            Assert.Equal(HttpStatusCode.OK, (await visitor.SendAsync(signedIn)).StatusCode);

            await Task.Delay(300);
            Assert.False(sessionRead.IsCompleted, "an anonymous read of the session page passed a full limit");
            Assert.False(eventRead.IsCompleted, "an anonymous read of the event page passed a full limit");
            held.Dispose();
            Assert.Equal(HttpStatusCode.OK, (await sessionRead.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await eventRead.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);
        }

        // Many at once through one place: all answered, none refused.
        var reads = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => visitor.GetAsync(path)));
        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task Beyond_the_queue_a_page_read_is_answered_503_with_retry_after_and_never_429()
    {
        await using var app = await KestrelApp.StartAsync("Sqlite", Limit(queue: 0), new FakeTimeProvider(PublicSiteData.Now));
        var data = await PublicSiteData.SeedAsync(app.Factory);
        using var visitor = Visitor(app);

        using var held = await ReadLimiter(app).AcquireAsync(AnonymousPageRead());
        var refused = await visitor.GetAsync(PublicSiteData.SessionPath(data.UpcomingId));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("Please reload it in a moment.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rsvp = await visitor.PostAsJsonAsync($"/api/sessions/{data.UpcomingId}/rsvps", new { name = "Quick Reader", email = "quick@example.com" });
        Assert.Equal(HttpStatusCode.Created, rsvp.StatusCode);
    }

    private static Dictionary<string, string?> Limit(int queue) => new()
    {
        ["PageReads:ConcurrencyLimit"] = "1",
        ["PageReads:QueueLimit"] = queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The limiter the app's rate-limiting middleware uses for every request (its global limiter).</summary>
    private static System.Threading.RateLimiting.PartitionedRateLimiter<HttpContext> ReadLimiter(KestrelApp app)
        => app.Factory.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;

    private static DefaultHttpContext AnonymousPageRead()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/events/any";
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new ShareRenderAttribute()), "a shared page"));
        return context;
    }

    private static async Task<string> OrganizerCookiesAsync(HttpClient client)
    {
        var signIn = await FormPost.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = MeetupAppFactory.AdminEmail,
            ["Input.Password"] = MeetupAppFactory.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return FormPost.Cookies(signIn);
    }

    private static HttpClient Visitor(KestrelApp app)
        => new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
}
