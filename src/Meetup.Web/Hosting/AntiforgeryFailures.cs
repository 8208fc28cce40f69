using System.Text.Encodings.Web;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Hosting;

/// <summary>
/// A form post to a minimal API endpoint (sign out, join) without a valid antiforgery token: ASP.NET Core throws
/// while binding the form, which would be a 500. Answer 400 first, as component pages do themselves.
/// </summary>
internal static class AntiforgeryFailures
{
    public static void UseAntiforgeryFailures(this WebApplication app) => app.Use(async (http, next) =>
    {
        var endpoint = http.GetEndpoint();
        if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false }
            || endpoint?.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: true }
            || endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            await next(http);
            return;
        }
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
        var message = l["This form has expired or did not come from this site. Go back, reload the page and try again."];
        if (Pipeline.IsApi(http))
        {
            await ApiResults.BadRequest(message).ExecuteAsync(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/html; charset=utf-8";
        var e = HtmlEncoder.Default;
        await http.Response.WriteAsync($"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{e.Encode(l["Please try again"])}</title><link rel="stylesheet" href="/app.css"></head>
            <body><main class="public-main"><div class="narrow-page"><h1 class="page-title">{e.Encode(l["Please try again"])}</h1>
            <p>{e.Encode(message)}</p><p><a class="btn btn-primary" href="/">{e.Encode(l["Back to the public pages"])}</a></p></div></main></body></html>
            """);
    });
}
