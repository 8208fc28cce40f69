using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Announcements;

/// <summary>
/// What announcements did (docs/retention.md, "Announcements and win-back"): per announcement its recipients, those
/// who registered for the announced session after it was sent, those who checked in to it, and how many of these came
/// without registering after it (docs/api.md, the list of announcements); for at-risk
/// announcements the win-back rate beside the baseline of at-risk followers of sessions nobody announced to at risk.
/// </summary>
public sealed class AnnouncementEffect(IDbContextFactory<MeetupDb> dbFactory, RetentionService retention, TimeProvider time)
{
    /// <summary>The event's announcements with their figures, newest first.</summary>
    public async Task<IReadOnlyList<AnnouncementSummary>> SummariesAsync(MeetupDb db, int eventId, CancellationToken ct)
    {
        var rows = await db.Announcements.AsNoTracking().Where(a => a.EventId == eventId)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.SessionId,
                a.Session!.Title,
                a.Session.StartsAt,
                a.Audience,
                a.Subject,
                a.CreatedAt,
                a.SendAt,
                a.SentAt,
                a.CompletedAt,
                a.CancelledAt,
                Recipients = a.Recipients.Count,
                // A recipient had no live RSVP when it was sent, so one made or changed since is theirs since: a new
                // one, or a cancelled one taken up again (the same row, re-registering keeps its CreatedAt).
                Rsvps = a.Recipients.Count(r => db.Rsvps.Any(x => x.SessionId == a.SessionId && x.AttendeeId == r.AttendeeId && (x.CreatedAt >= a.SentAt || x.UpdatedAt >= a.SentAt))),
                Attended = a.Recipients.Count(r => db.CheckIns.Any(c => c.SessionId == a.SessionId && c.AttendeeId == r.AttendeeId)),
                // Of those, the ones not counted in Rsvps: so "0 registered after it, 2 came" says why.
                AttendedWithoutRsvp = a.Recipients.Count(r => db.CheckIns.Any(c => c.SessionId == a.SessionId && c.AttendeeId == r.AttendeeId)
                    && !db.Rsvps.Any(x => x.SessionId == a.SessionId && x.AttendeeId == r.AttendeeId && (x.CreatedAt >= a.SentAt || x.UpdatedAt >= a.SentAt))),
            })
            .ToListAsync(ct);
        return [.. rows.Select(a => new AnnouncementSummary(a.Id, a.SessionId, a.Title, a.StartsAt, a.Audience.ToSnakeCase(), a.Subject,
            a.CreatedAt, a.SendAt, a.SentAt, a.CancelledAt, a.Recipients, a.Rsvps, a.Attended)
            {
                CompletedAt = a.CompletedAt,
                AttendedWithoutRsvp = a.AttendedWithoutRsvp,
            })];
    }

    /// <summary>The win-back comparison; null for an unknown event.</summary>
    public async Task<WinBackComparison?> WinBackAsync(int eventId, CancellationToken ct)
    {
        var history = await retention.ReadAsync(eventId, ct);
        if (history is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var summaries = await SummariesAsync(db, eventId, ct);
        var atRisk = summaries.Where(a => a.SentAt is not null && a.Audience == AnnouncementAudience.AtRisk.ToSnakeCase()).ToList();
        var announcedAtRisk = atRisk.Select(a => a.SessionId).ToHashSet();
        var follows = await db.Subscriptions.AsNoTracking().Where(s => s.EventId == eventId)
            .Select(s => new FollowSpan(s.AttendeeId, s.Status, s.CreatedAt, s.Since)).ToListAsync(ct);
        var came = history.CheckIns.Select(c => (c.SessionId, c.AttendeeId)).ToHashSet();

        var counted = history.Compute(null, null, time.GetUtcNow()).Report.Sessions.OrderBy(s => s.Index).ToList();
        int inGroup = 0, cameBack = 0, sessions = 0;
        foreach (var s in counted.Skip(1).Where(s => !announcedAtRisk.Contains(s.SessionId)))
        {
            var asOf = new DateTimeOffset(s.StartsAt.AddSeconds(-1), TimeSpan.Zero); // just before S began
            var group = history.Compute(null, null, asOf).Report.AtRisk.Select(p => p.AttendeeId)
                .Where(id => follows.Any(f => f.AttendeeId == id && f.FollowedAt(s.StartsAt))).ToList();
            sessions++;
            inGroup += group.Count;
            cameBack += group.Count(id => came.Contains((s.SessionId, id)));
        }
        return new WinBackComparison(
            [.. atRisk.Select(a => new WinBackRow(a.Id, a.SessionId, a.SessionTitle, a.SessionStartsAt, new ShareFigure(a.Attended, a.Recipients)))],
            new ShareFigure(cameBack, inGroup), sessions);
    }

    /// <summary>
    /// A follow as far as its row tells: active from <c>Since</c> if active now; if unsubscribed now, taken as active from
    /// its creation until <c>Since</c> (when it stopped). Pending follows never counted.
    /// </summary>
    private sealed record FollowSpan(int AttendeeId, SubscriptionStatus Status, DateTime CreatedAt, DateTime Since)
    {
        public bool FollowedAt(DateTime instant) => Status switch
        {
            SubscriptionStatus.Active => Since <= instant,
            SubscriptionStatus.Unsubscribed => CreatedAt <= instant && instant < Since,
            _ => false,
        };
    }
}
