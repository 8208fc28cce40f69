using Meetup.Data;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Hosting;

internal static class DatabaseSetup
{
    public static void AddMeetupDatabase(this WebApplicationBuilder builder)
    {
        var provider = DatabaseProviderOptions.Parse(builder.Configuration["Database:Provider"]);
        var connectionString = builder.Configuration.GetConnectionString("Meetup");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DatabaseProviderOptions.DefaultSqliteConnectionString
                : throw new InvalidOperationException("ConnectionStrings:Meetup is required when Database:Provider is Postgres.");
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            DatabaseProviderOptions.EnsureSqliteDirectory(connectionString);
        }

        // The factory serves interactive components (one context per operation); it also registers
        // a scoped MeetupDb for request-scoped code such as Identity's stores and API endpoints.
        builder.Services.AddDbContextFactory<MeetupDb>(o => o.UseMeetupDatabase(provider, connectionString));
        // A real query, not just "can open": a file that is not a database must report unhealthy.
        builder.Services.AddHealthChecks().AddDbContextCheck<MeetupDb>("database",
            customTestQuery: async (db, ct) => { await db.Events.AnyAsync(ct); return true; });
    }
}
