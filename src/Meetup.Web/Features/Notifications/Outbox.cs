using System.Text.Json;
using Meetup.Data;
using Meetup.Data.Bulk;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Notifications;

/// <summary>
/// Adds messages to the outbox inside the caller's unit of work, so they commit (or not) together
/// with the change they report. Call <see cref="Wake"/> after the commit to send promptly.
/// </summary>
public sealed class Outbox(IDataProtectionProvider protection, TimeProvider time, OutboxSignal signal)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IDataProtector _protector = protection.CreateProtector(ProtectorPurpose);

    internal const string ProtectorPurpose = "Meetup.Outbox.ManageToken.v1";

    /// <summary>Adds the message; the unique dedupe key refuses a second copy when the unit of work is saved.</summary>
    public void Add(MeetupDb db, Notice notice) => db.OutboxMessages.Add(Message(notice));

    /// <summary>The row <see cref="Add"/> would add, for writers that insert many at once (<see cref="Insert"/>).</summary>
    internal OutboxMessage Message(Notice notice)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = notice.DueAt < now ? now : notice.DueAt;
        return new OutboxMessage
        {
            Kind = notice.Kind,
            DedupeKey = notice.DedupeKey,
            Recipient = notice.Recipient,
            Culture = AppLanguages.CultureOf(notice.Language),
            Payload = JsonSerializer.Serialize(notice.Payload, Json),
            Secret = notice.ProtectedManageToken ?? (notice.ManageToken is null ? null : _protector.Protect(notice.ManageToken)),
            SessionId = notice.SessionId,
            RsvpId = notice.RsvpId,
            AttendeeId = notice.AttendeeId,
            CreatedAt = now,
            DueAt = due,
            NextAttemptAt = due,
        };
    }

    /// <summary>A multi-row INSERT of new rows (<see cref="Message"/>); the unique dedupe key refuses a second copy.</summary>
    internal static BulkInsert<OutboxMessage> Insert(MeetupDb db, int? rowsPerStatement = null) => new(db, typeof(OutboxMessage),
        [
            (nameof(OutboxMessage.Kind), o => o.Kind),
            (nameof(OutboxMessage.DedupeKey), o => o.DedupeKey),
            (nameof(OutboxMessage.Recipient), o => o.Recipient),
            (nameof(OutboxMessage.Culture), o => o.Culture),
            (nameof(OutboxMessage.Payload), o => o.Payload),
            (nameof(OutboxMessage.Secret), o => o.Secret),
            (nameof(OutboxMessage.SessionId), o => o.SessionId),
            (nameof(OutboxMessage.RsvpId), o => o.RsvpId),
            (nameof(OutboxMessage.AttendeeId), o => o.AttendeeId),
            (nameof(OutboxMessage.CreatedAt), o => o.CreatedAt),
            (nameof(OutboxMessage.DueAt), o => o.DueAt),
            (nameof(OutboxMessage.NextAttemptAt), o => o.NextAttemptAt),
            (nameof(OutboxMessage.Attempts), o => o.Attempts),
        ],
        rowsPerStatement: rowsPerStatement);

    /// <summary>Adds each message whose dedupe key is not in the outbox yet (for hooks that may run twice).</summary>
    public async Task AddMissingAsync(MeetupDb db, IReadOnlyCollection<Notice> notices, CancellationToken ct)
    {
        if (notices.Count == 0)
        {
            return;
        }
        var keys = notices.Select(n => n.DedupeKey).ToList();
        var existing = (await db.OutboxMessages.Where(o => keys.Contains(o.DedupeKey)).Select(o => o.DedupeKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var notice in notices.Where(n => !existing.Contains(n.DedupeKey)))
        {
            Add(db, notice);
        }
    }

    /// <summary>Drops unsent scheduled messages (a reminder for a cancelled RSVP, a thank-you after an undone check-in).</summary>
    public static Task<int> DropPendingAsync(IQueryable<OutboxMessage> which, CancellationToken ct)
        => which.Where(o => o.SentAt == null && o.ClaimToken == null).ExecuteDeleteAsync(ct);

    /// <summary>Blanks the personal content of these rows (address, language, facts, rendered message), keeping kind, ids and times.</summary>
    public static Task<int> BlankAsync(IQueryable<OutboxMessage> which, CancellationToken ct)
        => which.ExecuteUpdateAsync(set => set
            .SetProperty(o => o.Recipient, "")
            .SetProperty(o => o.Culture, "")
            .SetProperty(o => o.Payload, "{}")
            .SetProperty(o => o.Secret, (string?)null)
            .SetProperty(o => o.Subject, (string?)null)
            .SetProperty(o => o.TextBody, (string?)null)
            .SetProperty(o => o.HtmlBody, (string?)null)
            .SetProperty(o => o.Attachments, (string?)null)
            .SetProperty(o => o.LastError, (string?)null), ct);

    public string Protect(string token) => _protector.Protect(token);

    public string? Unprotect(string? secret)
    {
        if (secret is null)
        {
            return null;
        }
        try
        {
            return _protector.Unprotect(secret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // key ring lost: the message goes out without the link rather than not at all
        }
    }

    public void Wake() => signal.Notify();
}

/// <summary>Wakes the sender when something was enqueued (instead of waiting for its next poll).</summary>
public sealed class OutboxSignal : WakeSignal;
