using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Testing;
using Meetup.Web.Features.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Announcements;

/// <summary>
/// On SQLite (one writer at a time) each chunk of a send queues at the same in-process gate as RSVP writes, so an RSVP
/// waits for one chunk, not for the whole send (docs/architecture.md); PostgreSQL's chunks take no gate.
/// </summary>
public class AnnouncementTurnTakingTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_chunk_waits_while_an_rsvp_holds_the_gate_on_sqlite_and_takes_no_gate_on_postgresql(string provider)
    {
        await using var app = await StartAsync(provider, settings: SenderOff);
        var (id, gate) = await DueSendAsync(app);

        await gate.WaitAsync(); // an RSVP holds SQLite's gate
        Task<int> send;
        try
        {
            send = SendDueAsync(app);
            if (provider == "Sqlite")
            {
                // Time enough for five people's chunk had it not queued (it takes milliseconds); it cannot finish while held.
                Assert.NotSame(send, await Task.WhenAny(send, Task.Delay(TimeSpan.FromSeconds(2))));
                await using var db = app.Factory.CreateDbContext();
                Assert.Equal(0, await db.AnnouncementRecipients.CountAsync(r => r.AnnouncementId == id));
            }
            else
            {
                Assert.Equal(5, await send); // PostgreSQL: the gate is not in its way
            }
        }
        finally
        {
            gate.Release();
        }
        Assert.Equal(5, await send);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(5, await db.AnnouncementRecipients.CountAsync(r => r.AnnouncementId == id));
        }
    }

    /// <summary>A send-now to five followers, accepted and not yet written; and the gate SQLite's seat writers queue at.</summary>
    private static async Task<(int Id, SemaphoreSlim Gate)> DueSendAsync(TestApp app)
    {
        var admin = await app.ApiClientAsync();
        var ev = await Sessions.SessionApiTests.CreateEventAsync(admin);
        var session = await PublishedSessionAsync(admin, 10, DateTimeOffset.UtcNow.AddDays(14), eventId: ev.Id);
        await AnnouncementApiTests.FollowersAsync(app, ev.Id,
            [.. Enumerable.Range(1, 5).Select(i => ($"P{i}", $"p{i}@example.com", (string?)null, SubscriptionStatus.Active, false))]);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AnnouncementService>().CreateAsync(ev.Id,
            new AnnouncementInput { SessionId = session.Id, Audience = "followers" });
        return (created.Value!.Id, app.Factory.Services.GetRequiredService<SeatGates>().Sqlite);
    }

    private static async Task<int> SendDueAsync(TestApp app)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnnouncementSender>().SendDueAsync();
    }
}
