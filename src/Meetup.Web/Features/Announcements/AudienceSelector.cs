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

    /// <summary>Registered for the session (confirmed or waitlisted): left out.</summary>
    public bool Registered { get; init; }

    /// <summary>Already received an announcement of this session (this or an earlier one): left out.</summary>
    public bool Announced { get; init; }
}

/// <summary>
/// Who an announcement goes to and why the others do not: of the group's active followers, those in the audience,
/// then left out in this order — registered for the session, already received an announcement of it, an address that
/// cannot receive mail.
/// </summary>
public sealed record AudienceSelection(IReadOnlyList<AudienceCandidate> Recipients, int Followers, int InAudience, int Registered, int Announced, int Undeliverable);

/// <summary>
/// Who an announcement goes to: the event's active followers who are not erased, can receive mail, are not
/// registered for the session (confirmed or waitlisted) and were not sent an announcement of that session before,
/// narrowed by the audience with the retention report as of now (docs/retention.md: regulars, at risk; past
/// attendees came to any counted session).
/// </summary>
public sealed class AudienceSelector(IDbContextFactory<MeetupDb> dbFactory, RetentionService retention)
{
    /// <summary>The recipients now, in a stable order (by person id).</summary>
    public async Task<IReadOnlyList<AudienceCandidate>> SelectAsync(int eventId, int sessionId, AnnouncementAudience audience, CancellationToken ct = default)
        => (await ExplainAsync(eventId, sessionId, audience, ct)).Recipients;

    /// <summary>The recipients now, with how many followers there are and how many of the audience are left out, by reason.</summary>
    public async Task<AudienceSelection> ExplainAsync(int eventId, int sessionId, AnnouncementAudience audience, CancellationToken ct = default)
    {
        var followers = await FollowersAsync(eventId, sessionId, ct);
        var report = audience == AnnouncementAudience.Followers ? null : await retention.GetReportAsync(eventId, ct: ct);
        return Narrow(followers, audience, report);
    }

    /// <summary>
    /// The event's active followers who are not erased and have an address, each marked registered for the session
    /// and whether they already received an announcement of it: one read.
    /// </summary>
    public async Task<IReadOnlyList<AudienceCandidate>> FollowersAsync(int eventId, int sessionId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var rows = await db.Subscriptions.AsNoTracking()
                .Where(s => s.EventId == eventId && s.Status == SubscriptionStatus.Active && s.Attendee!.ErasedAt == null && s.Attendee.Email != null)
                .Select(s => new
                {
                    s.AttendeeId,
                    SubscriptionId = s.Id,
                    s.Attendee!.DisplayName,
                    s.Attendee.Email,
                    Language = s.Language ?? s.Attendee.PreferredLanguage,
                    s.Since,
                    Registered = db.Rsvps.Any(r => r.SessionId == sessionId && r.AttendeeId == s.AttendeeId && r.Status != RsvpStatus.Cancelled),
                    Announced = db.AnnouncementRecipients.Any(r => r.AttendeeId == s.AttendeeId && r.Announcement!.SessionId == sessionId),
                })
                .ToListAsync(ct);
            return [.. rows.Select(r => new AudienceCandidate(r.AttendeeId, r.SubscriptionId, r.DisplayName ?? "", r.Email!, r.Language)
            {
                Since = r.Since,
                Registered = r.Registered,
                Announced = r.Announced,
            })];
        }
    }

    /// <summary>The pure rule: the audience by the report (needed unless all followers), then the exclusions in order.</summary>
    public static AudienceSelection Narrow(IReadOnlyCollection<AudienceCandidate> followers, AnnouncementAudience audience, RetentionReport? report)
    {
        var keep = audience switch
        {
            AnnouncementAudience.Followers => null,
            AnnouncementAudience.PastAttendees => report?.Attendees.Where(a => a.Attended > 0).Select(a => a.AttendeeId).ToHashSet() ?? [],
            AnnouncementAudience.Regulars => report?.Regulars.Select(a => a.AttendeeId).ToHashSet() ?? [],
            AnnouncementAudience.AtRisk => report?.AtRisk.Select(a => a.AttendeeId).ToHashSet() ?? [],
            _ => [],
        };
        return Narrow(followers, keep);
    }

    /// <summary>The exclusions in order, among the followers in <paramref name="keep"/> (null: all of them).</summary>
    public static AudienceSelection Narrow(IReadOnlyCollection<AudienceCandidate> followers, IReadOnlySet<int>? keep)
    {
        ArgumentNullException.ThrowIfNull(followers);
        var inAudience = followers.Where(f => keep is null || keep.Contains(f.AttendeeId)).ToList();
        var registered = inAudience.Count(f => f.Registered);
        var announced = inAudience.Count(f => !f.Registered && f.Announced);
        var undeliverable = inAudience.Count(f => !f.Registered && !f.Announced && !CanReceive(f.Email));
        IReadOnlyList<AudienceCandidate> recipients = [.. inAudience
            .Where(f => !f.Registered && !f.Announced && CanReceive(f.Email))
            .OrderBy(f => f.AttendeeId)];
        return new AudienceSelection(recipients, followers.Count, inAudience.Count, registered, announced, undeliverable);
    }

    /// <summary>A mailbox: a valid address, not an account on another site (<c>….invalid</c>), as the outbox decides.</summary>
    public static bool CanReceive(string? email)
        => email is not null && EmailAddress.IsValid(EmailAddress.Normalize(email)) && AccountAddress.IsDeliverable(email);
}
