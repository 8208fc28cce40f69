using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Locking;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Sessions;

/// <summary>
/// A session's life: draft → published → cancelled. Edits of a published session's time or place
/// raise its SEQUENCE (calendars update; the RSVP feature notifies attendees from it).
/// </summary>
public sealed class SessionService(
    IDbContextFactory<MeetupDb> dbFactory, PublicUrls urls, TimeProvider time, IStringLocalizer<Strings> l, ILogger<SessionService> logger,
    SeatLock seats, Rsvps.Seats.RsvpSessionHooks rsvpHooks)
{
    public async Task<OperationResult<SessionResource>> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Sessions.AsNoTracking().Where(s => s.Id == id).ToRows().FirstOrDefaultAsync(ct);
        return row is null ? NotFound(id) : OperationResult<SessionResource>.Ok(row.ToResource(urls));
    }

    public async Task<OperationResult<IReadOnlyList<SessionResource>>> ListAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return OperationResult<IReadOnlyList<SessionResource>>.NotFound(l["No event with id {0}.", eventId]);
        }
        var rows = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToRows().ToListAsync(ct);
        return OperationResult<IReadOnlyList<SessionResource>>.Ok([.. rows.Select(r => r.ToResource(urls))]);
    }

    /// <summary>
    /// The event's published sessions that have not started yet, soonest first: the ones that can be announced, the first
    /// being "the next session" (the announce page's choice and default, the dashboard's invitation reach).
    /// </summary>
    public async Task<IReadOnlyList<SessionResource>> UpcomingPublishedAsync(int eventId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId && s.Status == SessionStatus.Published && s.StartsAt > now)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToRows().ToListAsync(ct);
        return [.. rows.Select(r => r.ToResource(urls))];
    }

    /// <summary>Sessions of every event starting in [fromUtc, toUtc), for the month calendar.</summary>
    public async Task<IReadOnlyList<CalendarEntry>> CalendarAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Sessions.AsNoTracking()
            .Where(s => s.StartsAt >= fromUtc && s.StartsAt < toUtc)
            .OrderBy(s => s.StartsAt)
            .Select(s => new { s.Id, s.Title, s.StartsAt, s.Status, EventName = s.Event!.Name, s.Event.TimeZone })
            .ToListAsync(ct);
        return [.. rows.Select(r => new CalendarEntry(r.Id, r.Title, r.EventName, TimeZones.ToLocal(r.StartsAt, r.TimeZone), r.Status.ToSnakeCase()))];
    }

    public async Task<OperationResult<SessionResource>> CreateAsync(int eventId, SessionInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null)
        {
            return OperationResult<SessionResource>.NotFound(l["No event with id {0}.", eventId]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var fields = SessionRules.Check(input, TimeZones.Find(ev.TimeZone), now, l);
        if (!fields.Succeeded)
        {
            return OperationResult<SessionResource>.Invalid(fields.Errors);
        }
        var session = new Session { EventId = eventId, Title = "", Status = SessionStatus.Draft, CreatedAt = now };
        Apply(session, fields.Value!, now);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        return OperationResult<SessionResource>.Ok(session.ToResource(ev.Slug, ev.TimeZone, 0, 0, urls));
    }

    /// <summary>
    /// Saves the edit and what it means for the RSVPs (promotions into added seats, change notices, moved reminders)
    /// in one <see cref="SeatLock"/> unit: no RSVP slips in between, and a crash loses neither half alone.
    /// </summary>
    public Task<OperationResult<SessionResource>> UpdateAsync(int id, SessionInput input, CancellationToken ct = default)
        => SaveAsync(id, input, publish: false, ct);

    /// <summary>
    /// Publishes a draft. With <paramref name="input"/> (the editor's form as it stands), saves those fields first in the
    /// same unit, so what goes public is what the organizer sees; if they are invalid, nothing is saved or published.
    /// </summary>
    public Task<OperationResult<SessionResource>> PublishAsync(int id, SessionInput? input = null, CancellationToken ct = default)
        => SaveAsync(id, input, publish: true, ct);

    private async Task<OperationResult<SessionResource>> SaveAsync(int id, SessionInput? input, bool publish, CancellationToken ct)
    {
        var refused = await seats.RunAsync<OperationResult<SessionResource>?>(id, async (db, c) =>
        {
            var session = await db.Sessions.Include(s => s.Event).FirstOrDefaultAsync(s => s.Id == id, c);
            if (session is null)
            {
                return NotFound(id);
            }
            if (session.Status == SessionStatus.Cancelled)
            {
                return OperationResult<SessionResource>.Conflict(publish
                    ? l["A cancelled session cannot be published again; schedule a new one."]
                    : l["A cancelled session cannot be edited."]);
            }
            var now = time.GetUtcNow().UtcDateTime;
            var sequenceBefore = session.Sequence;
            if (input is not null)
            {
                var fields = SessionRules.Check(input, TimeZones.Find(session.Event!.TimeZone), now, l);
                if (!fields.Succeeded)
                {
                    return OperationResult<SessionResource>.Invalid(fields.Errors);
                }
                var f = fields.Value!;
                var moved = session.StartsAt != f.StartsAt || session.EndsAt != f.EndsAt || session.VenueName != f.VenueName
                    || session.VenueAddress != f.VenueAddress || session.OnlineUrl != f.OnlineUrl || session.Format != f.Format;
                Apply(session, f, now);
                if (moved && session.Status == SessionStatus.Published)
                {
                    session.Sequence++;
                    logger.LogInformation("Published session {SessionId} changed time or place (sequence {Sequence})", id, session.Sequence);
                }
            }
            if (publish && session.Status == SessionStatus.Draft)
            {
                session.Status = SessionStatus.Published;
                session.UpdatedAt = now;
                logger.LogInformation("Session {SessionId} published", id);
            }
            await db.SaveChangesAsync(c);
            if (input is not null)
            {
                await rsvpHooks.SessionUpdatedAsync(db, session, sequenceBefore, now, c);
            }
            return null; // saved
        }, ct);
        if (refused is not null)
        {
            return refused;
        }
        rsvpHooks.Wake();
        return await GetAsync(id, ct);
    }

    public async Task<OperationResult<SessionResource>> CancelAsync(int id, string? reason, CancellationToken ct = default)
    {
        if (reason?.Length > 1000)
        {
            return OperationResult<SessionResource>.Invalid("reason", l["Keep the reason under 1,000 characters."]);
        }
        var reasonErrors = new ValidationErrors();
        if (!reasonErrors.CheckText("reason", reason, l))
        {
            return OperationResult<SessionResource>.Invalid(reasonErrors);
        }
        var refused = await seats.RunAsync<OperationResult<SessionResource>?>(id, async (db, c) =>
        {
            var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == id, c);
            if (session is null)
            {
                return NotFound(id);
            }
            if (session.Status == SessionStatus.Cancelled)
            {
                return OperationResult<SessionResource>.Conflict(l["This session is already cancelled."]);
            }
            var now = time.GetUtcNow().UtcDateTime;
            session.Status = SessionStatus.Cancelled;
            session.CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            session.Sequence++;
            session.UpdatedAt = now;
            await db.SaveChangesAsync(c);
            await rsvpHooks.SessionCancelledAsync(db, session, now, c); // attendees told, reminders dropped
            return null; // saved
        }, ct);
        if (refused is not null)
        {
            return refused;
        }
        rsvpHooks.Wake();
        logger.LogInformation("Session {SessionId} cancelled", id);
        return await GetAsync(id, ct);
    }

    private static void Apply(Session s, SessionFields f, DateTime now)
    {
        s.Title = f.Title;
        s.Description = f.Description;
        s.StartsAt = f.StartsAt;
        s.EndsAt = f.EndsAt;
        s.Format = f.Format;
        s.VenueName = f.VenueName;
        s.VenueAddress = f.VenueAddress;
        s.OnlineUrl = f.OnlineUrl;
        s.Capacity = f.Capacity;
        s.Languages = f.Languages;
        s.RsvpOpensAt = f.RsvpOpensAt;
        s.RsvpClosesAt = f.RsvpClosesAt;
        s.UpdatedAt = now;
    }

    private OperationResult<SessionResource> NotFound(int id) => OperationResult<SessionResource>.NotFound(l["No session with id {0}.", id]);
}
