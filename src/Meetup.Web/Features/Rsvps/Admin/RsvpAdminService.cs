using System.Linq.Expressions;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Rsvps.Registering;
using Meetup.Web.Features.Rsvps.Seats;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Rsvps.Admin;

public sealed record RsvpSessionSummary(int SessionId, int EventId, string EventName, string Title, DateTime StartsAt, string TimeZone,
    SessionStatus Status, int Capacity, int Confirmed, int Waitlisted, int CheckedIn);

/// <summary>The organizer's side of RSVPs: the list, manual add, cancel, confirm from the waitlist.</summary>
public sealed class RsvpAdminService(
    IDbContextFactory<MeetupDb> dbFactory, SeatLock seats, Outbox outbox, RsvpService rsvps, PublicUrls urls, TimeProvider time,
    IStringLocalizer<Strings> l, ILogger<RsvpAdminService> logger)
{
    public async Task<OperationResult<IReadOnlyList<RsvpListItem>>> ListAsync(int sessionId, string? search = null, RsvpStatus? status = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct))
        {
            return OperationResult<IReadOnlyList<RsvpListItem>>.NotFound(l["No session with id {0}.", sessionId]);
        }
        var query = db.Rsvps.AsNoTracking().Where(r => r.SessionId == sessionId);
        if (status is { } st)
        {
            query = query.Where(r => r.Status == st);
        }
        if (PeopleSearch.Of(search) is { } typed)
        {
            var people = typed.Filter(db.Attendees).Select(a => a.Id);
            query = query.Where(r => people.Contains(r.AttendeeId));
        }
        var rows = await query
            .OrderBy(r => r.Status == RsvpStatus.Confirmed ? 0 : r.Status == RsvpStatus.Waitlisted ? 1 : 2)
            .ThenBy(r => r.WaitlistPosition).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.AttendeeId,
                r.Attendee!.DisplayName,
                r.Attendee.Email,
                r.Attendee.PreferredLanguage,
                r.Status,
                r.WaitlistPosition,
                r.CreatedAt,
                r.CheckInCode,
                r.Answers,
                CheckedIn = db.CheckIns.Any(c => c.SessionId == sessionId && c.AttendeeId == r.AttendeeId),
            })
            .ToListAsync(ct);
        return OperationResult<IReadOnlyList<RsvpListItem>>.Ok([.. rows.Select(r => new RsvpListItem
        {
            RsvpId = r.Id,
            AttendeeId = r.AttendeeId,
            Name = r.DisplayName,
            Email = r.Email,
            Status = r.Status.ToSnakeCase(),
            WaitlistPosition = r.WaitlistPosition,
            CreatedAt = r.CreatedAt,
            CheckedIn = r.CheckedIn,
            CheckInCode = r.CheckInCode,
            Language = r.PreferredLanguage,
            Answers = RsvpAnswers.Parse(r.Answers),
        })]);
    }

    private static readonly Expression<Func<Session, RsvpSessionSummary>> ToSummary = s => new RsvpSessionSummary(
        s.Id, s.EventId, s.Event!.Name, s.Title, s.StartsAt, s.Event.TimeZone, s.Status, s.Capacity,
        s.Rsvps.Count(r => r.Status == RsvpStatus.Confirmed),
        s.Rsvps.Count(r => r.Status == RsvpStatus.Waitlisted),
        s.CheckIns.Count);

    public async Task<RsvpSessionSummary?> SummaryAsync(int sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(ToSummary)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Upcoming and recent sessions, for the pickers of the RSVP list and the check-in page.</summary>
    public async Task<IReadOnlyList<RsvpSessionSummary>> SessionsAroundNowAsync(CancellationToken ct = default)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-2);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Sessions.AsNoTracking().Where(s => s.Status != SessionStatus.Draft && s.EndsAt >= since)
            .OrderBy(s => s.StartsAt).Take(20)
            .Select(ToSummary)
            .ToListAsync(ct);
    }

    /// <summary>An organizer adds someone by hand: the RSVP window does not apply; seats and emails do.</summary>
    public Task<OperationResult<RsvpOutcome>> AddAsync(int sessionId, RsvpInput input, CancellationToken ct = default)
        => rsvps.CreateAsync(sessionId, input, byOrganizer: true, ct);

    public async Task<OperationResult<bool>> CancelAsync(int sessionId, int rsvpId, CancellationToken ct = default)
    {
        var baseUrl = urls.Base;
        var result = await seats.RunAsync(sessionId, async (db, c) =>
        {
            var rsvp = await db.Rsvps.Include(r => r.Attendee).Include(r => r.Session).FirstOrDefaultAsync(r => r.Id == rsvpId && r.SessionId == sessionId, c);
            if (rsvp is null)
            {
                return OperationResult<bool>.NotFound(l["No such RSVP in this session."]);
            }
            if (rsvp.Status != RsvpStatus.Cancelled)
            {
                await Waitlist.CancelAsync(new SeatUnit(db, outbox, baseUrl, time.GetUtcNow().UtcDateTime), rsvp, rsvp.Session!, c);
                logger.LogInformation("RSVP {RsvpId} cancelled by an organizer", rsvpId);
            }
            return OperationResult<bool>.Ok(true);
        }, ct);
        outbox.Wake();
        return result;
    }

    /// <summary>
    /// Gives a waitlisted person a seat now. When the room is full this adds a seat (capacity + 1), so
    /// "confirmed never exceeds capacity" stays true and the organizer sees the new capacity.
    /// </summary>
    public async Task<OperationResult<int>> ConfirmFromWaitlistAsync(int sessionId, int rsvpId, CancellationToken ct = default)
    {
        var baseUrl = urls.Base;
        var result = await seats.RunAsync(sessionId, async (db, c) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var rsvp = await db.Rsvps.Include(r => r.Attendee).Include(r => r.Session).FirstOrDefaultAsync(r => r.Id == rsvpId && r.SessionId == sessionId, c);
            if (rsvp is null)
            {
                return OperationResult<int>.NotFound(l["No such RSVP in this session."]);
            }
            if (rsvp.Status != RsvpStatus.Waitlisted)
            {
                return OperationResult<int>.Conflict(l["Only someone on the waitlist can be moved up."]);
            }
            var session = rsvp.Session!;
            if (session.Status == SessionStatus.Cancelled)
            {
                return OperationResult<int>.Conflict(l["This session has been cancelled."]);
            }
            var confirmed = await Waitlist.ConfirmedCountAsync(db, sessionId, c);
            if (confirmed >= session.Capacity)
            {
                session.Capacity = confirmed + 1;
                session.UpdatedAt = now;
            }
            var position = rsvp.WaitlistPosition!.Value;
            rsvp.Status = RsvpStatus.Confirmed;
            rsvp.WaitlistPosition = null;
            rsvp.UpdatedAt = now;
            await db.SaveChangesAsync(c);
            await Waitlist.CloseGapAsync(db, sessionId, position, c);
            await Waitlist.TellPromotedAsync(new SeatUnit(db, outbox, baseUrl, now), rsvp, session.StartsAt, c);
            await db.SaveChangesAsync(c);
            logger.LogInformation("RSVP {RsvpId} confirmed from the waitlist by an organizer (capacity {Capacity})", rsvpId, session.Capacity);
            return OperationResult<int>.Ok(session.Capacity);
        }, ct);
        outbox.Wake();
        return result;
    }
}
