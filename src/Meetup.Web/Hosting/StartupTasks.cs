using Meetup.Data;
using Meetup.Web.Features.Auth;
using Meetup.Web.Features.Demo;
using Meetup.Web.Features.Shared.Links;
namespace Meetup.Web.Hosting;

internal static class StartupTasks
{
    /// <summary>
    /// Migrations, the bootstrap admin and (when asked) the demo community, before serving a request; and a word on
    /// where links will point.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var config = app.Configuration;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Meetup.Startup");
        TellWhereLinksPoint(app, logger);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;

        if (config.GetValue("Database:MigrateOnStartup", true))
        {
            await DatabaseMigrator.MigrateAsync(services.GetRequiredService<MeetupDb>(), logger);
        }

        await AdminBootstrapper.EnsureRolesAndAdminAsync(services, config, logger);

        if (config.GetValue("Meetup:SeedDemo", false))
        {
            await DemoSeeder.SeedAsync(services.GetRequiredService<MeetupDb>(), services.GetRequiredService<TimeProvider>(), logger);
        }
    }

    /// <summary>Without Meetup:PublicBaseUrl or a host in AllowedHosts, links point at this machine (<see cref="PublicBase"/>).</summary>
    private static void TellWhereLinksPoint(WebApplication app, ILogger logger)
    {
        var links = app.Services.GetRequiredService<PublicBase>();
        if (links.Configured is not null || links.AllowedHosts.Count > 0)
        {
            return;
        }
        logger.Log(app.Environment.IsDevelopment() ? LogLevel.Information : LogLevel.Warning,
            "Meetup:PublicBaseUrl is not set and AllowedHosts names no host, so links in emails, API answers and calendar files "
            + "point at the address this server listens on (localhost), which nobody else can open. Set Meetup:PublicBaseUrl to "
            + "the public address (e.g. https://meetup.example.org); links are never built on the Host a request claims.");
    }
}
