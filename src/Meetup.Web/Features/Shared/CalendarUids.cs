namespace Meetup.Web.Features.Shared;

/// <summary>
/// One UID rule for every .ics the app writes (public feed, attendee's file, email attachment), so a
/// calendar holding the same session from two sources shows it once. The domain must never change:
/// Meetup:CalendarUidDomain, else the host of Meetup:PublicBaseUrl, never the request's host.
/// </summary>
public static class CalendarUids
{
    public static string Domain(IConfiguration config)
    {
        if (config["Meetup:CalendarUidDomain"] is { Length: > 0 } configured)
        {
            return configured.Trim();
        }
        return Uri.TryCreate(config["Meetup:PublicBaseUrl"], UriKind.Absolute, out var publicBase) ? publicBase.Host : "meetup.local";
    }

    public static string ForSession(int sessionId, string domain) => $"session-{sessionId}@{domain}";
}
