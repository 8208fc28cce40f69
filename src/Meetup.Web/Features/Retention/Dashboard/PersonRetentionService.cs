namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>A person's standing at one event, from the event's retention report: the row the dashboard lists them by.</summary>
public sealed record PersonStanding(int EventId, string EventName, AttendeeRetention Person, RetentionThresholds Thresholds)
{
    /// <summary>Came N of the M counted sessions since their first (the regulars' table).</summary>
    public CameFigure Came => CameFigure.SinceFirst(Person);

    /// <summary>Came N of the M counted sessions before the current run of misses (the at-risk table).</summary>
    public CameFigure CameBeforeMisses => CameFigure.BeforeMisses(Person);
}

/// <summary>
/// The person page's "came N of M" per event: the very report the dashboard shows (<see cref="RetentionService"/>,
/// whole history, now), so the two never disagree.
/// </summary>
public sealed class PersonRetentionService(RetentionService retention, TimeProvider time)
{
    /// <summary>The person's rows at those of <paramref name="eventIds"/> where they attended a counted session, in the given order.</summary>
    public async Task<IReadOnlyList<PersonStanding>> ForAsync(int attendeeId, IEnumerable<int> eventIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var standings = new List<PersonStanding>();
        foreach (var eventId in eventIds.Distinct())
        {
            if (await retention.ReadAsync(eventId, ct) is not { } history)
            {
                continue;
            }
            var report = history.Compute(null, null, time.GetUtcNow()).Report;
            if (report.Attendees.FirstOrDefault(a => a.AttendeeId == attendeeId) is { } row)
            {
                standings.Add(new PersonStanding(eventId, history.EventName, row, history.Thresholds));
            }
        }
        return standings;
    }
}
