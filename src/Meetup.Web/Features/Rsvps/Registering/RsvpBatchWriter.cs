using Meetup.Data;
using Meetup.Data.Bulk;
using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Web.Features.Attendees;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Rsvps.Seats;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Rsvps.Registering;

/// <summary>
/// The one RSVP writer: checks and writes one session's share of a batch of RSVPs inside one <see cref="SeatLock"/>
/// unit, in arrival order. A single RSVP (an organizer's add, a request whose batch failed) is a batch of one. This is the serialized part of
/// every RSVP, so it does as little as it can per RSVP: the session, its questions and its seat
/// count are read once, the people in one query; new people, RSVPs and emails go in through
/// <see cref="BulkInsert{T}"/> (INSERT … RETURNING the new keys, without EF's change tracking and
/// update pipeline: about half the writer's CPU per RSVP); the rare rest (a returning person's blanks,
/// a renewed RSVP, a link sent again, promotions) through EF; one commit.
/// </summary>
public sealed class RsvpBatchWriter(SeatLock seats, Outbox outbox, TimeProvider time, IStringLocalizer<Strings> l, ILogger<RsvpBatchWriter> logger)
{
    internal async Task<OperationResult<RsvpOutcome>[]> WriteAsync(int sessionId, IReadOnlyList<RsvpRequest> requests, CancellationToken ct = default)
    {
        var results = await seats.RunAsync(sessionId, (db, c) => WriteLockedAsync(db, sessionId, requests, c), ct);
        outbox.Wake();
        return results;
    }

