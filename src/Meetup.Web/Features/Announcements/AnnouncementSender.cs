using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Announcements;

/// <summary>
/// Sends an announcement when it is due: chooses its recipients then, and in one transaction claims it (a conditional
/// update of <see cref="Announcement.SentAt"/>: a second send, or another instance, finds it taken and does nothing),
/// writes one <see cref="AnnouncementRecipient"/>, one unsubscribe link (hash only) and one outbox email per person.
/// </summary>
public sealed class AnnouncementSender(
    IDbContextFactory<MeetupDb> dbFactory, AudienceSelector audiences, Outbox outbox, PublicBase publicBase, TimeProvider time,
    ILogger<AnnouncementSender> logger)
{
    /// <summary>Sends it if due, unsent and not cancelled; the number of emails queued, or null when it was not this call's to send.</summary>
    public async Task<int?> SendAsync(int announcementId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Announcement? announcement;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            announcement = await read.Announcements.AsNoTracking()
                .FirstOrDefaultAsync(a => a.Id == announcementId && a.SentAt == null && a.CancelledAt == null && a.SendAt <= now, ct);
        }
        if (announcement is null)
        {
            return null;
        }
        var people = await audiences.SelectAsync(announcement.EventId, announcement.SessionId, announcement.Audience, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Announcements
            .Where(a => a.Id == announcementId && a.SentAt == null && a.CancelledAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.SentAt, now), ct);
        if (claimed == 0)
        {
            return null; // sent (or cancelled) meanwhile by someone else
        }
        var baseUrl = publicBase.For((string?)null);
        foreach (var person in people)
        {
            db.AnnouncementRecipients.Add(new AnnouncementRecipient { AnnouncementId = announcementId, AttendeeId = person.AttendeeId });
            // One token per email, made now and stored as its hash: it unsubscribes and fills the RSVP form.
            var token = ManageTokens.New();
            db.SubscriptionLinks.Add(new SubscriptionLink
            {
                SubscriptionId = person.SubscriptionId,
                Purpose = SubscriptionLinkPurpose.Unsubscribe,
                Hash = ManageTokens.Hash(token),
                CreatedAt = now,
            });
            outbox.Add(db, new Notice(NotificationKind.Announcement, $"announcement:{announcementId}:{person.AttendeeId}", person.Email, person.Language, now)
            {
                SessionId = announcement.SessionId,
                AttendeeId = person.AttendeeId,
                ManageToken = token,
                Payload = new NotificationPayload { BaseUrl = baseUrl, SubscriptionId = person.SubscriptionId, AnnouncementId = announcementId },
            });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        outbox.Wake();
        logger.LogInformation("Announcement {Id} sent to {Count} people", announcementId, people.Count);
        return people.Count;
    }

    /// <summary>Sends every due announcement; the number of emails queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.Announcements.AsNoTracking().Where(a => a.SentAt == null && a.CancelledAt == null && a.SendAt <= now)
                .OrderBy(a => a.SendAt).Select(a => a.Id).ToListAsync(ct);
        }
        var sent = 0;
        foreach (var id in due)
        {
            sent += await SendAsync(id, ct) ?? 0;
        }
        return sent;
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
