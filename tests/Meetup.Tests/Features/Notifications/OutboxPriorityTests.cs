using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Notifications;

/// <summary>
/// An announcement puts thousands of emails in the outbox at once. Someone who RSVPs while they drain must get their
/// confirmation at the sender's next pass, not after the thousands: the sender takes awaited kinds first.
/// </summary>
public class OutboxPriorityTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_rsvp_confirmation_enqueued_behind_a_bulk_of_emails_goes_out_at_the_next_pass(string provider)
    {
        using var smtp = SimpleSmtpServer.Start();
        await using var app = await StartAsync(provider, settings: MailKit.Smtp(smtp.Configuration.Port, senderRunning: false));
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 100, DateTimeOffset.UtcNow.AddDays(10));
        var outbox = app.Factory.Services.GetRequiredService<Outbox>();
        await using (var db = app.Factory.CreateDbContext())
        {
            for (var i = 0; i < 300; i++)
            {
                outbox.Add(db, new Notice(NotificationKind.SessionChanged, $"bulk:{session.Id}:{i}", $"f{i}@example.com", "en", DateTime.UtcNow) { SessionId = session.Id });
            }
            await db.SaveChangesAsync();
        }
        await Task.Delay(20); // the RSVP's email is due strictly after the bulk
        (await RsvpAsync(app.Client(), session.Id, "Late Comer", "late@example.com")).EnsureSuccessStatusCode();

        await app.Factory.Services.GetRequiredService<OutboxSender>().RunOnceAsync();

        await using var after = app.Factory.CreateDbContext();
        var confirmation = await after.OutboxMessages.SingleAsync(o => o.Kind == NotificationKind.RsvpConfirmed);
        Assert.NotNull(confirmation.SentAt);
        Assert.Contains(await MailKit.WaitForAsync(smtp, 1), m => m.To.ToString().Contains("late@example.com", StringComparison.Ordinal));
        // The rest of the pass took the bulk oldest first; the remainder still waits its turn.
        var bulkDone = await after.OutboxMessages.Where(o => o.Kind == NotificationKind.SessionChanged && o.NextAttemptAt == null).Select(o => o.DedupeKey).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 19).Select(i => $"bulk:{session.Id}:{i}").Order(), bulkDone.Order());
    }
}
