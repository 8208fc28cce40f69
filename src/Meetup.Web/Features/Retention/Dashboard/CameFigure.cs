namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>
/// "Came N of M" as the dashboard's people tables and the person page write it, from the report's attendee row
/// (docs/retention.md), so that the two always agree and a list never shows a ratio below its own threshold.
/// </summary>
public readonly record struct CameFigure(int Attended, int Of, double Ratio)
{
    /// <summary>Of the counted sessions since their first: what makes a regular.</summary>
    public static CameFigure SinceFirst(AttendeeRetention person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new(person.Attended, person.Eligible, person.Ratio);
    }

    /// <summary>Of the counted sessions from their first to the last they came (before the current run of misses): what makes someone at risk.</summary>
    public static CameFigure BeforeMisses(AttendeeRetention person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new(person.Attended, person.EligibleUntilStopped, person.RatioUntilStopped);
    }
}
