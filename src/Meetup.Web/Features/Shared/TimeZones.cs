namespace Meetup.Web.Features.Shared;

/// <summary>Instants are stored in UTC and shown in the event's IANA time zone.</summary>
public static class TimeZones
{
    public static TimeZoneInfo Find(string ianaId)
        => TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool Exists(string? ianaId)
        => !string.IsNullOrWhiteSpace(ianaId) && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out _);

    public static DateTime ToLocal(DateTime utc, string ianaId)
        => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Find(ianaId));
}
