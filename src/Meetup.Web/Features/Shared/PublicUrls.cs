namespace Meetup.Web.Features.Shared;

/// <summary>
/// Absolute links that leave the app (API resources, emails, calendar feeds). The base comes from
/// Meetup:PublicBaseUrl when set (behind a proxy), else from the current request.
/// </summary>
public sealed class PublicUrls(IConfiguration config, IHttpContextAccessor http)
{
    public string Base
    {
        get
        {
            var configured = config["Meetup:PublicBaseUrl"];
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured.TrimEnd('/');
            }
            var request = http.HttpContext?.Request;
            return request is null ? "http://localhost:5080" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string Event(string slug) => $"{Base}/events/{Uri.EscapeDataString(slug)}";

    public string EventCalendar(string slug) => $"{Base}/events/{Uri.EscapeDataString(slug)}/calendar.ics";

    public string Session(string eventSlug, int sessionId) => $"{Event(eventSlug)}/sessions/{sessionId}";

    public string Speaker(int speakerId) => $"{Base}/speakers/{speakerId}";

    public string SessionCalendar(string eventSlug, int sessionId) => $"{Event(eventSlug)}/sessions/{sessionId}.ics";
}
