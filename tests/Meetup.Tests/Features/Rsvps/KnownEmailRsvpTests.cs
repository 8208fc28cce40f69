using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Rsvps.Registering;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using static Meetup.Tests.Features.Rsvps.RsvpKit;
using Mail = Meetup.Tests.Features.Notifications.MailKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>
/// Knowing someone's email must not let anyone manage their RSVP (docs/api.md, RSVP): an RSVP with the email of a person
/// who already exists, to a session they have no RSVP for, is written as usual, but its manage link (which opens
/// all their data, renames and erases them) goes only to their inbox, never to whoever sent the RSVP.
/// </summary>
public partial class KnownEmailRsvpTests
{
    private static readonly DateTimeOffset InThreeWeeks = DateTimeOffset.UtcNow.AddDays(21);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_known_email_rsvped_to_another_session_gets_201_without_a_token_and_the_link_is_emailed_to_its_owner(string provider)
    {
        var port = Mail.FreePort();
        await using var app = await StartAsync(provider, settings: Mail.Smtp(port, senderRunning: false));
        var admin = await app.ApiClientAsync();
        var first = await PublishedSessionAsync(admin, 5, InThreeWeeks);
        var second = await PublishedSessionAsync(admin, 5, InThreeWeeks.AddDays(7));
        var third = await PublishedSessionAsync(admin, 5, InThreeWeeks.AddDays(14));
        var owner = await OutcomeAsync(await RsvpAsync(app.Client(), first.Id, "Gao Lin", "gao@example.com"));
        await using (var db = app.Factory.CreateDbContext())
        {
            var person = await db.Attendees.SingleAsync();
            db.AttendeeAliases.Add(new AttendeeAlias { Email = "gao.work@example.com", AttendeeId = person.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        // A stranger, spelling the address in full-width capitals, then by the alias a merge left behind.
        var stranger = app.Client();
        var byEmail = await RsvpAsync(stranger, second.Id, "Mallory", " ＧＡＯ@Example.COM ");
        var byAlias = await RsvpAsync(stranger, third.Id, "Mallory", "Gao.Work@example.com");

        foreach (var (response, session) in new[] { (byEmail, second), (byAlias, third) })
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            var body = JsonNode.Parse(text)!.AsObject();
            Assert.Equal(("confirmed", null), ((string?)body["status"], (int?)body["waitlistPosition"]));
            Assert.Null(body["manageToken"]);
            Assert.Null(body["manageUrl"]);
            Assert.Null(body["checkInCode"]);
            Assert.DoesNotMatch(AnyToken(), text);
            Assert.DoesNotMatch(AnyToken(), response.Headers.Location?.ToString() ?? "");
        }
        await using (var db = app.Factory.CreateDbContext())
        {
            var person = await db.Attendees.SingleAsync();
            Assert.Equal("Gao Lin", person.DisplayName); // never renamed
            Assert.Equal(3, await db.Rsvps.CountAsync(r => r.AttendeeId == person.Id && r.Status == RsvpStatus.Confirmed));
        }

        // Each confirmation reaches the owner, with a link to that RSVP.
        using var smtp = SimpleSmtpServer.Start(port);
        await Mail.DrainAsync(app.Factory);
        var mails = await Mail.WaitForAsync(smtp, 3);
        Assert.Equal(3, mails.Count);
        Assert.All(mails, m => Assert.Equal("gao@example.com", m.To.Mailboxes.Single().Address));
        var tokens = mails.Select(m => AnyToken().Match(m.TextBody!).Groups[1].Value).ToList();
        Assert.Contains(owner.ManageToken!, tokens);
        var client = app.Client();
        var sessions = new List<int>();
        foreach (var token in tokens)
        {
            sessions.Add((await client.GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{token}"))!.SessionId);
        }
        Assert.Equal([first.Id, second.Id, third.Id], sessions.Order());
        foreach (var emailed in tokens.Where(t => t != owner.ManageToken))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/rsvps/{emailed}/my-data")).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_form_with_a_known_email_for_another_session_says_the_link_was_emailed_and_shows_no_link_qr_or_code(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var admin = await app.ApiClientAsync();
        var first = await PublishedSessionAsync(admin, 5, InThreeWeeks);
        var second = await PublishedSessionAsync(admin, 5, InThreeWeeks.AddDays(7));
        await RsvpAsync(app.Client(), first.Id, "Gao Lin", "gao@example.com");

        var response = await FormPost.SubmitAsync(app.Client(), $"/rsvp/new/{second.Id}", "rsvp", Fields("Mallory", "Gao@EXAMPLE.com"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-outcome=\"confirmed\"", html, StringComparison.Ordinal);
        Assert.Contains("You have a seat!", html, StringComparison.Ordinal);
        Assert.Contains("We have emailed you a confirmation with a calendar entry, your check-in code and the link to manage your RSVP.", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(AnyToken(), html);
        Assert.DoesNotContain("Open your RSVP page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image/png", html, StringComparison.Ordinal);
        await using var db = app.Factory.CreateDbContext();
        var rsvp = await db.Rsvps.Include(r => r.Attendee).SingleAsync(r => r.SessionId == second.Id);
        Assert.Equal("Gao Lin", rsvp.Attendee!.DisplayName);
        Assert.DoesNotContain(rsvp.CheckInCode!, html, StringComparison.Ordinal);
        Assert.DoesNotContain(CheckInCodes.Display(rsvp.CheckInCode!), html, StringComparison.Ordinal);
        // The owner's confirmation carries a working link to it.
        var token = await EmailedTokenAsync(app, second.Id, "gao@example.com");
        Assert.Equal(rsvp.CheckInCode, (await app.Client().GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{token}"))!.CheckInCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_brand_new_email_still_gets_its_manage_link_in_the_answer_and_on_the_page(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, InThreeWeeks);
        await RsvpAsync(app.Client(), session.Id, "Gao Lin", "gao@example.com");

        var api = await RsvpAsync(app.Client(), session.Id, "Kim Minjun", "minjun@example.com");
        var html = await (await FormPost.SubmitAsync(app.Client(), $"/rsvp/new/{session.Id}", "rsvp", Fields("Sato Ken", "ken@example.com"))).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        var outcome = await OutcomeAsync(api);
        Assert.EndsWith($"/rsvp/{outcome.ManageToken}", outcome.ManageUrl, StringComparison.Ordinal);
        Assert.Equal($"/api/rsvps/{outcome.ManageToken}", api.Headers.Location?.ToString());
        Assert.Equal(session.Id, (await app.Client().GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{outcome.ManageToken}"))!.SessionId);
        var link = AnyToken().Match(html);
        Assert.True(link.Success, "The page links to the new RSVP.");
        Assert.Equal("Sato Ken", (await app.Client().GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{link.Groups[1].Value}"))!.Name);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_request_by_request_path_withholds_the_link_from_a_known_email_too(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var admin = await app.ApiClientAsync();
        var first = await PublishedSessionAsync(admin, 5, InThreeWeeks);
        var second = await PublishedSessionAsync(admin, 5, InThreeWeeks.AddDays(7));
        await RsvpAsync(app.Client(), first.Id, "Gao Lin", "gao@example.com");

        // The path a batch that failed as a whole falls back to (the organizer's add takes it directly).
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var rsvps = scope.ServiceProvider.GetRequiredService<RsvpService>();
        var known = await rsvps.CreateAsync(second.Id, new RsvpInput { Name = "Mallory", Email = "GAO@example.com" }, byOrganizer: true);
        var fresh = await rsvps.CreateAsync(second.Id, new RsvpInput { Name = "Kim Minjun", Email = "minjun@example.com" }, byOrganizer: true);

        Assert.True(known.Succeeded);
        Assert.Equal(("confirmed", true), (known.Value!.Status, known.Value.Created));
        Assert.Equal((null, null, null), (known.Value.ManageToken, known.Value.ManageUrl, known.Value.CheckInCode));
        var token = await EmailedTokenAsync(app, second.Id, "gao@example.com");
        Assert.Equal(second.Id, (await app.Client().GetFromJsonAsync<RsvpDetails>($"/api/rsvps/{token}"))!.SessionId);
        Assert.Equal(32, fresh.Value!.ManageToken!.Length);
        Assert.NotNull(fresh.Value.CheckInCode);
    }

    private static Dictionary<string, string> Fields(string name, string email) => new()
    {
        ["Form.Name"] = name,
        ["Form.Email"] = email,
        ["Form.Language"] = "en",
        ["Form.Website"] = "",
    };

    /// <summary>Anything that looks like a manage link or an API path holding a token.</summary>
    [GeneratedRegex("/rsvps?/([A-Za-z0-9_-]{32})")]
    private static partial Regex AnyToken();
}
