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

    /// <summary>How many people each choice reaches: the same people a send writes to (deliverable addresses only).</summary>
    public async Task<OperationResult<SessionMessageAudience>> AudienceAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct))
        {
            return OperationResult<SessionMessageAudience>.NotFound("No such session.");
        }
        var people = await RecipientsAsync(db, sessionId, "all", ct);
        return OperationResult<SessionMessageAudience>.Ok(new(people.Count(p => p.Status == RsvpStatus.Confirmed), people.Count(p => p.Status == RsvpStatus.Waitlisted)));
    }

    /// <summary>
    /// What <see cref="SendAsync"/> would answer, sending nothing: the same field errors, or how many people it would
    /// reach now. The dialog asks for a confirmation only after this.
    /// </summary>
    public async Task<OperationResult<SessionMessageSent>> CheckAsync(int sessionId, SessionMessageInput input, CancellationToken ct = default)
    {
        var errors = Validate(input, out _, out _);
        if (!errors.IsEmpty)
        {
            return OperationResult<SessionMessageSent>.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct))
        {
            return OperationResult<SessionMessageSent>.NotFound("No such session.");
        }
        return OperationResult<SessionMessageSent>.Ok(new((await RecipientsAsync(db, sessionId, input.To!, ct)).Count));
    }

    public async Task<OperationResult<SessionMessageSent>> SendAsync(int sessionId, SessionMessageInput input, CancellationToken ct = default)
    {
        var errors = Validate(input, out var subject, out var message);
        if (!errors.IsEmpty)
        {
            return OperationResult<SessionMessageSent>.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct))
        {
            return OperationResult<SessionMessageSent>.NotFound("No such session.");
        }
        var people = await RecipientsAsync(db, sessionId, input.To!, ct);
        var sending = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow().UtcDateTime;
        var payload = new NotificationPayload { BaseUrl = urls.Base, Subject = subject, Message = message };
        foreach (var p in people)
        {
            outbox.Add(db, new Notice(NotificationKind.SessionMessage, $"message:{sending}:rsvp:{p.Id}", p.Email, p.PreferredLanguage, now)
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

    private ValidationErrors Validate(SessionMessageInput input, out string? subject, out string? message)
    {
        var errors = new ValidationErrors();
        subject = Check(input.Subject, SubjectMax, "subject", l["Write a subject (at most {0} characters).", SubjectMax], errors);
        message = Check(input.Message, MessageMax, "message", l["Write the message (at most {0} characters).", MessageMax], errors);
        if (!Audiences.Contains(input.To, StringComparer.Ordinal))
        {
            errors.Add("to", l["Choose who gets it: confirmed, waitlisted or all."]);
        }
        if (subject is not null && subject.Any(char.IsControl))
        {
            errors.Add("subject", l["The subject must be one line."]);
        }
        return errors;
    }

    private sealed record Recipient(int Id, int AttendeeId, RsvpStatus Status, string Email, string? PreferredLanguage);

    /// <summary>Active RSVPs of people not erased, with an address that can receive mail: whom a message goes to.</summary>
    private static async Task<List<Recipient>> RecipientsAsync(MeetupDb db, int sessionId, string to, CancellationToken ct)
    {
        var people = await db.Rsvps.Where(r => r.SessionId == sessionId
                && (to == "confirmed" ? r.Status == RsvpStatus.Confirmed : to == "waitlisted" ? r.Status == RsvpStatus.Waitlisted : r.Status != RsvpStatus.Cancelled)
                && r.Attendee!.ErasedAt == null && r.Attendee.Email != null)
            .Select(r => new Recipient(r.Id, r.AttendeeId, r.Status, r.Attendee!.Email!, r.Attendee.PreferredLanguage)).ToListAsync(ct);
        return [.. people.Where(p => AccountAddress.IsDeliverable(p.Email) && EmailRules.CanSend(p.Email))];
    }

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
