using System.Security.Claims;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Errors;
using Meetup.Data.Locking;
using Meetup.Web.Features.Attendees;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Rsvps.Registering;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.CheckIns;

/// <summary>
/// Records who came: by manage token, short code, attendee id or email (an unknown email is a walk-in
/// and becomes a person). Idempotent per (session, person), guarded by the unique index.
/// Door helpers work on one session: an id counts only for someone registered for (or already checked in to)
/// that session, and a walk-in by the email of someone from elsewhere answers no stored name.
/// Organizers and admins may check in anyone.
/// </summary>
public sealed class CheckInService(
    IDbContextFactory<MeetupDb> dbFactory, SeatGates gates, Outbox outbox, CheckInFeed feed, PublicUrls urls, TimeProvider time,
    IStringLocalizer<Strings> l)
{
    /// <summary>The thank-you goes out this long after the session ends.</summary>
    public static readonly TimeSpan ThankYouDelay = TimeSpan.FromHours(1);

    public async Task<OperationResult<CheckInResult>> CheckInAsync(int sessionId, CheckInRequest request, ClaimsPrincipal? by, CancellationToken ct = default)
    {
        var given = new[] { request.ManageToken is not null, request.Code is not null, request.AttendeeId is not null, request.Email is not null }.Count(x => x);
        if (given != 1)
        {
            return OperationResult<CheckInResult>.Invalid("code", l["Give exactly one of: a code, a manage token, an attendee id or an email."]);
        }
        var errors = new ValidationErrors();
        string? code = null, email = null, name = null;
        if (request.Code is not null && (code = CheckInCodes.Normalize(request.Code)) is null)
        {
            errors.Add("code", l["A check-in code has 6 letters and digits, e.g. K7Q-M4X."]);
        }
        if (request.Email is not null)
        {
            email = EmailRules.Check(errors, "email", request.Email, l);
            if (!string.IsNullOrWhiteSpace(request.Name))
            {
                name = RsvpRules.CheckName(request.Name, errors, l);
            }
        }
        if (!errors.IsEmpty)
        {
            return OperationResult<CheckInResult>.Invalid(errors);
        }
        var scanned = string.Equals(request.Method, "qr", StringComparison.OrdinalIgnoreCase);
        var userId = by?.FindFirstValue(ClaimTypes.NameIdentifier);
        var doorOnly = !IsOrganizer(by);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await CheckInOnceAsync(sessionId, request, code, email, name, scanned, userId, doorOnly, ct);
                if (result.Succeeded && result.Value!.Created)
                {
                    outbox.Wake();
                    feed.Changed(sessionId);
                }
                return result;
            }
            catch (DbUpdateException ex) when (attempt < 3 && DbErrors.IsRetryable(ex))
            {
                // Two helpers checked the same person in at once (or created the same walk-in): read the winner's row.
            }
        }
    }

    private async Task<OperationResult<CheckInResult>> CheckInOnceAsync(
        int sessionId, CheckInRequest request, string? code, string? email, string? name, bool scanned, string? userId, bool doorOnly, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return OperationResult<CheckInResult>.NotFound(l["No session with id {0}.", sessionId]);
        }
        if (session.Status != SessionStatus.Published)
        {
            return OperationResult<CheckInResult>.Conflict(session.Status == SessionStatus.Cancelled
                ? l["This session has been cancelled."] : l["This session is not published yet."]);
        }

        Attendee? person;
        Rsvp? rsvp = null;
        var hideName = false;
        CheckInMethod method;
        if (request.ManageToken is not null || code is not null)
        {
            var hash = ManageTokens.LooksValid(request.ManageToken) ? ManageTokens.Hash(request.ManageToken!) : null;
            rsvp = code is not null
                ? await db.Rsvps.Include(r => r.Attendee).FirstOrDefaultAsync(r => r.SessionId == sessionId && r.CheckInCode == code, ct)
                : hash is null ? null : await ManageLinkHashes.Holding(db, hash).Include(r => r.Attendee).FirstOrDefaultAsync(r => r.SessionId == sessionId, ct);
            if (rsvp is null)
            {
                return OperationResult<CheckInResult>.NotFound(l["Nobody with this code is registered for this session."]);
            }
            person = rsvp.Attendee!;
            method = scanned || request.ManageToken is not null ? CheckInMethod.Qr : CheckInMethod.Code;
        }
        else if (request.AttendeeId is { } attendeeId)
        {
            person = await db.Attendees.FirstOrDefaultAsync(a => a.Id == attendeeId, ct);
            if (person is null || (doorOnly && !await ExpectedAsync(db, sessionId, attendeeId, ct)))
            {
                // The same answer whether the id exists elsewhere or not at all: a helper learns nothing.
                return OperationResult<CheckInResult>.NotFound(l["Nobody with this id is registered for or checked in to this session."]);
            }
            rsvp = await db.Rsvps.FirstOrDefaultAsync(r => r.SessionId == sessionId && r.AttendeeId == attendeeId, ct);
            method = CheckInMethod.Manual;
        }
        else
        {
            person = await PeopleByEmail.FindAsync(db, email!, ct);
            if (person is null)
            {
                person = new Attendee { Email = email, DisplayName = name ?? email![..email!.IndexOf('@', StringComparison.Ordinal)], CreatedAt = time.GetUtcNow().UtcDateTime };
                db.Attendees.Add(person);
            }
            else
            {
                rsvp = await db.Rsvps.FirstOrDefaultAsync(r => r.SessionId == sessionId && r.AttendeeId == person.Id, ct);
                // Someone known from elsewhere: a helper gets back only what they typed, not the stored name.
                hideName = doorOnly && !await ExpectedAsync(db, sessionId, person.Id, ct);
            }
            method = rsvp is null || rsvp.Status == RsvpStatus.Cancelled ? CheckInMethod.WalkIn : CheckInMethod.Manual;
        }

        var existing = person.Id == 0 ? null : await db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.SessionId == sessionId && c.AttendeeId == person.Id, ct);
        var shownName = hideName ? name : person.DisplayName;
        if (existing is not null)
        {
            return OperationResult<CheckInResult>.Ok(Result(existing, person.Id, shownName, rsvp, created: false));
        }
        var checkIn = await RecordAsync(db, session, person, method, userId, ct);
        return OperationResult<CheckInResult>.Ok(Result(checkIn, person.Id, shownName, rsvp, created: true));
    }

    private static bool IsOrganizer(ClaimsPrincipal? user)
        => user is not null && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Organizer));

    /// <summary>Whether the person belongs to the session's door: an RSVP of any status, or a check-in already.</summary>
    private static async Task<bool> ExpectedAsync(MeetupDb db, int sessionId, int attendeeId, CancellationToken ct)
        => await db.Rsvps.AnyAsync(r => r.SessionId == sessionId && r.AttendeeId == attendeeId, ct)
            || await db.CheckIns.AnyAsync(c => c.SessionId == sessionId && c.AttendeeId == attendeeId, ct);

    /// <summary>
    /// Adds the check-in (and a walk-in's new person) and the thank-you that follows the session, in one
    /// transaction: a failure in the second half leaves no check-in behind that answered as an error. It takes its
    /// turn at SQLite's writer (<see cref="TurnTakingWrite"/>), so a door waits for one chunk of a big send, not all.
    /// </summary>
    internal async Task<CheckIn> RecordAsync(MeetupDb db, Session session, Attendee person, CheckInMethod method, string? userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % 10)); // PostgreSQL keeps microseconds: answer what is stored
        var checkIn = new CheckIn { SessionId = session.Id, Attendee = person, At = now, Method = method, ByUserId = userId };
        db.CheckIns.Add(checkIn);
        return await TurnTakingWrite.RunAsync(db, gates, async c =>
        {
            await db.SaveChangesAsync(c);
            // A session beyond InstantBounds (a row from before they were enforced) gets no thank-you: its time is junk.
            if (person.Email is not null && session.EndsAt <= InstantBounds.Latest(now))
            {
                await outbox.AddMissingAsync(db, [new Notice(NotificationKind.ThankYou, $"session:{session.Id}:thanks:{person.Id}", person.Email, person.PreferredLanguage, session.EndsAt + ThankYouDelay)
                {
                    SessionId = session.Id,
                    AttendeeId = person.Id,
                    Payload = new NotificationPayload { BaseUrl = urls.Base },
                }], c);
                await db.SaveChangesAsync(c);
            }
            return checkIn;
        }, ct);
    }

    /// <summary>Removes the check-in and its pending thank-you, in one turn at SQLite's writer.</summary>
    public async Task<OperationResult<bool>> UndoAsync(int sessionId, int attendeeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var removed = await TurnTakingWrite.RunAsync(db, gates, async c =>
        {
            var count = await db.CheckIns.Where(x => x.SessionId == sessionId && x.AttendeeId == attendeeId).ExecuteDeleteAsync(c);
            if (count > 0)
            {
                await Outbox.DropPendingAsync(db.OutboxMessages.Where(o => o.SessionId == sessionId && o.AttendeeId == attendeeId && o.Kind == NotificationKind.ThankYou), c);
            }
            return count;
        }, ct);
        if (removed == 0)
        {
            return OperationResult<bool>.NotFound(l["This person is not checked in."]);
        }
        feed.Changed(sessionId);
        return OperationResult<bool>.Ok(true);
    }

    private static CheckInResult Result(CheckIn c, int attendeeId, string? name, Rsvp? rsvp, bool created) => new()
    {
        AttendeeId = attendeeId,
        Name = name,
        Method = c.Method.ToSnakeCase(),
        CheckedInAt = c.At,
        RsvpStatus = rsvp?.Status.ToSnakeCase(),
        WaitlistPosition = rsvp?.WaitlistPosition,
        Created = created,
    };
}
