using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meetup.Data;
using Meetup.Testing;
using Meetup.Web.Features.Rsvps.Registering;
using Meetup.Web.Features.Sessions;
using Meetup.Web.Features.Shared;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>
/// What the attendee pages read and offer: the RSVP form reads its session once, the form, the manage page and the
/// rules share one list of email languages, and the manage link shows the session as the session API does.
/// </summary>
public partial class RsvpPageReadTests
{
    private static readonly DateTimeOffset InThreeWeeks = DateTimeOffset.UtcNow.AddDays(21);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_rsvp_form_page_reads_its_session_once(string provider)
    {
        await using var app = await StartAsync(provider);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, InThreeWeeks);
        var reads = new CommandLog();
        await using var counted = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(
            services => services.ConfigureDbContext<MeetupDb>(o => o.AddInterceptors(reads))));

        var page = await counted.CreateClient().GetStringAsync($"/rsvp/new/{session.Id}");

        Assert.Contains("name=\"Form.Email\"", page, StringComparison.Ordinal);
        Assert.Equal(1, reads.Texts.Count(t => t.Contains("RegistrationQuestions", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_form_and_the_manage_page_offer_the_email_languages_the_rules_accept(string provider)
    {
        await using var app = await StartAsync(provider);
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, InThreeWeeks);
        var client = app.Client();
        var mine = await OutcomeAsync(await RsvpAsync(client, session.Id, "A", "a@example.com"));
        (string, string)[] expected = [("en", "English"), ("ja", "日本語"), ("zh", "简体中文")];

        var form = Options(await client.GetStringAsync($"/rsvp/new/{session.Id}"), "rsvp-language");
        var manage = Options(await client.GetStringAsync($"/rsvp/{mine.ManageToken}"), "profile-language");

        Assert.Equal(expected, form);
        Assert.Equal(expected, manage);
        Assert.Equal(expected, AppLanguages.All.Select(l => (l.Code, l.NativeName)).ToArray());
        foreach (var (code, _) in expected)
        {
            var updated = await client.PutAsJsonAsync($"/api/rsvps/{mine.ManageToken}", new { language = code });
            Assert.Equal(code, (await updated.Content.ReadFromJsonAsync<RsvpDetails>())!.Language);
        }
        var refused = await client.PutAsJsonAsync($"/api/rsvps/{mine.ManageToken}", new { language = "ko" });
        await Events.EventApiTests.AssertFieldError(refused, "language");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_manage_link_shows_the_session_as_the_session_api_does(string provider)
    {
        await using var app = await StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var created = await PublishedSessionAsync(admin, 5, InThreeWeeks, format: "hybrid");
        var mine = await OutcomeAsync(await RsvpAsync(app.Client(), created.Id, "A", "a@example.com"));

        var session = (await admin.GetFromJsonAsync<SessionResource>($"/api/sessions/{created.Id}"))!;
        var details = (await app.Client().GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{mine.ManageToken}"))!;

        Assert.Equal(
            (session.Id, session.Title, session.Status, session.StartsAt, session.EndsAt, session.TimeZone, session.Format, session.VenueName, session.VenueAddress),
            (details.SessionId, details.SessionTitle, details.SessionStatus, details.StartsAt, details.EndsAt, details.TimeZone, details.Format, details.VenueName, details.VenueAddress));
        Assert.True(details.HasOnlineJoin);
        Assert.True(details.RsvpOpen);
    }

    private static List<(string, string)> Options(string html, string selectId)
    {
        var select = Regex.Match(html, $"<select[^>]*id=\"{selectId}\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, $"The page has no #{selectId}.");
        return [.. OptionPattern().Matches(select.Groups[1].Value).Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value).Trim()))];
    }

    [GeneratedRegex("<option value=\"([^\"]*)\"[^>]*>([^<]*)</option>")]
    private static partial Regex OptionPattern();
}
