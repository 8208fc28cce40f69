using System.Globalization;
using Meetup.Web.Features.Shared;

namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>Dates of sessions on the dashboard, local to the event, written the reader's way (<see cref="DateFormats"/>).</summary>
public static class SessionLabels
{
    /// <summary>"2 Sep 2018", "2018年9月2日".</summary>
    public static string Date(DateTime utc, TimeZoneInfo timeZone)
        => DateFormats.Date(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), timeZone));

    /// <summary>A local day: "2 Sep 2018", "2018年9月2日".</summary>
    public static string Date(DateOnly date) => DateFormats.Date(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>"2018-09-02": for links and date inputs, which read no other way.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
