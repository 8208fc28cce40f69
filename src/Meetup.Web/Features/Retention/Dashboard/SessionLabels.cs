using System.Globalization;

namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>Dates of sessions on the dashboard, local to the event.</summary>
public static class SessionLabels
{
    /// <summary>"2018-09-26": sortable and unambiguous in every language the app speaks.</summary>
    public static string Date(DateTime utc, TimeZoneInfo timeZone)
        => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), timeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
