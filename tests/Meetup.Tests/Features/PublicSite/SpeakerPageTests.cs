using System.Net;
using Meetup.Testing;

namespace Meetup.Tests.Features.PublicSite;

public class SpeakerPageTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_speaker_page_lists_talks_in_published_sessions_newest_first(string provider)
    {
        var (app, data) = await PublicSiteData.StartAsync(provider);
        await using var _ = app;

        var response = await app.Client().GetAsync($"/speakers/{data.SpeakerId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PublicSiteData.TextAsync(response);
        Assert.Contains("<h1>Nakamura Daisuke</h1>", html, StringComparison.Ordinal);
        Assert.Contains("SRE lead · Tsubame Networks", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Envoy</strong>", html, StringComparison.Ordinal);
        var newer = html.IndexOf($"href=\"{PublicSiteData.SessionPath(data.UpcomingId)}\">Envoy at the edge</a>", StringComparison.Ordinal);
        var older = html.IndexOf($"href=\"{PublicSiteData.SessionPath(data.PastId)}\">Envoy in five minutes</a>", StringComparison.Ordinal);
        Assert.True(newer >= 0 && older > newer, "Both talks are listed, the newest first.");
        Assert.DoesNotContain("Unannounced talk", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_web_links_of_a_speaker_become_links()
    {
        var (app, data) = await PublicSiteData.StartAsync("Sqlite");
        await using var _ = app;

        var html = await PublicSiteData.TextAsync(await app.Client().GetAsync($"/speakers/{data.SpeakerId}"));

        Assert.Contains("href=\"https://example.com/nakamura\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("nakamura")]
    public async Task An_unknown_speaker_answers_404(string id)
    {
        var (app, _) = await PublicSiteData.StartAsync("Sqlite");
        await using var _app = app;

        var response = await app.Client().GetAsync($"/speakers/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
