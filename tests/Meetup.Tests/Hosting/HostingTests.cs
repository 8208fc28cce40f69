using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
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
    public async Task Every_stylesheet_and_script_a_page_loads_is_served_compressed()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = app.Client();
        var html = await client.GetStringAsync("/account/login");

        // MudBlazor's fingerprinted names were served uncompressed (its CSS is 627 KB; 42 KB with Brotli).
        var assets = Regex.Matches(html, "<(?:link rel=\"stylesheet\" href|script src)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(assets, a => a.Contains("MudBlazor.min.css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("blazor.web", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/" + asset);
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Content.Headers.ContentEncoding.Count > 0, $"{asset} is served uncompressed");
        }
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
