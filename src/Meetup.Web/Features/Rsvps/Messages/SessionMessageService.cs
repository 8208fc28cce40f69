using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Rsvps.Messages;

/// <summary>
/// The organizer writes to the people registered for a session (room change, slides, "bring your laptop"): one email
/// each, in their language, about their RSVP — no follow needed. The cancelled, the erased and addresses that cannot
/// receive mail are left out. The text stays plain text in the email.
/// </summary>
public sealed class SessionMessageService(IDbContextFactory<MeetupDb> dbFactory, Outbox outbox, PublicUrls urls, TimeProvider time, IStringLocalizer<Strings> l)
{
    public const int SubjectMax = 200, MessageMax = 5000;
    public static readonly string[] Audiences = ["confirmed", "waitlisted", "all"];

    public async Task<OperationResult<SessionMessageAudience>> AudienceAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct))
        {
            return OperationResult<SessionMessageAudience>.NotFound("No such session.");
        }
        var people = await Reachable(db, sessionId, "all").Select(r => r.Status).ToListAsync(ct);
        return OperationResult<SessionMessageAudience>.Ok(new(people.Count(s => s == RsvpStatus.Confirmed), people.Count(s => s == RsvpStatus.Waitlisted)));
    }

    public async Task<OperationResult<SessionMessageSent>> SendAsync(int sessionId, SessionMessageInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var subject = Check(input.Subject, SubjectMax, "subject", l["Write a subject (at most {0} characters).", SubjectMax], errors);
        var message = Check(input.Message, MessageMax, "message", l["Write the message (at most {0} characters).", MessageMax], errors);
        if (!Audiences.Contains(input.To, StringComparer.Ordinal))
        {
            errors.Add("to", l["Choose who gets it: confirmed, waitlisted or all."]);
        }
        if (subject is not null && subject.Any(char.IsControl))
        {
            errors.Add("subject", l["The subject must be one line."]);
        }
        if (!errors.IsEmpty)
        {
            return OperationResult<SessionMessageSent>.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct))
        {
            return OperationResult<SessionMessageSent>.NotFound("No such session.");
        }
        var people = await Reachable(db, sessionId, input.To!)
            .Select(r => new { r.Id, r.AttendeeId, r.Attendee!.Email, r.Attendee.PreferredLanguage }).ToListAsync(ct);
        var sending = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow().UtcDateTime;
        var payload = new NotificationPayload { BaseUrl = urls.Base, Subject = subject, Message = message };
        foreach (var p in people.Where(p => AccountAddress.IsDeliverable(p.Email!) && EmailRules.CanSend(p.Email!)))
        {
            outbox.Add(db, new Notice(NotificationKind.SessionMessage, $"message:{sending}:rsvp:{p.Id}", p.Email!, p.PreferredLanguage, now)
            {
                SessionId = sessionId,
                RsvpId = p.Id,
                AttendeeId = p.AttendeeId,
                Payload = payload,
            });
        }
        var count = db.ChangeTracker.Entries<OutboxMessage>().Count();
        await db.SaveChangesAsync(ct);
        outbox.Wake();
        return OperationResult<SessionMessageSent>.Ok(new(count));
    }

    /// <summary>Active RSVPs of people not erased and with an address.</summary>
    private static IQueryable<Rsvp> Reachable(MeetupDb db, int sessionId, string to) => db.Rsvps.Where(r => r.SessionId == sessionId
        && (to == "confirmed" ? r.Status == RsvpStatus.Confirmed : to == "waitlisted" ? r.Status == RsvpStatus.Waitlisted : r.Status != RsvpStatus.Cancelled)
        && r.Attendee!.ErasedAt == null && r.Attendee.Email != null);

    private static string? Check(string? value, int max, string field, string problem, ValidationErrors errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > max)
        {
            errors.Add(field, problem);
            return null;
        }
        return text;
    }
}
