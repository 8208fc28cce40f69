using System.Net;
using Ical.Net;
using Meetup.Testing;

namespace Meetup.Tests.Features.PublicSite;

public class CalendarFeedTests
{
    private const string FeedPath = $"/events/{PublicSiteData.Slug}/calendar.ics";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_event_feed_parses_back_with_stable_uids_utc_instants_sequence_and_status(string provider)
    {
        var (app, data) = await PublicSiteData.StartAsync(provider);
        await using var _ = app;
        var client = app.Client();

        var first = await client.GetAsync(FeedPath);
        var second = await client.GetAsync(FeedPath);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/calendar", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", first.Content.Headers.ContentType?.CharSet);
        var calendar = Calendar.Load(await first.Content.ReadAsStringAsync())!;
        var again = Calendar.Load(await second.Content.ReadAsStringAsync())!;
        Assert.Equal(calendar.Events.Select(e => e.Uid), again.Events.Select(e => e.Uid));
        Assert.Equal(PublicSiteData.EventName, calendar.Properties["X-WR-CALNAME"]?.Value);
        Assert.NotNull(calendar.Properties["REFRESH-INTERVAL"]);

        Assert.Equal(4, calendar.Events.Count);
        Assert.DoesNotContain(calendar.Events, e => e.Summary!.Contains("draft", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct().Count());

        var upcoming = calendar.Events.Single(e => e.Uid == $"session-{data.UpcomingId}@meetup.local");
        Assert.True(upcoming.DtStart!.IsUtc);
        Assert.Equal(new DateTime(2026, 12, 16, 10, 30, 0, DateTimeKind.Utc), upcoming.DtStart.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 16, 12, 10, 0, DateTimeKind.Utc), upcoming.DtEnd!.AsUtc);
        Assert.NotNull(upcoming.DtStamp);
        Assert.Equal(3, upcoming.Sequence);
        Assert.Equal("CONFIRMED", upcoming.Status);
        Assert.Equal("Ingress study session: Envoy, Kong, Traefik", upcoming.Summary);
        Assert.Equal("Room Fuji (7F), 2-11-3 Shibaura, Minato-ku, Tokyo", upcoming.Location);
        Assert.EndsWith(PublicSiteData.SessionPath(data.UpcomingId), upcoming.Url!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("Four ingress controllers, compared side by side.", upcoming.Description, StringComparison.Ordinal);
        Assert.Contains(upcoming.Url.AbsoluteUri, upcoming.Description, StringComparison.Ordinal);

        var cancelled = calendar.Events.Single(e => e.Uid == $"session-{data.CancelledId}@meetup.local");
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(2, cancelled.Sequence);
        Assert.Contains("The meeting room is closed for repairs.", cancelled.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_feed_never_carries_the_online_link()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _ = app;

        var text = await app.Client().GetStringAsync(FeedPath);

        Assert.DoesNotContain("meet.example.com", text, StringComparison.Ordinal);
        var online = Calendar.Load(text)!.Events.Single(e => e.Uid!.StartsWith($"session-{data.OnlineId}@", StringComparison.Ordinal));
        Assert.Equal("Online", online.Location);
    }

    [Fact]
    public async Task The_uid_keeps_the_configured_domain_whatever_host_the_request_names()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite", new Dictionary<string, string?> { ["Meetup:CalendarUidDomain"] = "study.example.org" });
        await using var _ = app;
        var client = app.Client();

        using var viaOtherHost = new HttpRequestMessage(HttpMethod.Get, FeedPath);
        viaOtherHost.Headers.Host = "other-name.example.net";
        var feed = Calendar.Load(await (await client.SendAsync(viaOtherHost)).Content.ReadAsStringAsync())!;

        Assert.Contains(feed.Events, e => e.Uid == $"session-{data.UpcomingId}@study.example.org");
        Assert.All(feed.Events, e => Assert.EndsWith("@study.example.org", e.Uid, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_ics_holds_that_session_with_the_same_uid_as_the_feed()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _ = app;

        var response = await app.Client().GetAsync($"{PublicSiteData.SessionPath(data.UpcomingId)}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var single = Assert.Single(Calendar.Load(await response.Content.ReadAsStringAsync())!.Events);
        Assert.Equal($"session-{data.UpcomingId}@meetup.local", single.Uid);
        Assert.Equal(new DateTime(2026, 12, 16, 10, 30, 0, DateTimeKind.Utc), single.DtStart!.AsUtc);
    }

    [Fact]
    public async Task Drafts_and_unknown_sessions_and_events_have_no_calendar()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _ = app;
        var client = app.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{PublicSiteData.SessionPath(data.DraftId)}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{PublicSiteData.SessionPath(999_999)}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{PublicSiteData.Slug}/sessions/abc.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/events/no-such-group/calendar.ics")).StatusCode);
    }

    [Fact]
    public async Task A_session_ics_under_an_old_event_address_redirects_to_the_current_one()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _ = app;

        var response = await app.Client().GetAsync($"/events/renamed-group/sessions/{data.UpcomingId}.ics");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"{PublicSiteData.SessionPath(data.UpcomingId)}.ics", response.Headers.Location!.OriginalString);
    }
}
