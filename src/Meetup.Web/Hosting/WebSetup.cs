using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Meetup.Web.Components.Shared;
using Meetup.Web.Features.Languages;
using Meetup.Web.Features.Shared;
using MudBlazor;
using MudBlazor.Services;

namespace Meetup.Web.Hosting;

internal static class WebSetup
{
    public static void AddMeetupWeb(this WebApplicationBuilder builder)
    {
        // Serve package assets (MudBlazor, blazor.web.js) from a build in every environment, not only
        // Development; a published app has them in wwwroot and this is a no-op there.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        // MudBlazor's own texts (pager, pickers, close buttons) follow the page's language through our resources.
        services.AddTransient<MudLocalizer, MudTexts>();
        // Pages go out as UTF-8 text: every script stays characters (a Japanese page is not several times heavier as
        // numeric references); markup characters are escaped as before.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // The page's language: the switch's cookie, else Accept-Language (any zh* is zh-Hans), else English.
            var cultures = AppLanguages.Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(AppLanguages.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            var header = o.RequestCultureProviders.OfType<AcceptLanguageHeaderRequestCultureProvider>().Single();
            o.RequestCultureProviders[o.RequestCultureProviders.IndexOf(header)] = new ChineseAcceptLanguage { Options = o };
        });
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
    }
}
