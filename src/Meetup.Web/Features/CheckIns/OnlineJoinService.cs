using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Rsvps.Manage;
using Meetup.Data.Errors;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Links;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.CheckIns;

/// <summary>
/// The Join button of online and hybrid sessions: only a confirmed attendee, only during the session
/// (from <see cref="RsvpManageService.JoinLead"/> before the start), records attendance
/// (<c>online_join</c>) and hands out the video link. Online attendance is counted like any other.
/// </summary>
public sealed class OnlineJoinService(
    IDbContextFactory<MeetupDb> dbFactory, CheckInService checkIns, CheckInFeed feed, TimeProvider time, IStringLocalizer<Strings> l)
{
    public async Task<OperationResult<string>> JoinAsync(string? token, CancellationToken ct = default)
    {
        if (!ManageTokens.LooksValid(token))
        {
            return OperationResult<string>.NotFound(l["This link is not valid (any more). Use the newest link we emailed you."]);
        }
        var hash = ManageTokens.Hash(token!);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var rsvp = await ManageLinkHashes.Holding(db, hash).Include(r => r.Attendee).Include(r => r.Session).FirstOrDefaultAsync(ct);
                if (rsvp is null)
                {
                    return OperationResult<string>.NotFound(l["This link is not valid (any more). Use the newest link we emailed you."]);
                }
                var session = rsvp.Session!;
                var now = time.GetUtcNow().UtcDateTime;
                if (session.Format == SessionFormat.InPerson || session.OnlineUrl is null)
                {
                    return OperationResult<string>.Conflict(l["This session takes place in person only."]);
                }
                if (rsvp.Status != RsvpStatus.Confirmed || session.Status != SessionStatus.Published)
                {
                    return OperationResult<string>.Conflict(l["Only confirmed attendees can join."]);
                }
                if (now < session.StartsAt - RsvpManageService.JoinLead)
                {
                    return OperationResult<string>.Conflict(l["The session has not started yet. Join opens {0} minutes before the start.", (int)RsvpManageService.JoinLead.TotalMinutes]);
                }
                if (now >= session.EndsAt)
                {
                    return OperationResult<string>.Conflict(l["The session is over."]);
                }
                if (!await db.CheckIns.AnyAsync(c => c.SessionId == session.Id && c.AttendeeId == rsvp.AttendeeId, ct))
                {
                    await checkIns.RecordAsync(db, session, rsvp.Attendee!, CheckInMethod.OnlineJoin, null, ct);
                    feed.Changed(session.Id);
                }
                return OperationResult<string>.Ok(session.OnlineUrl);
            }
            catch (DbUpdateException ex) when (attempt < 3 && DbErrors.IsRetryable(ex))
            {
                // Joined from two devices at once: the other one recorded it.
            }
        }
    }
}
