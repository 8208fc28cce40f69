using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Data.Errors;
using Meetup.Data.Locking;
using Meetup.Web.Features.Notifications;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Attendees;

/// <summary>What a merge did: who remains, and how many sessions came over from the merged record.</summary>
public sealed record MergeOutcome(int KeptId, int SessionsMoved);

/// <summary>
/// Makes two records of one person one (typically the account an import created and the email they later
/// RSVP'd with), so the retention figures count them once. In one transaction:
/// <list type="bullet">
/// <item>RSVPs and check-ins move to the kept person; where both have one for the same session, the stronger
/// RSVP (confirmed, then waitlisted, then cancelled) and the earlier check-in stay, and a waitlist left with a
/// gap closes up. Both registered for a session still ahead is refused: one of them must be cancelled first,
/// since each has its own link and code.</item>
/// <item>The kept person keeps their name (or takes the other's if they have none). A deliverable address wins
/// over an account placeholder; the other address, and the merged record's own aliases, become aliases of the
/// kept person (<see cref="AttendeeAlias"/>), so no later RSVP, walk-in or re-import splits them again.</item>
/// <item>Unsent outbox rows follow the kept person; so do survey answers (for the same session, the newer stays).</item>
/// </list>
/// Both people's rows are locked first (<see cref="PeopleLock"/>), so a concurrent RSVP by either waits and is never
/// lost with the merged record.
/// </summary>
public sealed class AttendeeMerge(IDbContextFactory<MeetupDb> dbFactory, TimeProvider time, IStringLocalizer<Strings> l, ILogger<AttendeeMerge> logger)
{
    public async Task<OperationResult<MergeOutcome>> MergeAsync(int keepId, int mergeId, CancellationToken ct = default)
    {
        if (keepId == mergeId)
        {
            return OperationResult<MergeOutcome>.Invalid("intoAttendeeId", l["Choose someone else: this is the same record."]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            return await InTransactionAsync(db, keepId, mergeId, ct);
        }
        catch (Exception ex) when (DbErrors.IsStoreFailure(ex))
        {
            // A concurrent change to one of the two (an RSVP at the same moment, another merge): nothing was written.
            logger.LogWarning(ex, "Merging person {MergeId} into {KeepId} failed", mergeId, keepId);
            return OperationResult<MergeOutcome>.Conflict(l["One of the two people changed at the same moment. Nothing was merged; please try again."]);
        }
    }

    private async Task<OperationResult<MergeOutcome>> InTransactionAsync(MeetupDb db, int keepId, int mergeId, CancellationToken ct)
    {
        await using var tx = await PeopleLock.BeginAsync(db, [keepId, mergeId], ct);
        var people = await db.Attendees.AsNoTracking().Where(a => a.Id == keepId || a.Id == mergeId).ToListAsync(ct);
        var keep = people.FirstOrDefault(a => a.Id == keepId);
        var merge = people.FirstOrDefault(a => a.Id == mergeId);
        if (keep is null || merge is null)
        {
            return OperationResult<MergeOutcome>.NotFound(l["No person with id {0}.", keep is null ? keepId : mergeId]);
        }
        if (keep.ErasedAt is not null || merge.ErasedAt is not null)
        {
            return OperationResult<MergeOutcome>.Conflict(l["An erased person cannot be merged: nothing is left to tell who they were."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rsvps = await db.Rsvps.AsNoTracking().Where(r => r.AttendeeId == keepId || r.AttendeeId == mergeId).ToListAsync(ct);
        var kept = rsvps.Where(r => r.AttendeeId == keepId).ToDictionary(r => r.SessionId);
        var merged = rsvps.Where(r => r.AttendeeId == mergeId).ToList();
        if (await BothRegisteredAheadAsync(db, kept, merged, now, ct) is { } clash)
        {
            return OperationResult<MergeOutcome>.Conflict(clash);
        }
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.AttendeeId == keepId || c.AttendeeId == mergeId).ToListAsync(ct);
        var keptCheckIns = checkIns.Where(c => c.AttendeeId == keepId).ToDictionary(c => c.SessionId);

        // Where both have a row for a session, the weaker one goes first; then all the merged record's rows move.
        var moved = new HashSet<int>();
        var losingRsvps = new List<Rsvp>();
        foreach (var theirs in merged)
        {
            var ours = kept.GetValueOrDefault(theirs.SessionId);
            var theirsWins = ours is null || Strength(theirs.Status) > Strength(ours.Status);
            if (theirsWins)
            {
                moved.Add(theirs.SessionId);
            }
            if (ours is not null)
            {
                losingRsvps.Add(theirsWins ? ours : theirs);
            }
        }
        var losingCheckIns = new List<int>();
        foreach (var theirs in checkIns.Where(c => c.AttendeeId == mergeId))
        {
            var ours = keptCheckIns.GetValueOrDefault(theirs.SessionId);
            var theirsWins = ours is null || theirs.At < ours.At;
            if (theirsWins)
            {
                moved.Add(theirs.SessionId);
            }
            if (ours is not null)
            {
                losingCheckIns.Add(theirsWins ? ours.Id : theirs.Id);
            }
        }

        // Each losing RSVP goes only as it was read: one changed meanwhile (a cancelled RSVP made active again on
        // PostgreSQL, where RSVPs do not wait for this lock) stops the merge rather than being lost.
        foreach (var loser in losingRsvps)
        {
            if (await db.Rsvps.Where(r => r.Id == loser.Id && r.Status == loser.Status && r.UpdatedAt == loser.UpdatedAt).ExecuteDeleteAsync(ct) != 1)
            {
                throw new ConcurrentChangeException($"RSVP {loser.Id} changed during the merge.");
            }
        }
        await db.CheckIns.Where(c => losingCheckIns.Contains(c.Id)).ExecuteDeleteAsync(ct);
        var losingIds = losingRsvps.Select(r => r.Id).ToList();
        await Outbox.DropPendingAsync(db.OutboxMessages.Where(o => o.RsvpId != null && losingIds.Contains(o.RsvpId.Value)), ct);
        foreach (var gap in losingRsvps.Where(r => r.Status == RsvpStatus.Waitlisted && r.WaitlistPosition is not null).OrderByDescending(r => r.WaitlistPosition))
        {
            await db.Rsvps.Where(r => r.SessionId == gap.SessionId && r.Status == RsvpStatus.Waitlisted && r.WaitlistPosition > gap.WaitlistPosition)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.WaitlistPosition, r => r.WaitlistPosition - 1), ct);
        }
        await db.Rsvps.Where(r => r.AttendeeId == mergeId).ExecuteUpdateAsync(u => u.SetProperty(r => r.AttendeeId, keepId), ct);
        await db.CheckIns.Where(c => c.AttendeeId == mergeId).ExecuteUpdateAsync(u => u.SetProperty(c => c.AttendeeId, keepId), ct);
        // Survey answers follow too; where both answered about one session, the newer answer stays.
        var answers = await db.Feedback.AsNoTracking().Where(f => f.AttendeeId == keepId || f.AttendeeId == mergeId)
            .Select(f => new { f.Id, f.SessionId, f.UpdatedAt }).ToListAsync(ct);
        var olderAnswers = answers.GroupBy(f => f.SessionId).SelectMany(g => g.OrderByDescending(f => f.UpdatedAt).ThenByDescending(f => f.Id).Skip(1)).Select(f => f.Id).ToList();
        await db.Feedback.Where(f => olderAnswers.Contains(f.Id)).ExecuteDeleteAsync(ct);
        await db.Feedback.Where(f => f.AttendeeId == mergeId).ExecuteUpdateAsync(u => u.SetProperty(f => f.AttendeeId, keepId), ct);
        await db.FeedbackLinks.Where(t => t.AttendeeId == mergeId).ExecuteUpdateAsync(u => u.SetProperty(t => t.AttendeeId, keepId), ct);
        await db.AttendeeAliases.Where(x => x.AttendeeId == mergeId).ExecuteUpdateAsync(u => u.SetProperty(x => x.AttendeeId, keepId), ct);
        await SubscriptionMerge.MoveAsync(db, mergeId, keepId, ct);
        // All their emails follow (sent ones too: my-data and erasure find them under the kept person). Both records
        // checked in to a session just over: one thank-you is enough.
        await db.OutboxMessages.Where(o => o.AttendeeId == mergeId).ExecuteUpdateAsync(u => u.SetProperty(o => o.AttendeeId, keepId), ct);
        await Outbox.DropPendingAsync(db.OutboxMessages.Where(o => o.AttendeeId == keepId && o.Kind == NotificationKind.ThankYou
            && db.OutboxMessages.Any(p => p.AttendeeId == keepId && p.Kind == NotificationKind.ThankYou && p.SessionId == o.SessionId && p.Id < o.Id)), ct);

        // A deliverable address wins over an account placeholder; the other becomes an alias.
        var (primary, other) = keep.Email is { } ourAddress && (AccountAddress.IsDeliverable(ourAddress) || merge.Email is null || !AccountAddress.IsDeliverable(merge.Email))
            ? (keep.Email, merge.Email)
            : (merge.Email, keep.Email);
        await db.Attendees.Where(a => a.Id == mergeId).ExecuteDeleteAsync(ct); // frees its address first
        var name = keep.DisplayName ?? merge.DisplayName;
        var searchName = SearchFolding.Fold(name);
        var language = keep.PreferredLanguage ?? merge.PreferredLanguage;
        var since = keep.CreatedAt <= merge.CreatedAt ? keep.CreatedAt : merge.CreatedAt;
        await db.Attendees.Where(a => a.Id == keepId).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.Email, primary)
            .SetProperty(a => a.DisplayName, name)
            .SetProperty(a => a.SearchName, searchName)
            .SetProperty(a => a.PreferredLanguage, language)
            .SetProperty(a => a.CreatedAt, since), ct);
        if (other is not null)
        {
            db.AttendeeAliases.Add(new AttendeeAlias { Email = other, AttendeeId = keepId, CreatedAt = now });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);

