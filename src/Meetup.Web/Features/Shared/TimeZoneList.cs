namespace Meetup.Web.Features.Shared;

/// <summary>The IANA zones the machine knows, for pickers; the common ones of this community first.</summary>
public static class TimeZoneList
{
    private static readonly string[] Favourites = ["Asia/Tokyo", "Asia/Shanghai", "Asia/Taipei", "Asia/Seoul", "Asia/Singapore", "Europe/London", "America/New_York", "America/Los_Angeles", "UTC"];

    public static readonly IReadOnlyList<string> All = [.. Favourites.Where(TimeZones.Exists)
        .Concat(TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        .Distinct(StringComparer.Ordinal)];

    public static IEnumerable<string> Search(string? text)
        => string.IsNullOrWhiteSpace(text) ? All : All.Where(z => z.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));
}
