using System.Text.Json;
using Meetup.Data;
using Meetup.Data.Claims;
using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Meetup.Web.Features.Notifications;

/// <summary>
/// Sends the outbox a batch at a time (<see cref="NotificationOptions.BatchSize"/>): claims due rows, renders those not
/// rendered yet and writes them (with the hashes of any fresh links in them) before any goes out, sends each, and
/// records the batch's outcomes in one write. Three short writes per batch instead of two per email, each taking its
/// turn at SQLite's writer (<see cref="TurnTakingWrite"/>) like the RSVPs and check-ins it runs beside: during a drain
/// of thousands an RSVP waits for one short write of the sender, not in SQLite's sleeping busy handler
/// (docs/architecture.md). A failure (SMTP down, a bad address) is retried with exponential backoff up to
/// <see cref="NotificationOptions.MaxAttempts"/>; a restart loses nothing because the rows are the queue. The Message-Id
/// is derived from the row, so a receiver can drop the rare duplicate of a message whose success could not be recorded
/// (SMTP accepted it, then this process died before the batch's outcomes were written: at most one batch).
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<MeetupDb> dbFactory, SeatGates gates, IEmailTransport transport, MessageRenderer renderer, Outbox outbox, OutboxSignal signal,
    IOptions<NotificationOptions> options, IOptions<SmtpOptions> smtp, TimeProvider time, ILogger<OutboxSender> logger) : BackgroundService
{
    private readonly NotificationOptions _options = options.Value;
    private DateTime _nextForgetting = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            logger.LogInformation("Outbox sender is switched off (Notifications:Enabled=false)");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await RunOnceAsync(stoppingToken) >= _options.BatchSize;
                if (time.GetUtcNow().UtcDateTime >= _nextForgetting)
                {
                    await ForgetOldAsync(stoppingToken);
                    _nextForgetting = time.GetUtcNow().UtcDateTime.AddHours(1);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Outbox sender pass failed; trying again later");
            }
            if (!full)
            {
                await WaitAsync(stoppingToken);
            }
        }
    }

    /// <summary>One pass: claims a batch of due messages and tries each once. Returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var token = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await TurnTakingWrite.RunAsync(db, gates,
            c => OutboxClaims.ClaimAsync(db, token, now, now.AddSeconds(_options.LeaseSeconds), _options.BatchSize, c), ct);
        if (batch.Count == 0)
        {
            return 0;
        }

        // Rendered first, all in memory; one turn writes them (with their fresh links' hashes) before any goes out.
        var ready = new List<(OutboxMessage Message, string? Token)>();
        var fresh = new List<(int RsvpId, string Token)>();
        foreach (var message in batch)
        {
            try
            {
                if (!AccountAddress.IsDeliverable(message.Recipient))
                {
                    // Someone imported by their account on another site (AccountAddress): there is no mailbox to try.
                    Skip(message, $"Skipped: {message.Recipient} is under the reserved .invalid domain (a person known only by an account on another site), not a mailbox.");
                    continue;
                }
                if (!EmailRules.CanSend(message.Recipient))
                {
                    // Stored before addresses were checked at the door (EmailRules): no attempt can ever parse it.
                    Skip(message, $"Failed: the address {Printable(message.Recipient)} cannot be parsed as one mailbox; it will not be retried.");
                    continue;
                }
                var manageToken = outbox.Unprotect(message.Secret);
                if (message.Subject is not null && manageToken is null && (ManageLinkSlot.In(message.TextBody) || ManageLinkSlot.In(message.HtmlBody)))
                {
                    message.Subject = null; // the key ring lost the link since it was rendered: write it again without
                }
                if (message.Subject is null)
                {
                    if (!await RenderAsync(db, message, fresh, ct))
                    {
                        continue;
                    }
                    manageToken = outbox.Unprotect(message.Secret);
                }
                ready.Add((message, manageToken));
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                Fail(message, ex);
            }
        }
        await TurnTakingWrite.RunAsync(db, gates, async c =>
        {
            foreach (var (rsvpId, link) in fresh)
            {
                await ManageLinkHashes.AddAsync(db, rsvpId, link, time.GetUtcNow().UtcDateTime, c);
                await db.SaveChangesAsync(c); // each link's rotation sees the one before it
            }
            return await db.SaveChangesAsync(c);
        }, ct);

        IEmailConnection? connection = null;
        try
        {
            foreach (var (message, manageToken) in ready)
            {
                try
                {
                    connection ??= await transport.ConnectAsync(ct);
                    await connection.SendAsync(ToMime(message, manageToken), ct);
                    message.Secret = null; // the link has gone out; nothing left to fill in
                    message.SentAt = time.GetUtcNow().UtcDateTime;
                    message.NextAttemptAt = null;
                    message.Attempts++;
                    Release(message);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    Fail(message, ex);
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            // One turn records the batch's outcomes, also when stopping: what went out is not sent again.
            await TurnTakingWrite.RunAsync(db, gates, c => db.SaveChangesAsync(c), CancellationToken.None);
        }
        return batch.Count;
    }

    /// <summary>
    /// Blanks the personal content of messages sent or given up more than <see cref="NotificationOptions.KeepSentDays"/>
    /// ago, in one statement. Returns how many rows it blanked.
    /// </summary>
    public async Task<int> ForgetOldAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-_options.KeepSentDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var blanked = await TurnTakingWrite.RunAsync(db, gates,
            c => Outbox.BlankAsync(db.OutboxMessages.Where(o => (o.SentAt < cutoff || o.FailedAt < cutoff) && o.Recipient != ""), c), ct);
        // A message being sent while its person erased their data may have been written back after the erasure
        // blanked it: blank it again, whatever its age, once no sender holds it.
        var now = time.GetUtcNow().UtcDateTime;
        blanked += await TurnTakingWrite.RunAsync(db, gates, c => Outbox.BlankAsync(db.OutboxMessages.Where(o => (o.ClaimToken == null || o.ClaimedUntil < now)
            && (o.Recipient != "" || o.Subject != null || o.TextBody != null || o.LastError != null)
            && db.Attendees.Any(a => a.Id == o.AttendeeId && a.ErasedAt != null)), c), ct);
        if (blanked > 0)
        {
            logger.LogInformation("Outbox: blanked {Count} messages sent before {Cutoff:o}", blanked, cutoff);
        }
        return blanked;
    }

    /// <summary>
    /// Emails about an RSVP written after it was made: each gets a manage link of its own, made now (so its "I can't
    /// come" link works), stored as a hash like every manage link (<see cref="ManageLinkHashes"/>).
    /// </summary>
    private static readonly HashSet<NotificationKind> FreshLinkKinds =
        [NotificationKind.Reminder, NotificationKind.RsvpPromoted, NotificationKind.SessionChanged, NotificationKind.SessionMessage];

    private async Task<bool> RenderAsync(MeetupDb db, OutboxMessage message, List<(int RsvpId, string Token)> freshLinks, CancellationToken ct)
    {
        string? fresh = null;
        if (message.Secret is null && message.RsvpId is not null && FreshLinkKinds.Contains(message.Kind))
        {
            fresh = ManageTokens.New();
            message.Secret = outbox.Protect(fresh);
        }
        var rendered = await renderer.RenderAsync(message, ct);
        if (rendered is null)
        {
            Skip(message, "Skipped: no longer applies.");
            return false;
        }
        message.Subject = rendered.Subject.Length > 500 ? rendered.Subject[..500] : rendered.Subject;
        message.TextBody = rendered.Text;
        message.HtmlBody = rendered.Html;
        message.Attachments = JsonSerializer.Serialize(rendered.Attachments, Outbox.Json);
        if (rendered.ListUnsubscribe is { } listUnsubscribe)
        {
            var facts = JsonSerializer.Deserialize<NotificationPayload>(message.Payload, Outbox.Json) ?? new();
            message.Payload = JsonSerializer.Serialize(facts with { ListUnsubscribe = listUnsubscribe }, Outbox.Json);
        }
        if (!ManageLinkSlot.In(rendered.Text) && !ManageLinkSlot.In(rendered.Html))
        {
            message.Secret = null; // no link in it (or the key ring lost it): nothing to fill in later
        }
        else if (message.Kind == NotificationKind.ThankYou && message.SessionId is { } sessionId && message.AttendeeId is { } attendeeId)
        {
            // The survey link is made now, with the email that carries it (walk-ins have no manage link to lend).
            message.Secret = outbox.Protect(FeedbackLinks.Issue(db, sessionId, attendeeId, time.GetUtcNow().UtcDateTime));
        }
        else if (fresh is not null)
        {
            freshLinks.Add((message.RsvpId!.Value, fresh)); // its hash is stored before the email goes out
        }
        return true;
    }

    /// <summary>Gives a message up without trying it, with the reason (written with the batch's outcomes).</summary>
    private void Skip(OutboxMessage message, string reason)
    {
        message.NextAttemptAt = null;
        message.FailedAt = time.GetUtcNow().UtcDateTime;
        message.LastError = reason;
        message.Secret = null;
        Release(message);
        logger.LogInformation("Outbox message {Id} ({Kind}) {Reason}", message.Id, message.Kind, reason);
    }

    /// <summary>Counts a failed attempt: tried again later with backoff, or given up (written with the batch's outcomes).</summary>
    private void Fail(OutboxMessage message, Exception ex)
    {
        var now = time.GetUtcNow().UtcDateTime;
        message.Attempts++;
        message.LastError = $"{ex.GetType().Name}: {ex.Message}" is var e && e.Length > 2000 ? e[..2000] : e;
        if (message.Attempts >= _options.MaxAttempts)
        {
            message.NextAttemptAt = null;
            message.FailedAt = now;
            message.Secret = null;
            logger.LogError(ex, "Outbox message {Id} ({Kind}) given up after {Attempts} attempts", message.Id, message.Kind, message.Attempts);
        }
        else
        {
            message.NextAttemptAt = now + _options.Backoff(message.Attempts);
            logger.LogWarning("Outbox message {Id} ({Kind}) attempt {Attempts} failed: {Error}; next try at {Next:o}", message.Id, message.Kind, message.Attempts, ex.Message, message.NextAttemptAt);
        }
        Release(message);
    }

    /// <summary>The address as a reason can hold it: control characters (PostgreSQL refuses NUL) shown as \uXXXX.</summary>
    private static string Printable(string address)
        => string.Concat(address.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    private static void Release(OutboxMessage message)
    {
        message.ClaimToken = null;
        message.ClaimedUntil = null;
    }

    /// <summary>The email as it goes out: the stored message with the manage token filled in (<see cref="ManageLinkSlot"/>).</summary>
    private MimeMessage ToMime(OutboxMessage m, string? token)
    {
        var message = new MimeMessage { Subject = m.Subject ?? "", Date = time.GetUtcNow() };
        var from = MailboxAddress.Parse(smtp.Value.From);
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(m.Recipient));
        message.MessageId = $"outbox-{m.Id}@{from.Domain}";
        var builder = token is null
            ? new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody }
            : new BodyBuilder { TextBody = ManageLinkSlot.Fill(m.TextBody, token), HtmlBody = ManageLinkSlot.Fill(m.HtmlBody, token) };
        foreach (var a in JsonSerializer.Deserialize<List<EmailAttachment>>(m.Attachments ?? "[]", Outbox.Json) ?? [])
        {
            var bytes = Convert.FromBase64String(a.Base64);
            var type = ContentType.Parse(a.ContentType);
            if (a.ContentId is not null)
            {
                var inline = builder.LinkedResources.Add(a.FileName, bytes, type);
                inline.ContentId = a.ContentId;
            }
            else
            {
                if (type.MimeType == "text/calendar")
                {
                    type.Parameters.Add("method", m.Kind is NotificationKind.SessionCancelled or NotificationKind.RsvpCancelled ? "CANCEL" : "PUBLISH");
                }
                builder.Attachments.Add(a.FileName, bytes, type);
            }
        }
        message.Body = builder.ToMessageBody();
        // Every part declares a 7-bit-safe Content-Transfer-Encoding (quoted-printable or base64, as MimeKit judges best):
        // a ja/zh body sent as undeclared 8-bit can be mangled by a relay, and the .eml files get the same (docs/architecture.md, Email).
        message.Prepare(EncodingConstraint.SevenBit);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (token is not null && JsonSerializer.Deserialize<NotificationPayload>(m.Payload, Outbox.Json)?.ListUnsubscribe is { } unsubscribe)
        {
            // RFC 8058: a mail client offers "unsubscribe" and POSTs List-Unsubscribe=One-Click to this URL.
            message.Headers.Add("List-Unsubscribe", $"<{ManageLinkSlot.Fill(unsubscribe, token)}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    private Task WaitAsync(CancellationToken ct) => signal.WaitAsync(TimeSpan.FromSeconds(_options.PollSeconds), time, ct);
}
