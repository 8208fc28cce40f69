using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Meetup.Data.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add … --project src/Meetup.Data.Sqlite</c> build the model for SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MeetupDb>
{
    public MeetupDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MeetupDb>();
        options.UseMeetupDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new MeetupDb(options.Options);
    }
}
