using Meetup.Web.Features.Shared;

namespace Meetup.Web.Features.Sessions;

/// <summary>
/// "The same as last time, k weeks later": the same weekday and local wall-clock time in the
/// event's zone, whatever daylight saving did in between.
/// </summary>
public static class Cadence
{
    public static DateTime Shift(DateTime utc, TimeZoneInfo zone, int days)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).AddDays(days);
        // A wall-clock time skipped by a DST change (02:30 on the spring-forward night) moves to the next valid one.
        DateTime result;
        while (!LocalTime.TryToUtc(local, zone, out result, out _))
        {
            local = local.AddMinutes(30);
        }
        return result;
    }
}
