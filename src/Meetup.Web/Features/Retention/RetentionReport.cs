using System.Text.Json.Serialization;

namespace Meetup.Web.Features.Retention;

// The report's JSON (System.Text.Json, web defaults = camelCase) is the contract of
// docs/retention.md and tests/Meetup.Tests/TestData/retention-example/expected.json: property names and order here
// are that file's. Rates are fractions in [0, 1]; an undefined figure is null, never 0.

public sealed record RetentionReport
{
    public required RetentionOverall Overall { get; init; }

    /// <summary>Counted sessions within the date range, by start.</summary>
    public required IReadOnlyList<RetentionSessionRow> Sessions { get; init; }

    /// <summary>Sessions that are not counted, by start, with the first reason that applies.</summary>
    public required IReadOnlyList<ExcludedSession> ExcludedSessions { get; init; }

    /// <summary>One per counted session that brought someone new.</summary>
    public required IReadOnlyList<RetentionCohort> Cohorts { get; init; }

    public required IReadOnlyList<AttendeeRetention> Regulars { get; init; }

    public required IReadOnlyList<AttendeeRetention> AtRisk { get; init; }

    /// <summary>Everyone who attended a counted session: most sessions first, then by email.</summary>
    public required IReadOnlyList<AttendeeRetention> Attendees { get; init; }

    /// <summary>By dimension (dayType, timeOfDay, format, language), then by value (ordinal).</summary>
    public required IReadOnlyList<RetentionSlot> Slots { get; init; }
}

public sealed record RetentionOverall
{
    public required int CountedSessions { get; init; }
    public required int UniqueAttendees { get; init; }
    public required double? ReturnRate { get; init; }
    public required double? FirstTimerReturnRate { get; init; }
}

public sealed record RetentionSessionRow
{
    /// <summary>1-based position among all counted sessions (not only those in the date range).</summary>
    public required int Index { get; init; }
    public required int SessionId { get; init; }
    public required DateTime StartsAt { get; init; }
    public required string Title { get; init; }
    public required int Attended { get; init; }

    [JsonPropertyName("new")]
    public required int New { get; init; }

    public required int Returning { get; init; }
    public required int Resurrecting { get; init; }
    public required int Dormant { get; init; }

    /// <summary>Null for the last counted session: its next session has not happened ("pending").</summary>
    public required double? ReturnRate { get; init; }

    public required double? FirstTimerReturnRate { get; init; }
    public required int ConfirmedRsvps { get; init; }
    public required int NoShows { get; init; }
    public required double? NoShowRate { get; init; }
    public required int WalkIns { get; init; }

    /// <summary>Cancelled by the person in the 24 hours before the start (docs/retention.md, <see cref="LateCancellation"/>).</summary>
    public int LateCancellations { get; init; }
}

public sealed record ExcludedSession
{
    public required int SessionId { get; init; }
    public required DateTime StartsAt { get; init; }
    public required string Title { get; init; }

    /// <summary>One of <see cref="ExclusionReasons"/>.</summary>
    public required string Reason { get; init; }
}

/// <summary>Why a session is not counted, checked in this order.</summary>
public static class ExclusionReasons
{
    public const string Cancelled = "cancelled";
    public const string Upcoming = "upcoming";
    public const string NoAttendanceRecorded = "noAttendanceRecorded";
}

public sealed record RetentionCohort
{
    /// <summary>The counted session (1-based) where the cohort came for the first time.</summary>
    public required int Index { get; init; }
    public required int SessionId { get; init; }
    public required int Size { get; init; }

    /// <summary>[k] = share of the cohort checked in at session index + k, k = 0..n − index.</summary>
    public required IReadOnlyList<double> Exact { get; init; }

    /// <summary>[k] = share of the cohort checked in at some session ≥ index + k.</summary>
    public required IReadOnlyList<double> OnOrAfter { get; init; }
}

public sealed record AttendeeRetention
{
    public required int AttendeeId { get; init; }
    public required string? Name { get; init; }
    public required string? Email { get; init; }
    public required int Attended { get; init; }
    public required int Eligible { get; init; }
    public required double Ratio { get; init; }
    public required int CurrentStreak { get; init; }
    public required int MissedStreak { get; init; }
    public required bool Regular { get; init; }
    public required bool AtRisk { get; init; }

    /// <summary>
    /// Counted sessions from their first to the last they came: <see cref="Eligible"/> without the current run of
    /// misses, what "at risk" measures (a regular until they stopped). Not in the API, which derives it as
    /// <c>eligible − missedStreak</c>.
    /// </summary>
    [JsonIgnore]
    public int EligibleUntilStopped => Eligible - MissedStreak;

    /// <summary><see cref="Attended"/> / <see cref="EligibleUntilStopped"/>.</summary>
    [JsonIgnore]
    public double RatioUntilStopped => (double)Attended / EligibleUntilStopped;
}

public sealed record RetentionSlot
{
    /// <summary>One of <see cref="SlotDimensions"/>.</summary>
    public required string Dimension { get; init; }

    /// <summary><c>weekday</c>/<c>weekend</c>, <c>morning</c>/<c>afternoon</c>/<c>evening</c>, a format, or language codes joined with <c>+</c>.</summary>
    public required string Value { get; init; }

    public required int Sessions { get; init; }
    public required double MeanAttendance { get; init; }
    public required double? MeanReturnRate { get; init; }
    public required double? MeanNoShowRate { get; init; }
}

public static class SlotDimensions
{
    public const string DayType = "dayType";
    public const string TimeOfDay = "timeOfDay";
    public const string Format = "format";
    public const string Language = "language";
}
