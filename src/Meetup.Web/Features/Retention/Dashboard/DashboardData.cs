namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>An event the dashboard can switch to.</summary>
public sealed record EventChoice(int Id, string Name);

/// <summary>Everything the dashboard shows for one event and range, read in one go.</summary>
/// <param name="Thresholds">The event's definitions of regular and at risk, as the report applied them, to explain the lists.</param>
/// <param name="CountedStarts">UTC start of each counted session of the whole history, [i − 1] = session i: for "last attended".</param>
public sealed record DashboardData(
    int EventId,
    string EventName,
    TimeZoneInfo TimeZone,
    DateOnly Today,
    DashboardRange Range,
    RetentionReport Report,
    IReadOnlyList<DateTime> CountedStarts,
    IReadOnlyList<SpeakerImpactRow> Speakers,
    RetentionThresholds Thresholds)
{
    /// <summary>The period the KPI cards compare with; null for a range without a start (nothing comes before all history).</summary>
    public PreviousPeriod? Period { get; init; }

    /// <summary>
    /// What feedback says about coming back: the return rate by survey answer, answered sessions in the range. Still
    /// being read when the rest is shown (the panel is below the first screen).
    /// </summary>
    public Task<IReadOnlyList<FeedbackEffectRow>> FeedbackEffect { get; init; } = Task.FromResult<IReadOnlyList<FeedbackEffectRow>>([]);

    /// <summary><see cref="Period"/>'s report as it stood when that period ended (same read as <see cref="Report"/>).</summary>
    public RetentionReport? Previous { get; init; }

    /// <summary>
    /// By session id, follows confirmed after the previous counted session's start and up to this one's
    /// (<see cref="NewFollowersCount"/>).
    /// </summary>
    public IReadOnlyDictionary<int, int> NewFollowers { get; init; } = new Dictionary<int, int>();

    /// <summary>The people who follow the group now (an announcement reaches only them).</summary>
    public IReadOnlySet<int> ActiveFollowers { get; init; } = new HashSet<int>();

    /// <summary>Counted sessions of the whole history (n of the spec), whatever the range.</summary>
    public int TotalCounted => CountedStarts.Count;

    /// <summary>Whether any session was ever counted: without one there is nothing to chart.</summary>
    public bool HasHistory => TotalCounted > 0;

    /// <summary>The start (UTC) of the last counted session the person attended.</summary>
    public DateTime? LastAttended(AttendeeRetention person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var index = TotalCounted - person.MissedStreak; // 1-based
        return index >= 1 && index <= TotalCounted ? CountedStarts[index - 1] : null;
    }

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);
}
