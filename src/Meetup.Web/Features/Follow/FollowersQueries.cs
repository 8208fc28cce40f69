using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Follow;

/// <summary>The organizer's followers page: counts by status, the list (newest change first, searchable), and size over time.</summary>
public sealed record FollowersView(
    string EventName, string TimeZone, int Active, int Pending, int Unsubscribed,
    IReadOnlyList<FollowerRow> Rows, IReadOnlyList<FollowersAt> History);

/// <param name="Since">When the status last changed: asked (pending), confirmed (active) or unsubscribed.</param>
public sealed record FollowerRow(int AttendeeId, string? Name, string? Email, SubscriptionStatus Status, DateTime Since);

/// <summary>How many followed the group when a past session started.</summary>
public sealed record FollowersAt(int SessionId, string Title, DateTime StartsAt, int Active);

public sealed class FollowersQueries(IDbContextFactory<MeetupDb> dbFactory, TimeProvider time)
{
    /// <summary>
    /// Null for an unknown event; <paramref name="search"/> (name or email) and <paramref name="status"/> narrow the
    /// list, never the counts.
    /// </summary>
    public async Task<FollowersView?> GetAsync(int eventId, string? search, SubscriptionStatus? status = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Name, e.TimeZone }).FirstOrDefaultAsync(ct);
        if (ev is null)
        {
            return null;
        }
        var all = await db.Subscriptions.AsNoTracking().Where(s => s.EventId == eventId && s.Attendee!.ErasedAt == null)
            .OrderByDescending(s => s.Since).ThenByDescending(s => s.Id)
            .Select(s => new FollowerRow(s.AttendeeId, s.Attendee!.DisplayName, s.Attendee.Email, s.Status, s.Since))
            .ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EventId == eventId && s.Status == SessionStatus.Published && s.StartsAt <= now)
            .OrderBy(s => s.StartsAt).Select(s => new { s.Id, s.Title, s.StartsAt }).ToListAsync(ct);
        // Each follow's latest period, confirmed → unsubscribed (or still going): someone who unsubscribed later counts
        // for the sessions in between. A follow confirmed before these were recorded has only its Since.
        var periods = await db.Subscriptions.AsNoTracking().Where(s => s.EventId == eventId && s.Attendee!.ErasedAt == null)
            .Select(s => new { From = s.ConfirmedAt ?? (s.Status == SubscriptionStatus.Active ? s.Since : (DateTime?)null), To = s.UnsubscribedAt })
            .Where(p => p.From != null).ToListAsync(ct);
        var history = sessions.Select(s => new FollowersAt(s.Id, s.Title, s.StartsAt,
            periods.Count(p => p.From <= s.StartsAt && (p.To is null || p.To > s.StartsAt))))
            .SkipWhile(h => h.Active == 0).ToList(); // from the first session anyone followed: before it, only zeros
        var rows = all.Where(r => (status is null || r.Status == status) && (string.IsNullOrWhiteSpace(search) || Matches(r, search.Trim()))).ToList();
        return new FollowersView(ev.Name, ev.TimeZone,
            all.Count(r => r.Status == SubscriptionStatus.Active), all.Count(r => r.Status == SubscriptionStatus.Pending),
            all.Count(r => r.Status == SubscriptionStatus.Unsubscribed), rows, history);
    }

    private static bool Matches(FollowerRow row, string search)
        => (row.Name?.Contains(search, StringComparison.CurrentCultureIgnoreCase) ?? false)
           || (row.Email?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);
}
