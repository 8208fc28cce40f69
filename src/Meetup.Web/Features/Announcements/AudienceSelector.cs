using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Retention;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Announcements;

/// <summary>A follower who may get an announcement: the person, their address and language, their follow.</summary>
public sealed record AudienceCandidate(int AttendeeId, int SubscriptionId, string Name, string Email, string? Language)
{
    /// <summary>Since when the follow has been active (a sender resuming leaves out who followed after it started).</summary>
    public DateTime Since { get; init; }
}

/// <summary>
/// Who an announcement goes to: the event's active followers who are not erased, can receive mail and are not
/// registered for the session (confirmed or waitlisted), narrowed by the audience with the retention report as of now
/// (docs/retention.md: regulars, at risk; past attendees came to any counted session).
/// </summary>
public sealed class AudienceSelector(IDbContextFactory<MeetupDb> dbFactory, RetentionService retention)
{
    /// <summary>The recipients now, in a stable order (by person id).</summary>
    public async Task<IReadOnlyList<AudienceCandidate>> SelectAsync(int eventId, int sessionId, AnnouncementAudience audience, CancellationToken ct = default)
    {
        List<AudienceCandidate> followers;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var rows = await db.Subscriptions.AsNoTracking()
                .Where(s => s.EventId == eventId && s.Status == SubscriptionStatus.Active && s.Attendee!.ErasedAt == null && s.Attendee.Email != null
                    && !db.Rsvps.Any(r => r.SessionId == sessionId && r.AttendeeId == s.AttendeeId && r.Status != RsvpStatus.Cancelled))
                .Select(s => new { s.AttendeeId, SubscriptionId = s.Id, s.Attendee!.DisplayName, s.Attendee.Email, Language = s.Language ?? s.Attendee.PreferredLanguage, s.Since })
                .ToListAsync(ct);
            followers = [.. rows.Select(r => new AudienceCandidate(r.AttendeeId, r.SubscriptionId, r.DisplayName ?? "", r.Email!, r.Language) { Since = r.Since })];
        }
        if (audience == AnnouncementAudience.Followers)
        {
            return Narrow(followers, audience, null);
        }
        var report = await retention.GetReportAsync(eventId, ct: ct);
        return Narrow(followers, audience, report);
    }

    /// <summary>The pure rule: deliverable addresses, then the audience by the report (needed unless all followers).</summary>
    public static IReadOnlyList<AudienceCandidate> Narrow(IEnumerable<AudienceCandidate> followers, AnnouncementAudience audience, RetentionReport? report)
    {
        var keep = audience switch
        {
            AnnouncementAudience.Followers => null,
            AnnouncementAudience.PastAttendees => report?.Attendees.Where(a => a.Attended > 0).Select(a => a.AttendeeId).ToHashSet() ?? [],
            AnnouncementAudience.Regulars => report?.Regulars.Select(a => a.AttendeeId).ToHashSet() ?? [],
            AnnouncementAudience.AtRisk => report?.AtRisk.Select(a => a.AttendeeId).ToHashSet() ?? [],
            _ => [],
        };
        return [.. followers
            .Where(f => CanReceive(f.Email) && (keep is null || keep.Contains(f.AttendeeId)))
            .OrderBy(f => f.AttendeeId)];
    }

    /// <summary>A mailbox: a valid address, not an account on another site (<c>….invalid</c>), as the outbox decides.</summary>
    public static bool CanReceive(string? email)
        => email is not null && EmailAddress.IsValid(EmailAddress.Normalize(email)) && AccountAddress.IsDeliverable(email);
}
