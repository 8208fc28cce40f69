using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace Meetup.Web.Hosting;

internal static class WebSetup
{
    /// <summary>The UI languages. English now; Japanese and Simplified Chinese resources come next.</summary>
    public static readonly string[] SupportedCultures = ["en"];

    public static void AddMeetupWeb(this WebApplicationBuilder builder)
    {
        // Serve package assets (MudBlazor, blazor.web.js) from a build in every environment, not only
        // Development; a published app has them in wwwroot and this is a no-op there.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        // Pages go out as UTF-8 text: every script stays characters (a Japanese page is not several times heavier as
        // numeric references); markup characters are escaped as before.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
        });
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
    }
}
