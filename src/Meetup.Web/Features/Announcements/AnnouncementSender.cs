using System.Linq.Expressions;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Announcements;

/// <summary>
/// Sends an announcement when it is due (docs/architecture.md, "Announcements"). A short conditional update of
/// <see cref="Announcement.SentAt"/> claims it (a second send, or another instance, finds it taken); then the
/// recipients are chosen (those following by the claim) and written in chunks of <see cref="ChunkSize"/>, each chunk
/// its own short transaction (one <see cref="AnnouncementRecipient"/>, one unsubscribe link (hash only) and one outbox
/// email per person) that takes its turn with RSVPs (<see cref="TurnTakingWrite"/>), so a 5,000-person send never
/// holds the write lock for long. A chunk writes only the people not yet recorded, and the unique (announcement,
/// person) index turns a concurrent writer's duplicate into a retry: each person is emailed once. When every chunk is
/// written, <see cref="Announcement.CompletedAt"/> is set; a send that stopped before that (crash, restart) is
/// finished by the next <see cref="SendDueAsync"/> within <see cref="ResumeWithin"/> of its start.
/// </summary>
public sealed class AnnouncementSender(
    IDbContextFactory<MeetupDb> dbFactory, AudienceSelector audiences, Outbox outbox, SeatGates gates, PublicBase publicBase,
    TimeProvider time, ILogger<AnnouncementSender> logger)
{
    /// <summary>How long after its start an interrupted send is still finished.</summary>
    public static readonly TimeSpan ResumeWithin = TimeSpan.FromHours(2);

    /// <summary>Due and not claimed yet: <see cref="SendDueAsync"/> sends it.</summary>
    internal static Expression<Func<Announcement, bool>> Due(DateTime now) => a => a.SentAt == null && a.CancelledAt == null && a.SendAt <= now;

    /// <summary>
    /// Claimed within <see cref="ResumeWithin"/> and stopped before its last chunk: <see cref="SendDueAsync"/> finishes it.
    /// A completed one is never selected again.
    /// </summary>
    internal static Expression<Func<Announcement, bool>> Unfinished(DateTime now)
    {
        var since = now - ResumeWithin;
        return a => a.SentAt != null && a.SentAt >= since && a.CompletedAt == null && a.CancelledAt == null;
    }

    /// <summary>
    /// People written per transaction: an RSVP or a check-in arriving mid-send waits for at most one chunk at SQLite's
    /// gate (50 people: about 40 ms on two cores; 250 took 150–280 ms, the p99 of RSVPs during a 5,000-person send —
    /// tests/Meetup.Benchmarks/README.md, outbox).
    /// </summary>
    public const int DefaultChunkSize = 50;

    /// <summary>People written per transaction (<see cref="DefaultChunkSize"/>).</summary>
    public int ChunkSize { get; set; } = DefaultChunkSize;

    /// <summary>Called after each chunk's commit with the number written so far (benchmarks and tests observe, or stop, a send).</summary>
    public Func<int, Task>? ChunkWritten { get; set; }

    /// <summary>Sends it if due, unsent and not cancelled; the number of emails queued, or null when it was not this call's to send.</summary>
    public async Task<int?> SendAsync(int announcementId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int claimed;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            claimed = await db.Announcements
                .Where(a => a.Id == announcementId && a.SentAt == null && a.CancelledAt == null && a.SendAt <= now)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.SentAt, now), ct);
        }
        if (claimed == 0)
        {
            return null; // not due, cancelled, or sent (or being sent) by someone else
        }
        return await WriteMissingAsync(announcementId, ct);
    }

    /// <summary>Sends every due announcement and finishes any recent send that stopped mid-way; the number of emails queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<int> due, started;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.Announcements.AsNoTracking().Where(Due(now)).OrderBy(a => a.SendAt).Select(a => a.Id).ToListAsync(ct);
            started = await db.Announcements.AsNoTracking().Where(Unfinished(now)).OrderBy(a => a.SentAt).Select(a => a.Id).ToListAsync(ct);
        }
        var sent = 0;
        foreach (var id in due)
        {
            sent += await SendAsync(id, ct) ?? 0;
        }
        foreach (var id in started.Except(due))
        {
            sent += await WriteMissingAsync(id, ct);
        }
        return sent;
    }

    /// <summary>
    /// Writes, chunk by chunk, everyone in the audience (as followed when the send started) not yet written, then marks
    /// the send complete; how many this call wrote.
    /// </summary>
    private async Task<int> WriteMissingAsync(int announcementId, CancellationToken ct)
    {
        Announcement announcement;
        HashSet<int> done;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            announcement = await read.Announcements.AsNoTracking().SingleAsync(a => a.Id == announcementId, ct);
            done = [.. await read.AnnouncementRecipients.Where(r => r.AnnouncementId == announcementId).Select(r => r.AttendeeId).ToListAsync(ct)];
        }
        var startedAt = announcement.SentAt!.Value;
        var people = (await audiences.SelectAsync(announcement.EventId, announcement.SessionId, announcement.Audience, ct))
            .Where(p => p.Since <= startedAt && !done.Contains(p.AttendeeId)).ToList();
        var written = 0;
        foreach (var chunk in people.Chunk(Math.Max(1, ChunkSize)))
        {
            written += await WriteChunkAsync(announcement, chunk, ct);
            outbox.Wake();
            if (ChunkWritten is { } observe)
            {
                await observe(written);
            }
        }
        // Everyone chosen is now recorded (by this call or a concurrent one, whose rows this call's chunks saw).
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var completedAt = time.GetUtcNow().UtcDateTime;
            await db.Announcements.Where(a => a.Id == announcementId && a.CompletedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.CompletedAt, completedAt), ct);
        }
        if (written > 0)
        {
            logger.LogInformation("Announcement {Id}: {Count} emails queued", announcementId, written);
        }
        return written;
    }

    /// <summary>One short transaction: the chunk's people not yet recorded (by anyone); retried when another writer got there first.</summary>
    private async Task<int> WriteChunkAsync(Announcement announcement, AudienceCandidate[] chunk, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            try
            {
                return await TurnTakingWrite.RunAsync(db, gates, c => AddChunkAsync(db, announcement, chunk, c), ct);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another sender wrote some of these people meanwhile (the unique index said so): read again, write the rest.
            }
        }
    }

    /// <summary>Adds and saves, inside the caller's transaction, the chunk's people nobody has recorded yet; how many.</summary>
    private async Task<int> AddChunkAsync(MeetupDb db, Announcement announcement, AudienceCandidate[] chunk, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = chunk.Select(p => p.AttendeeId).ToList();
        var recorded = (await db.AnnouncementRecipients
            .Where(r => r.AnnouncementId == announcement.Id && ids.Contains(r.AttendeeId)).Select(r => r.AttendeeId).ToListAsync(ct)).ToHashSet();
        var baseUrl = publicBase.For((string?)null);
        var count = 0;
        foreach (var person in chunk.Where(p => !recorded.Contains(p.AttendeeId)))
        {
            db.AnnouncementRecipients.Add(new AnnouncementRecipient { AnnouncementId = announcement.Id, AttendeeId = person.AttendeeId });
            // One token per email, made now and stored as its hash: it unsubscribes and fills the RSVP form.
            var token = ManageTokens.New();
            db.SubscriptionLinks.Add(new SubscriptionLink
            {
                SubscriptionId = person.SubscriptionId,
                Purpose = SubscriptionLinkPurpose.Unsubscribe,
                Hash = ManageTokens.Hash(token),
                CreatedAt = now,
            });
            outbox.Add(db, new Notice(NotificationKind.Announcement, $"announcement:{announcement.Id}:{person.AttendeeId}", person.Email, person.Language, now)
            {
                SessionId = announcement.SessionId,
                AttendeeId = person.AttendeeId,
                ManageToken = token,
                Payload = new NotificationPayload { BaseUrl = baseUrl, SubscriptionId = person.SubscriptionId, AnnouncementId = announcement.Id },
            });
            count++;
        }
        if (count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return count;
    }
}

/// <summary>Wakes <see cref="AnnouncementLoop"/> when a send-now was accepted (instead of waiting for its next poll).</summary>
public sealed class AnnouncementSignal : WakeSignal;

/// <summary>
/// Sends the announcements as they fall due: at once when woken by <see cref="AnnouncementSignal"/> (a send-now was
/// accepted), else every half minute on the injected clock (scheduled ones, and resuming an interrupted send).
/// </summary>
internal sealed class AnnouncementLoop(
    IServiceScopeFactory scopes, AnnouncementSignal signal, Microsoft.Extensions.Options.IOptions<NotificationOptions> options, TimeProvider time,
    ILogger<AnnouncementLoop> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return; // with the outbox sender switched off, nothing is sent by itself (tests send by hand)
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AnnouncementSender>().SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sending due announcements failed; trying again shortly");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            await signal.WaitAsync(Every, time, stoppingToken);
        }
    }
}