    private async Task<OperationResult<RsvpOutcome>[]> WriteLockedAsync(MeetupDb db, int sessionId, IReadOnlyList<RsvpRequest> requests, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var results = new OperationResult<RsvpOutcome>[requests.Count];
        // Only what the rules need (the whole row is read only for the rare promotion below).
        var state = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new SessionState(
                s.EventId, s.Status, s.StartsAt, s.RsvpOpensAt, s.RsvpClosesAt, s.Capacity, s.Event!.TimeZone, s.Event.Questions.Any(),
                s.Rsvps.Count(r => r.Status == RsvpStatus.Confirmed),
                s.Rsvps.Where(r => r.Status == RsvpStatus.Waitlisted).Max(r => r.WaitlistPosition)))
            .FirstOrDefaultAsync(ct);
        if (state is null)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                using (new CultureScope(requests[i].Culture, requests[i].UiCulture))
                {
                    results[i] = OperationResult<RsvpOutcome>.NotFound(l["No session with id {0}.", sessionId]);
                }
            }
            return results;
        }
        var questions = state.Asks
            ? await db.RegistrationQuestions.AsNoTracking().Where(q => q.EventId == state.EventId).ToListAsync(ct)
            : [];
        var fields = Check(requests, questions, state, now, results);

        var emails = fields.OfType<RsvpFields>().Select(f => f.Email).Distinct().ToList();
        if (emails.Count == 0)
        {
            return results;
        }
        // Tracked: a returning person's blanks and a renewed RSVP are saved by EF at the end. Plain lookups by
        // unique index: a join to "their RSVP to this session" would read the whole session.
        var people = await PeopleByEmail.FindAllAsync(db, emails, ct);
        var ids = people.Values.Select(a => a.Id).Distinct().ToList();
        await PeopleLock.ShareAsync(db, ids, ct);
        var earlier = ids.Count == 0
            ? []
            : await db.Rsvps.Where(r => r.SessionId == sessionId && ids.Contains(r.AttendeeId)).ToDictionaryAsync(r => r.AttendeeId, ct);
        var unit = new SeatUnit(db, outbox, requests[0].BaseUrl, now);
        var places = new SeatCounter(state.Capacity, state.Confirmed, state.LastPosition ?? 0);
        if (places.FreeSeatWhileWaiting)
        {
            var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == sessionId, ct);
            places.Promoted((await Waitlist.FillFreeSeatsAsync(unit, session, ct)).Count);
        }

        var placed = new List<(int Index, Placement Placement)>();
        var inBatch = new Dictionary<string, Rsvp>(StringComparer.Ordinal);
        var resend = new List<(Rsvp Rsvp, Attendee Person, string BaseUrl)>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (fields[i] is not { } f)
            {
                continue;
            }
            var person = people.GetValueOrDefault(f.Email);
            var who = person?.Email ?? f.Email; // one key per person, whichever of their addresses they typed
            if (inBatch.TryGetValue(who, out var twin))
            {
                // The same person twice in one batch: the first RSVP's confirmation is the link.
                results[i] = requests[i].ByOrganizer ? AlreadyRegistered(requests[i], f) : Existing(twin);
                continue;
            }
            var rsvp = person is null ? null : earlier.GetValueOrDefault(person.Id);
            if (rsvp is { Status: not RsvpStatus.Cancelled } active)
            {
                if (requests[i].ByOrganizer)
                {
                    results[i] = AlreadyRegistered(requests[i], f); // nothing sent: the organizer sees their status in the list
                    continue;
                }
                resend.Add((active, person!, requests[i].BaseUrl));
                inBatch[who] = active;
                results[i] = Existing(active);
                continue;
            }
            var placement = RsvpPlacement.Place(sessionId, person, rsvp, f, places, now);
            inBatch[who] = placement.Rsvp;
            placed.Add((i, placement));
        }

        await RsvpBatchRows.InsertAsync(db, placed, ct);
        await RsvpBatchRows.InsertLinksAsync(unit, requests, placed, ct);
        var follows = await RsvpFollows.RequestAsync(db, state.EventId, requests, placed, now, ct);
        await RsvpBatchRows.EnqueueAsync(unit, requests, placed, follows, state.StartsAt, ct);
        foreach (var (index, p) in placed)
        {
            results[index] = OperationResult<RsvpOutcome>.Ok(p.Answer(requests[index].Token, requests[index].BaseUrl));
        }
        foreach (var (rsvp, person, baseUrl) in resend)
        {
            await LinkResend.ResendLockedAsync(unit with { BaseUrl = baseUrl }, rsvp, person, logger, ct);
        }
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
        logger.LogDebug("Batch of {Count} RSVPs to session {SessionId}: {Written} written", requests.Count, sessionId, placed.Count);
        return results;
    }

    /// <summary>
    /// Each request checked as a single RSVP would be — bad input (400) before "not open" (409; an organizer's
    /// add only for a cancelled session), in the request's language; the fields of those that may take a place,
    /// null for the others.
    /// </summary>
    private RsvpFields?[] Check(
        IReadOnlyList<RsvpRequest> requests, List<RegistrationQuestion> questions, SessionState session, DateTime now, OperationResult<RsvpOutcome>[] results)
    {
        var notOpen = RsvpRules.WhyNotOpen(session.Status, session.StartsAt, session.RsvpOpensAt, session.RsvpClosesAt, now);
        var fields = new RsvpFields?[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            using var culture = new CultureScope(requests[i].Culture, requests[i].UiCulture); // in its languages
            var checkedInput = RsvpRules.Check(requests[i].Input, questions, l);
            if (!checkedInput.Succeeded)
            {
                results[i] = OperationResult<RsvpOutcome>.Invalid(checkedInput.Errors);
            }
            else if (notOpen is { } reason && (!requests[i].ByOrganizer || reason == NotOpenReason.Cancelled))
            {
                results[i] = OperationResult<RsvpOutcome>.Conflict(RsvpRules.Explain(reason, session.RsvpOpensAt, session.TimeZone, l));
            }
            else
            {
                fields[i] = checkedInput.Value;
            }
        }
        return fields;
    }

    private OperationResult<RsvpOutcome> AlreadyRegistered(RsvpRequest request, RsvpFields fields)
    {
        using var culture = new CultureScope(request.Culture, request.UiCulture);
        return OperationResult<RsvpOutcome>.Conflict(l["{0} is already registered for this session.", fields.Email]);
    }

    private static OperationResult<RsvpOutcome> Existing(Rsvp rsvp)
        => OperationResult<RsvpOutcome>.Ok(new RsvpOutcome { Status = rsvp.Status.ToSnakeCase(), WaitlistPosition = rsvp.WaitlistPosition });

    private sealed record SessionState(
        int EventId, SessionStatus Status, DateTime StartsAt, DateTime? RsvpOpensAt, DateTime? RsvpClosesAt, int Capacity, string TimeZone, bool Asks,
        int Confirmed, int? LastPosition);
}
