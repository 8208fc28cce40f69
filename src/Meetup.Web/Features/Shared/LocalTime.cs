using System.Globalization;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// Reads the API's and forms' date-times: a local one ("2026-12-16T19:30", read in the event's time
/// zone) or one with an offset ("2026-12-16T19:30+09:00", "…Z"). Local times that do not exist
/// (skipped by a DST change) are refused; ambiguous ones take the earlier instant.
/// </summary>
public static class LocalTime
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTime utc, out string? error)
    {
        utc = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty";
            return false;
        }
        text = text.Trim();
        if (HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            // 0001-01-01T00:00+14:00 parses, but has no instant in DateTime's range.
            if (withOffset.DateTime.Year is < 2 or > 9998)
            {
                error = "range";
                return false;
            }
            utc = withOffset.UtcDateTime;
            return true;
        }
        if (!DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            error = "format";
            return false;
        }
        return TryToUtc(local, zone, out utc, out error);
    }

    /// <summary>A wall-clock time in the zone → UTC; false for a time skipped by a DST change.</summary>
    public static bool TryToUtc(DateTime local, TimeZoneInfo zone, out DateTime utc, out string? error)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        error = null;
        if (local.Year is < 2 or > 9998)
        {
            // The zone's offset would carry it beyond DateTime's range; InstantBounds refuses such dates anyway.
            utc = default;
            error = "range";
            return false;
        }
        if (zone.IsInvalidTime(local))
        {
            utc = default;
            error = "skipped";
            return false;
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            utc = DateTime.SpecifyKind(local - offsets.Max(), DateTimeKind.Utc);
            return true;
        }
        utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return true;
    }

    /// <summary>The zone's offset at an instant, as "UTC+09:00".</summary>
    public static string OffsetLabel(DateTime utc, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"UTC{sign}{offset.Duration():hh\\:mm}";
    }

    private static bool HasOffset(string text)
        => text.EndsWith('Z') || text.EndsWith('z')
           || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':' && text.IndexOf('T', StringComparison.Ordinal) > 0);
}
