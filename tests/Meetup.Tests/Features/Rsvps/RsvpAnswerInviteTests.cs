using System.Net;
using Meetup.Testing;
using Microsoft.EntityFrameworkCore;
using static Meetup.Tests.Features.Follow.FollowApiTests;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Rsvps;

public partial class RsvpAnswerTests
{
    /// <summary>
    /// The answer to an RSVP from an announcement's personal link (a known address, a link that may have been
    /// forwarded) never shows a manage link: where a new address's answer has "Open your RSVP page", it says the RSVP
    /// page opens from the emailed link (docs/api.md, "Announcements").
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_rsvp_from_an_invite_link_says_its_rsvp_page_opens_from_the_email_and_shows_no_manage_link(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, DateTimeOffset.UtcNow.AddDays(14));
        int eventId;
        await using (var db = app.Factory.CreateDbContext())
        {
            eventId = await db.Sessions.Where(s => s.Id == session.Id).Select(s => s.EventId).SingleAsync();
        }
        var client = app.Client();
        var (_, aiko) = await FollowerAsync(app, client, eventId, "aiko@example.com");

        var invited = await FormPost.SubmitAsync(client, $"/rsvp/new/{session.Id}?invite={aiko}", "rsvp", Answer("Aiko", "aiko@example.com"));

        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var html = await invited.Content.ReadAsStringAsync();
        Assert.Contains("data-outcome=\"confirmed\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ManageLink(), html);
        Assert.DoesNotContain("Open your RSVP page", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"manage-in-email\" data-manage=\"in-email\">Your RSVP page opens from the link in that email: there you can change or cancel.</p>", html, StringComparison.Ordinal);

        // The ordinary answer for a new address: the button in that place, not the sentence.
        var fresh = await (await FormPost.SubmitAsync(client, $"/rsvp/new/{session.Id}", "rsvp", Answer("Ken", "ken@example.com"))).Content.ReadAsStringAsync();
        Assert.Matches(ManageLink(), fresh);
        Assert.DoesNotContain("data-manage=\"in-email\"", fresh, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Answer(string name, string email) => new()
    {
        ["Form.Name"] = name,
        ["Form.Email"] = email,
        ["Form.Language"] = "en",
        ["Form.Website"] = "",
    };
}
