using System.Net;
using Meetup.Testing;

namespace Meetup.Tests.Features.PublicSite;

public class SessionPageTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_session_page_shows_when_where_the_agenda_with_speakers_and_seats(string provider)
    {
        var (app, data) = await PublicSiteData.StartAsync(provider);
        await using var _ = app;

        var response = await app.Client().GetAsync(PublicSiteData.SessionPath(data.UpcomingId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PublicSiteData.TextAsync(response);
        Assert.Contains("<h1>Ingress study session: Envoy, Kong, Traefik</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Wed 16 Dec 2026,", html, StringComparison.Ordinal);
        Assert.Contains("19:30–21:10", html, StringComparison.Ordinal);
        Assert.Contains("(Asia/Tokyo, UTC+09:00)", html, StringComparison.Ordinal);
        Assert.Contains("1 h 40 min", html, StringComparison.Ordinal);
        Assert.Contains("<strong>compared</strong>", html, StringComparison.Ordinal);
        Assert.Contains("https://www.openstreetmap.org/search?query=2-11-3%20Shibaura%2C%20Minato-ku%2C%20Tokyo", html, StringComparison.Ordinal);
        // The agenda in order, the talk at its local time, its speaker linking to the speaker page.
        Assert.True(html.IndexOf("Review of last session", StringComparison.Ordinal) < html.IndexOf("Envoy at the edge", StringComparison.Ordinal));
        Assert.Contains("20:20", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/speakers/{data.SpeakerId}\">Nakamura Daisuke</a>", html, StringComparison.Ordinal);
        // Two seats, both taken, one person waiting.
        Assert.Contains("Full — 1 on the waitlist", html, StringComparison.Ordinal);
        // RSVP is open: the form is on the page and posts without JavaScript.
        Assert.Contains($"action=\"/rsvp/new/{data.UpcomingId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PublicSiteData.SessionPath(data.UpcomingId)}.ics\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_page_carries_link_preview_tags_for_chat_apps()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _ = app;

        var html = await PublicSiteData.TextAsync(await app.Client().GetAsync(PublicSiteData.SessionPath(data.UpcomingId)));

        var url = $"http://localhost{PublicSiteData.SessionPath(data.UpcomingId)}";
        Assert.Contains("<meta property=\"og:title\" content=\"Ingress study session: Envoy, Kong, Traefik\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:type\" content=\"website\"", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"{url}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{url}\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary\"", html, StringComparison.Ordinal);
        // Plain text: the date and place first, the Markdown without its asterisks.
        Assert.Contains("<meta property=\"og:description\" content=\"Wed 16 Dec 2026, 19:30 (Asia/Tokyo) · Room Fuji (7F). Four ingress controllers, compared side by side. Bring a laptop.\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_page_is_static_html_without_a_circuit()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _ = app;

        var html = await app.Client().GetStringAsync(PublicSiteData.SessionPath(data.UpcomingId));

        Assert.Contains("Envoy at the edge", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Blazor:{\"type\":\"server\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Blazor:{\"prerenderId\"", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_draft_session_answers_404_with_the_friendly_page()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _ = app;

        var response = await app.Client().GetAsync(PublicSiteData.SessionPath(data.DraftId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await PublicSiteData.TextAsync(response);
        Assert.Contains("This page does not exist", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret draft session", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999999")]
    [InlineData("-1")]
    [InlineData("12345")]
    public async Task A_session_id_that_names_no_session_answers_404(string id)
    {
        var (app, _) = await PublicSiteData.StartAsync("Sqlite");
        await using var _app = app;

        var response = await app.Client().GetAsync($"/events/{PublicSiteData.Slug}/sessions/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_cancelled_session_says_so_with_its_reason_and_offers_no_rsvp()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _ = app;

        var html = await PublicSiteData.TextAsync(await app.Client().GetAsync(PublicSiteData.SessionPath(data.CancelledId)));

        Assert.Contains("This session is cancelled.", html, StringComparison.Ordinal);
        Assert.Contains("The meeting room is closed for repairs.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"rsvp\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_held_session_shows_how_many_came()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _ = app;

        var html = await PublicSiteData.TextAsync(await app.Client().GetAsync(PublicSiteData.SessionPath(data.PastId)));

        Assert.Contains("2 attended", html, StringComparison.Ordinal);
        Assert.DoesNotContain("seats left", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"rsvp\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_online_session_says_when_rsvp_opens_and_keeps_its_link_private()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _ = app;

        var html = await PublicSiteData.TextAsync(await app.Client().GetAsync(PublicSiteData.SessionPath(data.OnlineId)));

        Assert.Contains("RSVP opens Fri 15 Jan 2027, 19:30", html, StringComparison.Ordinal);
        Assert.DoesNotContain(PublicSiteData.OnlineUrl, html, StringComparison.Ordinal);
        Assert.DoesNotContain("openstreetmap", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_under_an_old_event_address_redirects_to_the_current_one()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _ = app;

        var response = await app.Client().GetAsync($"/events/renamed-group/sessions/{data.UpcomingId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PublicSiteData.SessionPath(data.UpcomingId), response.Headers.Location!.AbsolutePath);
    }
}
