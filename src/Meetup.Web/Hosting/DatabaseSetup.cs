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

        // The factory serves interactive components and services (one context per operation). It pools
        // contexts: every RSVP opens two, and building a context's internal services each time was a
        // measurable share of the request (rsvp benchmark). A scoped MeetupDb, leased from the same
        // pool, serves request-scoped code such as Identity's stores.
        builder.Services.AddPooledDbContextFactory<MeetupDb>(o => o.UseMeetupDatabase(provider, connectionString));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<MeetupDb>>().CreateDbContext());
        // A real query, not just "can open": a file that is not a database must report unhealthy.
        builder.Services.AddHealthChecks().AddDbContextCheck<MeetupDb>("database",
            customTestQuery: async (db, ct) => { await db.Events.AnyAsync(ct); return true; });
    }
}
