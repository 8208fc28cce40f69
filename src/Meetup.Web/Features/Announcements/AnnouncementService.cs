using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Announcements;

/// <summary>
/// Announcing a published session to the group's active followers: who would get it (dry run), writing it (handed to
/// <see cref="AnnouncementLoop"/> at once, or sent at <see cref="AnnouncementInput.SendAt"/>), cancelling it before then, the list with its effect, and the
/// at-risk win-back figure next to its baseline.
/// </summary>
public sealed class AnnouncementService(
    IDbContextFactory<MeetupDb> dbFactory, AudienceSelector audiences, AnnouncementSignal sendNow, AnnouncementEffect effect,
    TimeProvider time, IStringLocalizer<Strings> l)
{
    public const int SubjectMaxLength = 200, MessageMaxLength = 2000, SampleSize = 10;

    /// <summary>How many people the announcement would reach now, with a few names and why others are left out; 404 for a session not of the event.</summary>
    public async Task<OperationResult<AudiencePreview>> PreviewAsync(int eventId, int sessionId, AnnouncementAudience audience, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.Sessions.AnyAsync(s => s.Id == sessionId && s.EventId == eventId, ct))
            {
                return OperationResult<AudiencePreview>.NotFound("No such session in this event.");
            }
        }
        return OperationResult<AudiencePreview>.Ok(AudiencePreview.From(await audiences.ExplainAsync(eventId, sessionId, audience, ct), SampleSize));
    }

    /// <summary>
    /// Checks and writes an announcement (400 naming the fields). With no SendAt it is due now: the loop is woken to send
    /// it, and the answer counts its audience as accepted (who gets it is fixed when the sender claims it, usually
    /// within a second; docs/api.md). A scheduled one answers 0 recipients.
    /// </summary>
    public async Task<OperationResult<AnnouncementCreated>> CreateAsync(int eventId, AnnouncementInput input, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return OperationResult<AnnouncementCreated>.NotFound("No such event.");
        }
        if (!AnnouncementAudiences.TryParse(input.Audience, out var audience))
        {
            errors.Add("audience", l["Choose followers, past_attendees, regulars or at_risk."]);
        }
        if (input.SessionId is not { } sessionId)
        {
            errors.Add("sessionId", l["Choose the session to announce."]);
        }
        else
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.EventId, s.Status, s.StartsAt }).FirstOrDefaultAsync(ct);
            if (session is null || session.EventId != eventId)
            {
                errors.Add("sessionId", l["No such session in this group."]);
            }
            else if (session.Status != SessionStatus.Published)
            {
                errors.Add("sessionId", l["Only a published session can be announced."]);
            }
            else if (session.StartsAt <= now)
            {
                errors.Add("sessionId", l["The session has already started."]);
            }
            else if (input.SendAt?.UtcDateTime >= session.StartsAt)
            {
                errors.Add("sendAt", l["Choose a time before the session starts."]);
            }
        }
        var subject = string.IsNullOrWhiteSpace(input.Subject) ? null : input.Subject.Trim();
        if (subject?.Length > SubjectMaxLength)
        {
            errors.Add("subject", l["Keep the subject under {0} characters.", SubjectMaxLength]);
        }
        var message = string.IsNullOrWhiteSpace(input.Message) ? null : input.Message.Trim();
        if (message?.Length > MessageMaxLength)
        {
            errors.Add("message", l["Keep the message under {0} characters.", MessageMaxLength]);
        }
        var sendAt = input.SendAt?.UtcDateTime;
        if (sendAt is { } at && at <= now)
        {
            errors.Add("sendAt", l["Pick a time in the future, or choose Send now."]);
        }
        if (!errors.IsEmpty)
        {
            return OperationResult<AnnouncementCreated>.Invalid(errors);
        }
        // A send now while another announcement of this session is still going out would be counted before that one's
        // recipients are written (so it would promise people who then get nothing): say so instead.
        if (sendAt is null && await SendingAsync(db, input.SessionId!.Value, now, ct))
        {
            return OperationResult<AnnouncementCreated>.Conflict(
                l["An announcement of this session is being sent right now. Once it has gone out, this page shows who is left to send to."]);
        }
        // Selected once: the dry run's answer, or a send-now's count as accepted (the request writes no recipient).
        var people = input.DryRun || sendAt is null ? await audiences.SelectAsync(eventId, input.SessionId!.Value, audience, ct) : null;
        if (input.DryRun)
        {
            return OperationResult<AnnouncementCreated>.Ok(new AnnouncementCreated(0, people!.Count, sendAt ?? now, null)
            {
                Sample = [.. people.Take(SampleSize).Select(p => new AudienceMember(p.Name, p.Email))],
            });
        }
        var announcement = new Announcement
        {
            EventId = eventId,
            SessionId = input.SessionId!.Value,
            Audience = audience,
            Subject = subject,
            Message = message,
            CreatedAt = now,
            SendAt = sendAt ?? now,
        };
        db.Announcements.Add(announcement);
        await db.SaveChangesAsync(ct);
        if (sendAt is null)
        {
            sendNow.Notify();
        }
        return OperationResult<AnnouncementCreated>.Ok(new AnnouncementCreated(announcement.Id, people?.Count ?? 0, announcement.SendAt, null));
    }

    /// <summary>An announcement of the session that the sender has still to send or finish (its own rules).</summary>
    private static async Task<bool> SendingAsync(MeetupDb db, int sessionId, DateTime now, CancellationToken ct)
    {
        var ofSession = db.Announcements.Where(a => a.SessionId == sessionId);
        return await ofSession.AnyAsync(AnnouncementSender.Due(now), ct) || await ofSession.AnyAsync(AnnouncementSender.Unfinished(now), ct);
    }

    /// <summary>Cancels a scheduled announcement; 409 once sent, 404 unknown. Cancelling again changes nothing.</summary>
    public async Task<OperationResult<AnnouncementSummary>> CancelAsync(int announcementId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Conditional, like the sender's claim: a cancel and a send racing each other, exactly one wins.
        await db.Announcements.Where(a => a.Id == announcementId && a.SentAt == null && a.CancelledAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.CancelledAt, now), ct);
        var row = await db.Announcements.AsNoTracking().Where(a => a.Id == announcementId)
            .Select(a => new { a.EventId, a.SentAt }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return OperationResult<AnnouncementSummary>.NotFound("No such announcement.");
        }
        if (row.SentAt is not null)
        {
            return OperationResult<AnnouncementSummary>.Conflict("The announcement has already been sent.");
        }
        var all = await effect.SummariesAsync(db, row.EventId, ct);
        return OperationResult<AnnouncementSummary>.Ok(all.First(a => a.Id == announcementId));
    }

    /// <summary>The event's announcements, newest first, with recipients, RSVPs after sending and attendance.</summary>
    public async Task<OperationResult<IReadOnlyList<AnnouncementSummary>>> ListAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return OperationResult<IReadOnlyList<AnnouncementSummary>>.NotFound("No such event.");
        }
        return OperationResult<IReadOnlyList<AnnouncementSummary>>.Ok(await effect.SummariesAsync(db, eventId, ct));
    }

    /// <summary>The at-risk announcements' win-back rates beside the baseline of sessions with none.</summary>
    public async Task<OperationResult<WinBackComparison>> WinBackAsync(int eventId, CancellationToken ct = default)
        => await effect.WinBackAsync(eventId, ct) is { } comparison
            ? OperationResult<WinBackComparison>.Ok(comparison)
            : OperationResult<WinBackComparison>.NotFound("No such event.");
}
