using Meetup.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Testing;

/// <summary>The whole app on a real database; settings as an operator would give them.</summary>
public sealed class MeetupAppFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.example";
    public const string AdminPassword = "correct-horse-battery";

    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Meetup", Database.ConnectionString);
        builder.UseSetting("Meetup:Admin:Email", AdminEmail);
        builder.UseSetting("Meetup:Admin:Password", AdminPassword);
        builder.UseSetting("Meetup:SeedDemo", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Path.GetTempPath(), "meetup-tests", "logs", "test-.log"));
        builder.UseSetting("Notifications:Directory", Path.Combine(Path.GetTempPath(), "meetup-tests", "outbox"));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        if (time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }
    }

    public MeetupDb CreateDbContext() => Database.CreateContext();
}
