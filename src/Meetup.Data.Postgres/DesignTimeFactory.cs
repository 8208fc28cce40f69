using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Meetup.Data.Postgres;

/// <summary>Lets <c>dotnet ef migrations add … --project src/Meetup.Data.Postgres</c> build the model for PostgreSQL (no server needed).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MeetupDb>
{
    public MeetupDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MeetupDb>();
        options.UseMeetupDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=meetup_design");
        return new MeetupDb(options.Options);
    }
}
