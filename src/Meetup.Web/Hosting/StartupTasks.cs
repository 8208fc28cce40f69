using Meetup.Data;
using Meetup.Web.Features.Auth;
using Meetup.Web.Features.Demo;

namespace Meetup.Web.Hosting;

internal static class StartupTasks
{
    /// <summary>Migrations, the bootstrap admin and (when asked) the demo community, before serving a request.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var config = app.Configuration;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Meetup.Startup");
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
}
