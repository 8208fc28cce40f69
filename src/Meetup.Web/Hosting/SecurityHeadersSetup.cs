namespace Meetup.Web.Hosting;

/// <summary>
/// Headers on every answer — pages, API, files, errors (NetEscapades.AspNetCore.SecurityHeaders sets them as the
/// response starts, so error pages and re-executed 404s carry them too). The Content-Security-Policy runs only our
/// own script files plus the import map with this response's nonce: a slip in rendering organizer text still runs
/// nothing. Styles allow inline (MudBlazor writes style attributes and its theme as a style element). No
/// form-action: the online Join form redirects to the session's video link on another site.
/// </summary>
internal static class SecurityHeadersSetup
{
    public static void UseMeetupSecurityHeaders(this WebApplication app)
    {
        var policies = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            // Manage links carry their token in the path: never send a URL of ours to another site.
            .AddReferrerPolicySameOrigin()
            .AddFrameOptionsDeny()
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().WithNonce();
                csp.AddStyleSrc().Self().UnsafeInline();
                // Descriptions may show images from other https sites; never anything that runs.
                csp.AddImgSrc().Self().Data().OverHttps();
                csp.AddFontSrc().Self().Data();
                // 'self' covers the Blazor circuit's WebSocket on this host.
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddFrameSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFrameAncestors().None();
            });
        app.UseSecurityHeaders(policies);
    }
}
