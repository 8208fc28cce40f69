using System.Globalization;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.PublicSite;

/// <summary>How the public pages word times, lengths and places.</summary>
public static class PublicLabels
{
    /// <summary>"1 h 40 min", "50 min", "2 h".</summary>
    public static string Duration(IStringLocalizer<Strings> l, int minutes)
    {
        var (hours, rest) = (minutes / 60, minutes % 60);
        return hours == 0 ? l["{0} min", rest]
            : rest == 0 ? l["{0} h", hours]
            : l["{0} h {1} min", hours, rest];
    }

    /// <summary>The local day, e.g. "Wed 16 Dec 2026".</summary>
    public static string Day(DateTime utc, string timeZone)
        => DateFormats.Day(TimeZones.ToLocal(utc, timeZone));

    /// <summary>The local clock time, e.g. "19:30".</summary>
    public static string Time(DateTime utc, string timeZone)
        => DateFormats.Time(TimeZones.ToLocal(utc, timeZone));

    /// <summary>"Asia/Tokyo, UTC+09:00" at that instant (the offset changes with daylight saving time).</summary>
    public static string Zone(DateTime utc, string timeZone)
        => $"{timeZone}, {LocalTime.OffsetLabel(utc, TimeZones.Find(timeZone))}";

    /// <summary>The instant in UTC, ISO 8601, for machine-readable <c>datetime</c> attributes.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A search on OpenStreetMap for the address (or the venue's name when there is no address).</summary>
    public static string? MapUrl(string? venueName, string? venueAddress)
    {
        var query = !string.IsNullOrWhiteSpace(venueAddress) ? venueAddress : venueName;
        return string.IsNullOrWhiteSpace(query) ? null : "https://www.openstreetmap.org/search?query=" + Uri.EscapeDataString(query.Trim());
    }

    /// <summary>An http(s) link an organizer typed, or null when it is anything else (no javascript: URLs).</summary>
    public static Uri? SafeLink(string? text)
        => Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri : null;

    /// <summary>"example.com/lin-hao" for showing a link without its scheme.</summary>
    public static string ShortLink(Uri uri) => (uri.Host + uri.PathAndQuery).TrimEnd('/');
}
