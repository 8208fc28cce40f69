using System.Net;
using Meetup.Testing;

namespace Meetup.Tests.Features.PublicSite;

public class EventPageTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_event_page_lists_upcoming_and_past_sessions_but_no_drafts(string provider)
    {
        var (app, data) = await PublicSiteData.StartAsync(provider);
        await using var _ = app;

        var response = await app.Client().GetAsync($"/events/{PublicSiteData.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PublicSiteData.TextAsync(response);
        Assert.Contains($"<h1>{PublicSiteData.EventName}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>ingress</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Japanese", html, StringComparison.Ordinal);
        var upcoming = html.IndexOf("Upcoming sessions", StringComparison.Ordinal);
        var past = html.IndexOf("Past sessions", StringComparison.Ordinal);
        Assert.InRange(html.IndexOf($"href=\"{PublicSiteData.SessionPath(data.UpcomingId)}\"", StringComparison.Ordinal), upcoming, past);
        Assert.InRange(html.IndexOf($"href=\"{PublicSiteData.SessionPath(data.CancelledId)}\"", StringComparison.Ordinal), upcoming, past);
        Assert.True(html.IndexOf($"href=\"{PublicSiteData.SessionPath(data.PastId)}\"", StringComparison.Ordinal) > past);
        Assert.Contains("In person · 2 attended", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret draft session", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_imported_without_a_title_is_linked_and_headed_as_untitled()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _app = app;
        await using (var db = app.Factory.CreateDbContext())
        {
            var past = await db.Sessions.FindAsync(data.PastId);
            past!.Title = ""; // an attendance import names no title
            await db.SaveChangesAsync();
        }

        var eventPage = await PublicSiteData.TextAsync(await app.Client().GetAsync($"/events/{PublicSiteData.Slug}"));
        var sessionPage = await PublicSiteData.TextAsync(await app.Client().GetAsync(PublicSiteData.SessionPath(data.PastId)));

        Assert.Contains($"href=\"{PublicSiteData.SessionPath(data.PastId)}\">Untitled session</a>", eventPage, StringComparison.Ordinal);
        Assert.Contains("<h1>Untitled session</h1>", sessionPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_page_offers_the_calendar_feed_to_copy_and_as_a_webcal_link()
    {
        var (app, _) = await PublicSiteData.StartAsync("Sqlite");
        await using var _app = app;

        var html = await PublicSiteData.TextAsync(await app.Client().GetAsync($"/events/{PublicSiteData.Slug}"));

        Assert.Contains("Subscribe to calendar", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"http://localhost/events/{PublicSiteData.Slug}/calendar.ics\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"webcal://localhost/events/{PublicSiteData.Slug}/calendar.ics\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_session_is_marked_on_the_event_page()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _app = app;

        var html = await PublicSiteData.TextAsync(await app.Client().GetAsync($"/events/{PublicSiteData.Slug}"));

        var card = html[html.IndexOf($"href=\"{PublicSiteData.SessionPath(data.CancelledId)}\"", StringComparison.Ordinal)..];
        Assert.StartsWith("Cancelled", card[(card.IndexOf("chip-warn\">", StringComparison.Ordinal) + "chip-warn\">".Length)..], StringComparison.Ordinal);
        Assert.True(card.IndexOf("chip-warn", StringComparison.Ordinal) < card.IndexOf("</article>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_event_answers_404_with_the_friendly_page()
    {
        var (app, _) = await PublicSiteData.StartAsync("Sqlite");
        await using var _app = app;

        var response = await app.Client().GetAsync("/events/no-such-group");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This page does not exist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_cards_and_past_list_link_to_the_session_pages()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _app = app;

        var html = await app.Client().GetStringAsync("/");

        Assert.Contains($"href=\"{PublicSiteData.SessionPath(data.UpcomingId)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PublicSiteData.SessionPath(data.PastId)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/events/{PublicSiteData.Slug}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(PublicSiteData.SessionPath(data.DraftId) + "\"", html, StringComparison.Ordinal);
    }
}
