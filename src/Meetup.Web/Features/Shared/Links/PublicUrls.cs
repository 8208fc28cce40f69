using Microsoft.AspNetCore.Components;

namespace Meetup.Web.Features.Shared.Links;

/// <summary>
/// Absolute links that leave the app (API resources, emails, calendar feeds), on the base <see cref="PublicBase"/>
/// allows: Meetup:PublicBaseUrl, else the current request's or the interactive circuit's own address when
/// AllowedHosts names its host, else the server's own address.
/// </summary>
public sealed class PublicUrls(PublicBase publicBase, IHttpContextAccessor http, NavigationManager navigation)
{
    public string Base
    {
        get
        {
            if (http.HttpContext?.Request is { } request)
            {
                return publicBase.For(request);
            }
            try
            {
                return publicBase.For(navigation.BaseUri);
            }
            catch (InvalidOperationException)
            {
                return publicBase.For((string?)null); // neither a request nor a circuit
            }
        }
    }

    public string Event(string slug) => $"{Base}/events/{Uri.EscapeDataString(slug)}";

    public string EventCalendar(string slug) => $"{Base}/events/{Uri.EscapeDataString(slug)}/calendar.ics";

    public string Session(string slug, int id) => Base + SessionPath(slug, id);

    public string SessionCalendar(string slug, int id) => Base + SessionCalendarPath(slug, id);

    public string Speaker(int id) => Base + SpeakerPath(id);

    /// <summary>The feed as a <c>webcal://</c> link, which calendar apps open as a subscription.</summary>
    public string EventCalendarSubscription(string slug)
    {
        var https = EventCalendar(slug);
        return "webcal://" + https[(https.IndexOf("://", StringComparison.Ordinal) + 3)..];
    }

    // Site-relative paths for links between the public pages (they follow the request's own host).
    public static string EventPath(string slug) => $"/events/{Uri.EscapeDataString(slug)}";

    public static string EventCalendarPath(string slug) => $"{EventPath(slug)}/calendar.ics";

    public static string SessionPath(string slug, int id) => $"{EventPath(slug)}/sessions/{id}";

    public static string SessionCalendarPath(string slug, int id) => $"{SessionPath(slug, id)}.ics";

    public static string SpeakerPath(int id) => $"/speakers/{id}";
}
