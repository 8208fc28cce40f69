using Meetup.Web.Features.Auth;
using Meetup.Web.Features.Shared;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Meetup.Web.Features.Languages;

/// <summary>The language switch's form post (docs/i18n.md): remembers the choice in the culture cookie.</summary>
internal static class LanguageEndpoints
{
    public const string Path = "/language";

    public static void MapLanguageEndpoints(this WebApplication app)
    {
        // A plain form post (antiforgery enforced because of [FromForm]): works without JavaScript. An unknown
        // language changes nothing and goes back; the return path must be on this site.
        app.MapPost(Path, (HttpContext http, [FromForm] string? culture, [FromForm] string? returnUrl) =>
            {
                var chosen = AppLanguages.All.FirstOrDefault(l => l.Culture == culture);
                if (chosen is not null)
                {
                    http.Response.Cookies.Append(
                        CookieRequestCultureProvider.DefaultCookieName,
                        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen.Culture)),
                        new CookieOptions
                        {
                            Expires = DateTimeOffset.UtcNow.AddYears(1),
                            IsEssential = true,
                            HttpOnly = true,
                            SameSite = SameSiteMode.Lax,
                            Secure = http.Request.IsHttps,
                        });
                }

                return TypedResults.LocalRedirect(ReturnUrls.IsLocalUrl(returnUrl) ? returnUrl! : "/");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
