namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>The quick choices of the dashboard's date filter.</summary>
public enum RangePreset { AllHistory, Last6Months, Last12Months, Custom }

/// <summary>
/// The dashboard's date range: local dates in the event's time zone, both inclusive, either open.
/// Pure: "today" is passed in.
/// </summary>
public readonly record struct DashboardRange(DateOnly? From, DateOnly? To)
{
    public static DashboardRange AllHistory => default;

    public bool IsAllHistory => From is null && To is null;

    /// <summary>The last <paramref name="months"/> months up to and including <paramref name="today"/>.</summary>
    public static DashboardRange LastMonths(int months, DateOnly today) => new(today.AddMonths(-months).AddDays(1), today);

    public static DashboardRange For(RangePreset preset, DateOnly today, DashboardRange custom) => preset switch
    {
        RangePreset.Last6Months => LastMonths(6, today),
        RangePreset.Last12Months => LastMonths(12, today),
        RangePreset.Custom => custom,
        _ => AllHistory,
    };

    /// <summary>Which preset this range is, seen on <paramref name="today"/> (a bookmarked "last 6 months" of another day is custom).</summary>
    public RangePreset PresetOn(DateOnly today)
        => IsAllHistory ? RangePreset.AllHistory
            : this == LastMonths(6, today) ? RangePreset.Last6Months
            : this == LastMonths(12, today) ? RangePreset.Last12Months
            : RangePreset.Custom;

    /// <summary>
    /// The period of the same length just before this one, or null when the range has no start (all
    /// history has nothing before it). An open end counts up to <paramref name="today"/>.
    /// </summary>
    public PreviousPeriod? Previous(DateOnly today)
    {
        if (From is not { } from)
        {
            return null;
        }
        var to = To ?? (today >= from ? today : from);
        var days = Math.Max(1, to.DayNumber - from.DayNumber + 1);
        return new PreviousPeriod(from.AddDays(-days), from.AddDays(-1));
    }

    /// <summary>Parses the page's <c>from</c>/<c>to</c> query values (yyyy-MM-dd); anything unreadable or reversed is all history.</summary>
    public static DashboardRange Parse(string? from, string? to)
    {
        var start = ParseDate(from);
        var end = ParseDate(to);
        return start is { } s && end is { } e && s > e ? AllHistory : new DashboardRange(start, end);
    }

    private static DateOnly? ParseDate(string? text)
        => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The query string that reproduces this range ("" for all history).</summary>
    public string ToQuery()
    {
        var parts = new List<string>(2);
        if (From is { } from)
        {
            parts.Add("from=" + from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (To is { } to)
        {
            parts.Add("to=" + to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>
/// The period the KPI cards compare with: as many days as the chosen range, ending the day before it
/// starts. Its figures are the report as it stood when that period ended (<see cref="AsOf"/>).
/// </summary>
public readonly record struct PreviousPeriod(DateOnly From, DateOnly To)
{
    /// <summary>
    /// The instant the period ended: midnight at the start of the next local day in
    /// <paramref name="timeZone"/> (or the first valid instant after it, where clocks skip midnight).
    /// </summary>
    public DateTimeOffset AsOf(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = To.AddDays(1).ToDateTime(TimeOnly.MinValue);
        while (timeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, timeZone), TimeSpan.Zero);
    }
}
