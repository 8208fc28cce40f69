using Meetup.Web.Features.Shared;
using Microsoft.AspNetCore.Components;

namespace Meetup.Web.Features.Rsvps;

/// <summary>
/// The base of links written into emails and answers, wherever the work happens: the configured
/// Meetup:PublicBaseUrl, else the current request, else — in an interactive circuit, which has no
/// request — the circuit's own base address.
/// </summary>
public sealed class LinkBase(PublicUrls urls, IConfiguration config, IHttpContextAccessor http, NavigationManager navigation)
{
    public string Base
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(config["Meetup:PublicBaseUrl"]) || http.HttpContext is not null)
            {
                return urls.Base;
            }
            try
            {
                return navigation.BaseUri.TrimEnd('/');
            }
            catch (InvalidOperationException)
            {
                return urls.Base; // neither a request nor a circuit (a background job)
            }
        }
    }

    public string Session(string eventSlug, int sessionId) => $"{Base}/events/{Uri.EscapeDataString(eventSlug)}/sessions/{sessionId}";
}
