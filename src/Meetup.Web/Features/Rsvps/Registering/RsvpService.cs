using System.Globalization;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Errors;
using Meetup.Data.Locking;
using Meetup.Web.Features.Attendees;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Rsvps.Seats;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Rsvps.Registering;

/// <summary>
/// Saying "I'm coming": one RSVP per person (normalized email) and session, a seat while there is
/// one, else the end of the waitlist. Seat changes run under <see cref="SeatLock"/>.
/// </summary>
public sealed class RsvpService(
    IDbContextFactory<MeetupDb> dbFactory, SeatLock seats, RsvpBatcher batcher, Outbox outbox, PublicUrls urls, TimeProvider time,
    IStringLocalizer<Strings> l, ILogger<RsvpService> logger)
{
    /// <summary>
    /// A new RSVP (201; its manage link in the answer only for a new person, else only in their email), or the
    /// existing one's status (200, its manage link is emailed again). <paramref name="byOrganizer"/> skips the
    /// RSVP window (a manual add).
    /// </summary>
    public async Task<OperationResult<RsvpOutcome>> CreateAsync(int sessionId, RsvpInput input, bool byOrganizer = false, CancellationToken ct = default)
    {
        var baseUrl = urls.Base;
        var token = ManageTokens.New();
        if (!byOrganizer)
        {
            // The usual path: RSVPs that arrive together are checked and written together (see RsvpBatcher),
            // with the session and its questions read once per batch. Encrypting the token is done here,
            // outside the serialized part.
            var request = new RsvpRequest(sessionId, input, token, outbox.Protect(token), baseUrl, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            if (await batcher.SubmitAsync(request, ct) is { } batched)
            {
                return batched;
            }
            // The batch failed as a whole (a lost race on a unique index): this request alone, with retries.
        }

        SessionInfo? info;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            var head = await read.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.EventId, s.Event!.TimeZone, Asks = s.Event.Questions.Any() })
                .FirstOrDefaultAsync(ct);
            info = head is null ? null : new SessionInfo(head.TimeZone, head.Asks
                ? await read.RegistrationQuestions.AsNoTracking().Where(q => q.EventId == head.EventId).ToListAsync(ct)
                : []);
        }
        if (info is null)
        {
            return OperationResult<RsvpOutcome>.NotFound(l["No session with id {0}.", sessionId]);
        }
        var checkedInput = RsvpRules.Check(input, info.Questions, l);
        if (!checkedInput.Succeeded)
        {
            return OperationResult<RsvpOutcome>.Invalid(checkedInput.Errors);
        }
        var fields = checkedInput.Value!;
        var result = await seats.RunAsync(sessionId, (db, c) => CreateLockedAsync(db, sessionId, fields, token, baseUrl, info.TimeZone, byOrganizer, c), ct);
        if (result.Succeeded)
        {
            outbox.Wake();
        }
        return result;
    }

    private async Task<OperationResult<RsvpOutcome>> CreateLockedAsync(
        MeetupDb db, int sessionId, RsvpFields fields, string token, string baseUrl, string timeZone, bool byOrganizer, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var state = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new SeatState(s,
                s.Rsvps.Count(r => r.Status == RsvpStatus.Confirmed),
                s.Rsvps.Where(r => r.Status == RsvpStatus.Waitlisted).Max(r => r.WaitlistPosition)))
            .FirstOrDefaultAsync(ct);
        if (state is null)
        {
            return OperationResult<RsvpOutcome>.NotFound(l["No session with id {0}.", sessionId]); // deleted with its event meanwhile
        }
        var session = state.Session;
        var notOpen = RsvpRules.WhyNotOpen(session.Status, session.StartsAt, session.RsvpOpensAt, session.RsvpClosesAt, now);
        if (notOpen is { } reason && (!byOrganizer || reason == NotOpenReason.Cancelled))
        {
            return OperationResult<RsvpOutcome>.Conflict(RsvpRules.Explain(reason, session.RsvpOpensAt, timeZone, l));
        }

        var personId = await PeopleByEmail.IdAsync(db, fields.Email, ct);
        var known = personId is null ? null : await db.Attendees.Where(a => a.Id == personId)
            .Select(a => new { Attendee = a, Rsvp = a.Rsvps.FirstOrDefault(r => r.SessionId == sessionId) })
            .FirstOrDefaultAsync(ct) ?? throw new ConcurrentChangeException($"Person {personId} was merged meanwhile.");
        if (personId is { } id)
        {
            await PeopleLock.ShareAsync(db, [id], ct);
        }
        if (known?.Rsvp is { Status: not RsvpStatus.Cancelled } active)
        {
            if (byOrganizer)
            {
                return OperationResult<RsvpOutcome>.Conflict(l["{0} is already registered for this session.", fields.Email]);
            }
            await LinkResend.ResendLockedAsync(db, outbox, active, known.Attendee, baseUrl, now, logger, ct);
            return OperationResult<RsvpOutcome>.Ok(new RsvpOutcome { Status = active.Status.ToSnakeCase(), WaitlistPosition = active.WaitlistPosition });
        }

        // A free seat with people still waiting (capacity was just raised) goes to them first.
        var places = new SeatCounter(session.Capacity, state.Confirmed, state.LastPosition ?? 0);
        if (places.FreeSeatWhileWaiting)
        {
            places.Promoted((await Waitlist.FillFreeSeatsAsync(db, session, outbox, baseUrl, now, ct)).Count);
        }
        var placement = RsvpPlacement.Place(sessionId, known?.Attendee, known?.Rsvp, fields, places, now);
        var (person, rsvp, newPerson, newRsvp) = placement;
        if (newPerson)
        {
            db.Attendees.Add(person);
        }
        if (newRsvp)
        {
            db.Rsvps.Add(rsvp);
        }
        else
        {
            await ManageLinkHashes.ForgetAsync(db, [rsvp.Id], ct);
        }
        await db.SaveChangesAsync(ct);
        db.RsvpManageTokens.Add(ManageLinkHashes.New(rsvp.Id, token, now));

        outbox.Add(db, RsvpNotices.Status(rsvp, person, token, baseUrl, now));
        if (rsvp.Status == RsvpStatus.Confirmed && RsvpNotices.Reminder(rsvp, person, session.StartsAt, baseUrl, now) is { } reminder)
        {
            await outbox.AddMissingAsync(db, [reminder], ct);
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("RSVP {RsvpId} to session {SessionId}: {Status} {Position}", rsvp.Id, sessionId, rsvp.Status, rsvp.WaitlistPosition);

        return OperationResult<RsvpOutcome>.Ok(placement.Answer(token, baseUrl));
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
                await LinkResend.ResendLockedAsync(db, outbox, rsvp, rsvp.Attendee!, baseUrl, now, logger, c);
            }
            return true;
        }, ct);
        outbox.Wake();
    }

    private sealed record SessionInfo(string TimeZone, List<RegistrationQuestion> Questions);

    private sealed record SeatState(Session Session, int Confirmed, int? LastPosition);
}
