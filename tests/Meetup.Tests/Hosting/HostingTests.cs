using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meetup.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Tests.Hosting;

public class HostingTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Health_answers_200_when_the_database_answers(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var response = await app.Client().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_stops_answering()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // Replace the database file by something that is not a database.
        var path = new SqliteConnectionStringBuilder(app.Factory.Database.ConnectionString).DataSource;
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
        await File.WriteAllTextAsync(path, new string('x', 4096));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var doc = JsonDocument.Parse(await app.Client().GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/events", out _));
    }

    [Fact]
    public async Task An_unknown_api_route_gets_404_problem_details()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var response = await app.Client().GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_page_gets_a_friendly_404_page()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var response = await app.Client().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This page does not exist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Data_protection_keys_are_kept_in_the_database_for_every_instance(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var token = await app.Client().PostAsJsonAsync("/api/auth/token", new { email = MeetupAppFactory.AdminEmail, password = MeetupAppFactory.AdminPassword });
        token.EnsureSuccessStatusCode();

        await using var db = app.Factory.CreateDbContext();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }
}
