using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Demo;

/// <summary>
/// Inserts the demo community of <see cref="DemoCommunity"/>: one event, its history since 2018 with
/// RSVPs and check-ins shaped like real people (a core that always comes, one-timers, people who drift
/// away and come back), survey answers for the latest sessions, followers and one at-risk invitation, and one
/// upcoming session open for RSVPs.
/// </summary>
public static class DemoSeeder
{
    public const string EventSlug = "cloud-native-study-group-tokyo";

    /// <summary>
    /// Seeds the demo community unless an event with <see cref="EventSlug"/> exists. The same community every
    /// time; only the upcoming session (and its RSVPs) depends on <paramref name="time"/>.
    /// </summary>
    /// <returns>true when it inserted the community, false when it was already there.</returns>
    public static async Task<bool> SeedAsync(MeetupDb db, TimeProvider time, ILogger logger, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);

        if (await db.Events.AnyAsync(e => e.Slug == EventSlug, ct))
        {
            logger.LogInformation("Demo event {Slug} already exists; nothing seeded", EventSlug);
            return false;
        }

        var demo = new CommunityBuilder(time.GetUtcNow()).Build();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Events.Add(demo.Event);
        db.Speakers.AddRange(demo.Speakers);
        db.Attendees.AddRange(demo.Attendees);
        db.Feedback.AddRange(demo.Answers);
        db.Subscriptions.AddRange(demo.Follows);
        db.Announcements.AddRange(demo.Announcements);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two instances starting at once: the unique slug stops the second, which is then simply done.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (!await db.Events.AnyAsync(e => e.Slug == EventSlug, ct))
            {
                throw;
            }
            return false;
        }

        logger.LogInformation(
            "Seeded demo event {Slug}: {Sessions} sessions, {Speakers} speakers, {Attendees} attendees, {Rsvps} RSVPs, {CheckIns} check-ins, {Answers} survey answers, {Follows} follows",
            EventSlug, demo.Event.Sessions.Count, demo.Speakers.Count, demo.Attendees.Count, demo.Rsvps, demo.CheckIns, demo.Answers.Count, demo.Follows.Count);
        return true;
    }
}

/// <summary>What <see cref="CommunityBuilder"/> built, ready to insert.</summary>
internal sealed record DemoData(
    Event Event, IReadOnlyList<Speaker> Speakers, IReadOnlyList<Attendee> Attendees, IReadOnlyList<Data.Entities.Feedback> Answers, int Rsvps, int CheckIns)
{
    public IReadOnlyList<Subscription> Follows { get; init; } = [];
    public IReadOnlyList<Announcement> Announcements { get; init; } = [];
}
