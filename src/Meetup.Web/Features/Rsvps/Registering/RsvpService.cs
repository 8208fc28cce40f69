using System.Globalization;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Web.Features.Attendees;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Rsvps.Seats;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Rsvps.Registering;

/// <summary>
/// Saying "I'm coming": one RSVP per person (normalized email) and session, a seat while there is
/// one, else the end of the waitlist. Every RSVP is written by <see cref="RsvpBatchWriter"/> under <see cref="SeatLock"/>.
/// </summary>
public sealed class RsvpService(
    IDbContextFactory<MeetupDb> dbFactory, SeatLock seats, RsvpBatcher batcher, RsvpBatchWriter writer, Outbox outbox, PublicUrls urls,
    TimeProvider time, ILogger<RsvpService> logger)
{
    /// <summary>
    /// A new RSVP (201; its manage link in the answer only for a new person, else only in their email), or the
    /// existing one's status (200, its manage link is emailed again). <paramref name="byOrganizer"/>: a manual add,
    /// which skips the RSVP window (not a cancellation) and answers 409 for someone already registered.
    /// </summary>
    public async Task<OperationResult<RsvpOutcome>> CreateAsync(int sessionId, RsvpInput input, bool byOrganizer = false, CancellationToken ct = default)
    {
        // Encrypting the token is done here, outside the serialized part.
        var token = ManageTokens.New();
        var request = new RsvpRequest(sessionId, input, token, outbox.Protect(token), urls.Base, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture,
            byOrganizer);
        if (input.Subscribe == true)
        {
            var followToken = ManageTokens.New();
            request = request with { FollowToken = followToken, ProtectedTokens = outbox.Protect(ManageLinkSlot.Pair(token, followToken)) };
        }
        // The usual path: RSVPs that arrive together are checked and written together (see RsvpBatcher), with the
        // session and its questions read once per batch.
        if (!byOrganizer && await batcher.SubmitAsync(request, ct) is { } batched)
        {
            return batched;
        }
        // An organizer's add, or a request whose batch failed as a whole (a lost race on a unique index): a batch
        // of one, with retries.
        var result = (await writer.WriteAsync(sessionId, [request], ct))[0];
        if (byOrganizer && result.Succeeded)
        {
            logger.LogInformation("RSVP to session {SessionId} added by an organizer: {Status} {Position}", sessionId, result.Value!.Status, result.Value.WaitlistPosition);
        }
        return result;
    }

    /// <summary>
    /// "Email me my link again" (POST …/rsvps/resend, or an RSVP with a known email). Always the
    /// same answer, registered or not, so the endpoint reveals nothing about who is registered.
    /// </summary>
    public async Task ResendLinkAsync(int sessionId, string? email, CancellationToken ct = default)
    {
        var normalized = EmailAddress.Normalize(email ?? "");
        if (!EmailRules.IsAcceptable(normalized))
        {
            return;
        }
        var baseUrl = urls.Base;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            var personId = await PeopleByEmail.IdAsync(read, normalized, ct);
            if (personId is null || !await read.Rsvps.AnyAsync(r => r.SessionId == sessionId && r.AttendeeId == personId && r.Status != RsvpStatus.Cancelled, ct))
            {
                return;
            }
        }
        await seats.RunAsync(sessionId, async (db, c) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var personId = await PeopleByEmail.IdAsync(db, normalized, c);
            var rsvp = await db.Rsvps.Include(r => r.Attendee)
                .FirstOrDefaultAsync(r => r.SessionId == sessionId && r.AttendeeId == personId && r.Status != RsvpStatus.Cancelled, c);
            if (rsvp is not null)
            {
                await LinkResend.ResendLockedAsync(new SeatUnit(db, outbox, baseUrl, now), rsvp, rsvp.Attendee!, logger, c);
            }
            return true;
        }, ct);
        outbox.Wake();
    }
}
