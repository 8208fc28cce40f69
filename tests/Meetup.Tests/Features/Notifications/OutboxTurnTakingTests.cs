using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Testing;
using Meetup.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Notifications;

/// <summary>
/// The outbox sender writes three times per batch (its claim, the rendered messages, their outcomes) while 5,000
/// announcement emails drain. On SQLite (one writer) those writes take their turn at the gate every RSVP and check-in queues at
/// (<see cref="TurnTakingWrite"/>), so an RSVP waits for one short write of the sender at most instead of polling in
/// SQLite's sleeping busy handler while the sender writes back to back (docs/architecture.md). PostgreSQL: no gate.
/// </summary>
public class OutboxTurnTakingTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_senders_writes_wait_while_the_gate_is_held_on_sqlite_and_take_no_gate_on_postgresql(string provider)
    {
        using var smtp = SimpleSmtpServer.Start();
        await using var app = await StartAsync(provider, settings: MailKit.Smtp(smtp.Configuration.Port, senderRunning: false));
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 100, DateTimeOffset.UtcNow.AddDays(10));
        (await RsvpAsync(app.Client(), session.Id, "Ada", "ada@example.com")).EnsureSuccessStatusCode();
        var sender = app.Factory.Services.GetRequiredService<OutboxSender>();

        var gate = app.Factory.Services.GetRequiredService<SeatGates>().Sqlite;
        await gate.WaitAsync(); // an RSVP (or an announcement's chunk) holds SQLite's gate
        Task<int> pass;
        try
        {
            pass = sender.RunOnceAsync();
            if (provider == "Sqlite")
            {
                // Time enough for a pass of one email (milliseconds); it cannot claim, render or record while held.
                Assert.NotSame(pass, await Task.WhenAny(pass, Task.Delay(TimeSpan.FromSeconds(2))));
                await using var db = app.Factory.CreateDbContext();
                var waiting = await db.OutboxMessages.AsNoTracking().SingleAsync(o => o.Kind == NotificationKind.RsvpConfirmed);
                Assert.Null(waiting.ClaimToken);
                Assert.Null(waiting.SentAt);
                Assert.Equal(0, smtp.ReceivedEmailCount);
            }
            else
            {
                Assert.Equal(1, await pass); // PostgreSQL: the gate is not in its way
            }
        }
        finally
        {
            gate.Release();
        }
        Assert.Equal(1, await pass);
        await using var after = app.Factory.CreateDbContext();
        var sent = await after.OutboxMessages.AsNoTracking().SingleAsync(o => o.Kind == NotificationKind.RsvpConfirmed);
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.ClaimToken);
        Assert.Contains(await MailKit.WaitForAsync(smtp, 1), m => m.To.ToString().Contains("ada@example.com", StringComparison.Ordinal));
    }
}
