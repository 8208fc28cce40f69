using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Tests.Features.Notifications;
using Mail = Meetup.Tests.Features.Notifications.MailKit;
using Meetup.Web.Features.CheckIns;
using Meetup.Web.Features.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;
using static Meetup.Tests.Features.Feedback.FeedbackKit;

namespace Meetup.Tests.Features.Feedback;

/// <summary>
/// The thank-you email carries a personal survey link: an RSVP holder and a walk-in (no RSVP, so no manage link)
/// answer through it alike; the link opens that survey only, and the database never holds it readable.
/// </summary>
public partial class ThankYouLinkTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Walk_ins_and_rsvp_holders_answer_through_the_link_in_their_thank_you(string provider)
    {
        var port = Mail.FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(provider, Mail.Smtp(port, senderRunning: false), time);
        var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var manageToken = await AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com", "ja");
        (await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { email = "walkin@example.com", name = "Walk In" })).EnsureSuccessStatusCode();
        await Mail.DrainAsync(app.Factory);
        smtp.ClearReceivedEmail();

        AfterTheSession(time);
        time.Advance(CheckInService.ThankYouDelay); // the session ended an hour ago: the thank-yous are due
        await Mail.DrainAsync(app.Factory);
        var mails = await Mail.WaitForAsync(smtp, 2);
        var walkIn = Link(Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "walkin@example.com"));
        var holder = Link(Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "gao@example.com"));
        Assert.NotEqual(manageToken, holder); // a link for the survey only, not the RSVP's key
        Assert.NotEqual(walkIn, holder);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Empty(await DatabaseScan.FindAsync(db, walkIn));
            Assert.Empty(await DatabaseScan.FindAsync(db, holder));
            Assert.All(await db.OutboxMessages.Where(o => o.Kind == NotificationKind.ThankYou).ToListAsync(), o => Assert.Null(o.Secret));
        }

        var client = app.Client();
        var page = await client.GetStringAsync($"/rsvp/{walkIn}/feedback");
        Assert.Contains("name=\"Form.Overall\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/rsvp/{walkIn}\"", page, StringComparison.Ordinal); // no RSVP behind it to go back to
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(app, walkIn, Answer(overall: 5, comeNext: "yes"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(app, holder, Answer(overall: 2, comeNext: "no"))).StatusCode);
        Assert.Equal(2, (await client.GetFromJsonAsync<FeedbackAnswer>($"/api/rsvps/{manageToken}/feedback"))!.Overall); // the same person's answer

        // The survey link opens nothing else: not the RSVP, not the person's data.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/rsvps/{holder}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/rsvps/{holder}/my-data")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/rsvps/{holder}/cancel", null)).StatusCode);

        var summary = (await admin.GetFromJsonAsync<FeedbackSummary>($"/api/sessions/{session.Id}/feedback"))!;
        Assert.Equal((2, 2, 3.5), (summary.Responses, summary.CheckedIn, summary.OverallMean));

        // Closed with the survey: 7 days after the end, the emailed link answers 409 like a manage link.
        time.Advance(FeedbackRules.EditableFor + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Conflict, (await PutAsync(app, walkIn, Answer())).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Erasing_a_person_stops_their_survey_link_and_merging_moves_it(string provider)
    {
        var port = Mail.FreePort();
        using var smtp = SimpleSmtpServer.Start(port);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(provider, Mail.Smtp(port, senderRunning: false), time);
        var admin = await app.ApiClientAsync();
        var session = await SessionInAnHourAsync(admin, time);
        var erased = await AttendeeAsync(app, admin, session.Id, "Gao Lin", "gao@example.com");
        var other = await AttendeeAsync(app, admin, session.Id, "Walk In", "walk.in@example.com", checkIn: false);
        (await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/checkins", new { email = "walkin@example.com", name = "Walk In" })).EnsureSuccessStatusCode();
        await Mail.DrainAsync(app.Factory);
        smtp.ClearReceivedEmail();
        AfterTheSession(time);
        time.Advance(CheckInService.ThankYouDelay);
        await Mail.DrainAsync(app.Factory);
        var mails = await Mail.WaitForAsync(smtp, 2);
        var gao = Link(mails.Single(m => m.To.Mailboxes.Single().Address == "gao@example.com"));
        var walkIn = Link(mails.Single(m => m.To.Mailboxes.Single().Address == "walkin@example.com"));

        (await app.Client().PostAsync($"/api/rsvps/{erased}/erase", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(app, gao, Answer())).StatusCode);

        // The walk-in turns out to be someone who had registered under another address: their link follows them.
        int walkInId, otherId;
        await using (var db = app.Factory.CreateDbContext())
        {
            walkInId = await db.Attendees.Where(a => a.Email == "walkin@example.com").Select(a => a.Id).SingleAsync();
            otherId = await db.Attendees.Where(a => a.Email == "walk.in@example.com").Select(a => a.Id).SingleAsync();
        }
        (await admin.PostAsJsonAsync($"/api/attendees/{walkInId}/merge", new { intoAttendeeId = otherId })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(app, walkIn, Answer(overall: 1))).StatusCode);
        Assert.Equal(1, (await app.Client().GetFromJsonAsync<FeedbackAnswer>($"/api/rsvps/{other}/feedback"))!.Overall);
    }

    private static string Link(MimeKit.MimeMessage mail)
    {
        var match = SurveyLink().Match(mail.TextBody!);
        Assert.True(match.Success, mail.TextBody);
        Assert.Contains(match.Value, mail.HtmlBody, StringComparison.Ordinal);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"https?://[^/\s]+/rsvp/([A-Za-z0-9_-]{32})/feedback")]
    private static partial Regex SurveyLink();
}
