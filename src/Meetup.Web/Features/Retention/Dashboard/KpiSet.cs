namespace Meetup.Web.Features.Retention.Dashboard;

public enum KpiKind { Rate, Count }

/// <summary>
/// One KPI card: its value now, the same figure for the previous period when there is one, and
/// whether a rise is good news (more people at risk is not).
/// </summary>
public sealed record Kpi(string Key, KpiKind Kind, double? Value, double? Previous, bool HigherIsBetter)
{
    /// <summary>Value − previous (fractions for rates: 0.05 is 5 percentage points); null when either is undefined.</summary>
    public double? Change => Value is { } now && Previous is { } then ? now - then : null;

    /// <summary>+1 better, −1 worse, 0 unchanged or unknown.</summary>
    public int Direction => Change switch
    {
        null => 0,
        var c when Math.Abs(c.Value) < 1e-12 => 0,
        var c => (c.Value > 0) == HigherIsBetter ? 1 : -1,
    };
}

/// <summary>The five KPI cards, from the report and (when a range is chosen) the previous period's report.</summary>
public static class KpiSet
{
    public const string ReturnRate = "returnRate";
    public const string FirstTimerReturnRate = "firstTimerReturnRate";
    public const string UniqueAttendees = "uniqueAttendees";
    public const string Regulars = "regulars";
    public const string AtRisk = "atRisk";

    public static IReadOnlyList<Kpi> Build(RetentionReport current, RetentionReport? previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        return
        [
            new Kpi(ReturnRate, KpiKind.Rate, current.Overall.ReturnRate, previous?.Overall.ReturnRate, HigherIsBetter: true),
            new Kpi(FirstTimerReturnRate, KpiKind.Rate, current.Overall.FirstTimerReturnRate, previous?.Overall.FirstTimerReturnRate, HigherIsBetter: true),
            new Kpi(UniqueAttendees, KpiKind.Count, current.Overall.UniqueAttendees, previous?.Overall.UniqueAttendees, HigherIsBetter: true),
            new Kpi(Regulars, KpiKind.Count, current.Regulars.Count, previous?.Regulars.Count, HigherIsBetter: true),
            new Kpi(AtRisk, KpiKind.Count, current.AtRisk.Count, previous?.AtRisk.Count, HigherIsBetter: false),
        ];
    }
}
