using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Follow;

/// <summary>The organizer's followers page: counts by status, the list (newest change first, searchable), and size over time.</summary>
public sealed record FollowersView(
    string EventName, string TimeZone, int Active, int Pending, int Unsubscribed,
    IReadOnlyList<FollowerRow> Rows, IReadOnlyList<FollowersAt> History);

public sealed record FollowerRow(int AttendeeId, string? Name, string? Email, SubscriptionStatus Status, DateTime Since);

/// <summary>How many followed the group when a past session started.</summary>
public sealed record FollowersAt(int SessionId, string Title, DateTime StartsAt, int Active);

public sealed class FollowersQueries(IDbContextFactory<MeetupDb> dbFactory, TimeProvider time)
{
    /// <summary>Null for an unknown event; <paramref name="search"/> narrows the list (name or email), never the counts.</summary>
    public async Task<FollowersView?> GetAsync(int eventId, string? search, CancellationToken ct = default)
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
        // An active follow's Since is when it was confirmed; one that ended is not counted back in time (the row
        // keeps only its last change), so past figures are those who still follow, a floor of the true count.
        var confirmed = all.Where(r => r.Status == SubscriptionStatus.Active).Select(r => r.Since).ToList();
        var history = sessions.Select(s => new FollowersAt(s.Id, s.Title, s.StartsAt, confirmed.Count(c => c <= s.StartsAt))).ToList();
        var rows = string.IsNullOrWhiteSpace(search) ? all : all.Where(r => Matches(r, search.Trim())).ToList();
        return new FollowersView(ev.Name, ev.TimeZone,
            all.Count(r => r.Status == SubscriptionStatus.Active), all.Count(r => r.Status == SubscriptionStatus.Pending),
            all.Count(r => r.Status == SubscriptionStatus.Unsubscribed), rows, history);
    }

    private static bool Matches(FollowerRow row, string search)
        => (row.Name?.Contains(search, StringComparison.CurrentCultureIgnoreCase) ?? false)
           || (row.Email?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);
}
