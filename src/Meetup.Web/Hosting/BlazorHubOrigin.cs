namespace Meetup.Web.Hosting;

/// <summary>
/// The Blazor hub (<c>/_blazor</c>: negotiate, WebSocket, long polling) answers only pages of this site: a browser
/// sends the page's Origin, and one from another site gets 403, so a foreign page cannot open a circuit with the
/// organizer's cookie (cross-site WebSocket hijacking). Same origin means the request's own host, or the host of
/// <c>Meetup:PublicBaseUrl</c> when a proxy passes another Host. Clients that send no Origin are not browsers.
/// </summary>
internal static class BlazorHubOrigin
{
    public static void UseBlazorHubOriginCheck(this WebApplication app)
    {
        var publicAuthority = Uri.TryCreate(app.Configuration["Meetup:PublicBaseUrl"], UriKind.Absolute, out var publicBase)
            ? publicBase.Authority : null;
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/_blazor"), hub => hub.Use(async (ctx, next) =>
        {
            var origin = ctx.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && !IsAllowed(origin, ctx.Request.Host, publicAuthority))
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next(ctx);
        }));
    }

    internal static bool IsAllowed(string origin, HostString host, string? publicAuthority)
        => Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && (string.Equals(uri.Authority, host.Value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(uri.Authority, publicAuthority, StringComparison.OrdinalIgnoreCase));
}
