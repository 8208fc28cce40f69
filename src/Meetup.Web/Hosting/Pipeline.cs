using Meetup.Web.Components;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.PageCache;
using Serilog;

namespace Meetup.Web.Hosting;

internal static class Pipeline
{
    public static void UseMeetupPipeline(this WebApplication app)
    {
        // First: everything after it (logs, rate limits, links) sees the client's address and scheme.
        app.UseMeetupForwardedHeaders();
        // Before anything can answer, so that every response (errors and 404s too) carries the headers.
        app.UseMeetupSecurityHeaders();
        // API callers get problem details (no stack trace outside Development); pages get a friendly page.
        app.UseWhen(IsApi, api => api.UseExceptionHandler(ErrorOptions(path: null)));
        app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseExceptionHandler(ErrorOptions("/error")));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSerilogRequestLogging();
        app.UseBlazorHubOriginCheck();
        app.UseRequestTextChecks();
        app.UseWhen(IsApi, api => api.UseStatusCodePages(status => ApiResults.Status(status.HttpContext.Response.StatusCode).ExecuteAsync(status.HttpContext)));
        app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status-code pages, so a re-executed /not-found finds its endpoint.
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseAuthentication();
        // After authentication: the public pages' read limit (PageReadLimit) lets signed-in organizers through.
        app.UseRateLimiter();
        // Holding its read turn, a shared page read lets the RSVPs being written go first (briefly).
        app.UseWritesFirst();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseAntiforgeryFailures();
        // Last: it knows the page, the visitor and the language, and shares a public page's render for a second.
        app.UseMiddleware<PageCacheMiddleware>();
    }

    public static void MapMeetupEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapOpenApi();
        app.MapFeatureEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    private static ExceptionHandlerOptions ErrorOptions(string? path) => new()
    {
        ExceptionHandlingPath = path,
        CreateScopeForErrors = path is not null,
        StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
    };

    internal static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