        logger.LogInformation("Merged person {MergeId} into {KeepId}: {Sessions} sessions moved", mergeId, keepId, moved.Count);
        return OperationResult<MergeOutcome>.Ok(new MergeOutcome(keepId, moved.Count));
    }

    /// <summary>Why not, when both have an active RSVP for a session that has not started.</summary>
    private async Task<string?> BothRegisteredAheadAsync(MeetupDb db, Dictionary<int, Rsvp> kept, List<Rsvp> merged, DateTime now, CancellationToken ct)
    {
        var both = merged
            .Where(m => m.Status != RsvpStatus.Cancelled && kept.TryGetValue(m.SessionId, out var k) && k.Status != RsvpStatus.Cancelled)
            .Select(m => m.SessionId)
            .ToList();
        if (both.Count == 0)
        {
            return null;
        }
        var ahead = await db.Sessions.AsNoTracking()
            .Where(s => both.Contains(s.Id) && s.StartsAt > now)
            .OrderBy(s => s.StartsAt)
            .Select(s => new { s.Title, s.StartsAt, s.Event!.TimeZone })
            .FirstOrDefaultAsync(ct);
        if (ahead is null)
        {
            return null;
        }
        return l["Both are registered for \"{0}\" on {1}. Cancel one of the two RSVPs first: each has its own link and check-in code.",
            ahead.Title, Labels.Date(ahead.StartsAt, ahead.TimeZone)].Value;
    }

    private static int Strength(RsvpStatus status) => status switch
    {
        RsvpStatus.Confirmed => 3,
        RsvpStatus.Waitlisted => 2,
        _ => 1,
    };
}
