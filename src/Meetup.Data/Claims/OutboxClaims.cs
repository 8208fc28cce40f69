using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Data.Claims;

/// <summary>
/// Claims due messages for one sender, atomically: one UPDATE marks a batch with this sender's
/// token, so two senders (two app instances) never hold the same row. A claim is a lease: if its
/// sender dies, the row is due again at <c>until</c> (the sender's lease, <c>Notifications:LeaseSeconds</c>).
/// <para>
/// Due messages someone is waiting for right now (<see cref="Awaited"/>: the answer to their RSVP, their link, their
/// follow's confirmation) go before the rest, oldest first within each: 5,000 emails enqueued in one go (an
/// announcement, a session change for everyone registered) never make the next RSVP's confirmation wait for all of them.
/// </para>
/// </summary>
public static class OutboxClaims
{
    /// <summary>The kinds a person has just asked for and is waiting on; every other kind (a new one too) queues behind them.</summary>
    public static readonly IReadOnlyList<NotificationKind> Awaited =
    [
        NotificationKind.RsvpConfirmed, NotificationKind.RsvpWaitlisted, NotificationKind.RsvpPromoted,
        NotificationKind.RsvpCancelled, NotificationKind.ManageLink, NotificationKind.SubscriptionConfirm,
    ];

    private static readonly string[] AwaitedStored = [.. Awaited.Select(k => (string)new Conventions.SnakeCaseEnumConverter<NotificationKind>().ConvertToProvider(k)!)];

    public static async Task<List<OutboxMessage>> ClaimAsync(MeetupDb db, string token, DateTime now, DateTime until, int batch, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // SKIP LOCKED: concurrent senders take different rows instead of queueing on the same ones.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "OutboxMessages" SET "ClaimToken" = {token}, "ClaimedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "NextAttemptAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
                    ORDER BY CASE WHEN "Kind" = ANY({AwaitedStored}) THEN 0 ELSE 1 END, "NextAttemptAt", "Id" LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                """, ct);
        }
        else
        {
            // SQLite: a single UPDATE holds the database's write lock from its subquery to its end.
            var awaited = Awaited.ToList();
            var due = db.OutboxMessages
                .Where(o => o.NextAttemptAt != null && o.NextAttemptAt <= now && (o.ClaimedUntil == null || o.ClaimedUntil < now))
                .OrderBy(o => awaited.Contains(o.Kind) ? 0 : 1).ThenBy(o => o.NextAttemptAt).ThenBy(o => o.Id).Take(batch).Select(o => o.Id);
            await db.OutboxMessages.Where(o => due.Contains(o.Id) && (o.ClaimedUntil == null || o.ClaimedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.ClaimToken, token).SetProperty(o => o.ClaimedUntil, until), ct);
        }
        return await db.OutboxMessages.Where(o => o.ClaimToken == token).OrderBy(o => o.Id).ToListAsync(ct);
    }
}
