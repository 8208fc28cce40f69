namespace Meetup.Web.Features.Shared;

/// <summary>
/// The instants a session, an RSVP window or an imported session may have: from 2000-01-01 (UTC) to ten
/// years after now. Anything outside is a typo, and far instants overflow date arithmetic (year 9999 plus
/// two hours) or time zone conversion; bounding them at the door keeps every later step safe.
/// </summary>
public static class InstantBounds
{
    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public const int YearsAhead = 10;

    public static DateTime Latest(DateTime nowUtc) => nowUtc.AddYears(YearsAhead);

    public static bool Contains(DateTime utc, DateTime nowUtc) => utc >= Earliest && utc <= Latest(nowUtc);
}
