using System.Net;
using System.Net.Http.Json;
using Meetup.Data.Locking;
using Meetup.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.PublicSite;

/// <summary>
/// An RSVP never waits behind page views (docs/architecture.md, "WritesFirst"): a shared page read holding its turn
/// waits while an RSVP is being written, at most PageReads:RsvpYieldMilliseconds. On real Kestrel and SQLite, with the
/// RSVP writers' gate held by the test so that an RSVP stays in flight.
/// </summary>
public class RushWritesFirstTests
{
    [Fact]
    public async Task A_page_read_waits_while_an_RSVP_is_being_written_and_is_answered_when_it_is()
    {
        await using var app = await KestrelApp.StartAsync("Sqlite", Settings(yieldMs: 600_000), new FakeTimeProvider(PublicSiteData.Now));
        var data = await PublicSiteData.SeedAsync(app.Factory);
        using var visitor = Visitor(app);
        var path = PublicSiteData.SessionPath(data.UpcomingId);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(path)).StatusCode); // nothing in flight: no wait
        var gate = app.Factory.Services.GetRequiredService<SeatGates>().Sqlite;

        await gate.WaitAsync();
        Task<HttpResponseMessage> rsvp, read;
        try
        {
            rsvp = visitor.PostAsJsonAsync($"/api/sessions/{data.UpcomingId}/rsvps", new { name = "First Comer", email = "first@example.com" });
            await Task.Delay(200); // the RSVP is queued at the writers' gate
            read = visitor.GetAsync(path);
            // Other requests are not held: a static file and a personal link (a full render).
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/favicon.svg")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(path + "?from=email")).StatusCode);
            await Task.Delay(300);
            Assert.False(rsvp.IsCompleted, "the RSVP was not held at the gate");
            Assert.False(read.IsCompleted, "a shared page read went ahead of an RSVP being written");
        }
        finally
        {
            gate.Release();
        }
        Assert.Equal(HttpStatusCode.Created, (await rsvp.WaitAsync(TimeSpan.FromSeconds(30))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await read.WaitAsync(TimeSpan.FromSeconds(30))).StatusCode);
    }

    [Fact]
    public async Task A_page_read_waits_for_RSVPs_no_longer_than_the_yield()
    {
        await using var app = await KestrelApp.StartAsync("Sqlite", Settings(yieldMs: 100), new FakeTimeProvider(PublicSiteData.Now));
        var data = await PublicSiteData.SeedAsync(app.Factory);
        using var visitor = Visitor(app);
        var gate = app.Factory.Services.GetRequiredService<SeatGates>().Sqlite;

        await gate.WaitAsync();
        try
        {
            var rsvp = visitor.PostAsJsonAsync($"/api/sessions/{data.UpcomingId}/rsvps", new { name = "Stuck Writer", email = "stuck@example.com" });
            await Task.Delay(200);
            var read = await visitor.GetAsync(PublicSiteData.SessionPath(data.UpcomingId)).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.False(rsvp.IsCompleted, "the RSVP was not in flight while the page was read");
        }
        finally
        {
            gate.Release();
        }
    }

    private static Dictionary<string, string?> Settings(int yieldMs) => new()
    {
        ["PageReads:ConcurrencyLimit"] = "1",
        ["PageReads:RsvpYieldMilliseconds"] = yieldMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static HttpClient Visitor(KestrelApp app)
        => new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
}
