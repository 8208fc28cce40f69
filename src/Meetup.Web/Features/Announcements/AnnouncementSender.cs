using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Announcements;

/// <summary>
/// Sends an announcement when it is due. A short conditional update of <see cref="Announcement.SentAt"/> claims it (a
/// second send, or another instance, finds it taken); then the recipients are chosen and written in chunks of
/// <see cref="ChunkSize"/>, each chunk its own short transaction (one <see cref="AnnouncementRecipient"/>, one
/// unsubscribe link (hash only) and one outbox email per person), so a 5,000-person send never holds the write lock
/// for long. A chunk writes only the people not yet recorded, and the unique (announcement, person) index turns a
/// concurrent writer's duplicate into a retry: each person is emailed once. A send that stopped mid-way (crash,
/// restart) is finished by the next <see cref="SendDueAsync"/> within <see cref="ResumeWithin"/> of its start,
/// leaving out anyone who followed after it started.
/// </summary>
public sealed class AnnouncementSender(
    IDbContextFactory<MeetupDb> dbFactory, AudienceSelector audiences, Outbox outbox, PublicBase publicBase, TimeProvider time,
    ILogger<AnnouncementSender> logger)
{
    /// <summary>How long after its start an interrupted send is still finished.</summary>
    public static readonly TimeSpan ResumeWithin = TimeSpan.FromHours(2);

    /// <summary>People written per transaction.</summary>
    public int ChunkSize { get; set; } = 250;

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
        var since = now - ResumeWithin;
        List<int> due, started;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.Announcements.AsNoTracking().Where(a => a.SentAt == null && a.CancelledAt == null && a.SendAt <= now)
                .OrderBy(a => a.SendAt).Select(a => a.Id).ToListAsync(ct);
            started = await db.Announcements.AsNoTracking().Where(a => a.SentAt != null && a.SentAt >= since && a.CancelledAt == null)
                .OrderBy(a => a.SentAt).Select(a => a.Id).ToListAsync(ct);
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

    /// <summary>Writes, chunk by chunk, everyone in the audience (as followed when the send started) not yet written; how many this call wrote.</summary>
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
            var now = time.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
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
            if (count == 0)
            {
                return 0;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return count;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another sender wrote some of these people meanwhile (the unique index said so): read again, write the rest.
            }
        }
    }
}

/// <summary>Runs the scheduled announcements when they fall due (every half minute, on the injected clock).</summary>
internal sealed class AnnouncementLoop(
    IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<NotificationOptions> options, TimeProvider time, ILogger<AnnouncementLoop> logger) : BackgroundService
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
            try
            {
                await Task.Delay(Every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
