using Serilog;

namespace Meetup.Web.Hosting;

internal static class LoggingSetup
{
    /// <summary>Serilog from the "Serilog" configuration section: console + rolling file under data/logs.</summary>
    public static void AddMeetupLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
    }
}
