using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.Import;

/// <summary>What the import and retention tests share: the example's clock, events, and the history endpoints.</summary>
internal static class HistoryApi
{
    /// <summary>The "now" of tests/Meetup.Tests/TestData/retention-example.</summary>
    public static readonly DateTimeOffset ExampleNow = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public static string ExampleFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "retention-example", name);

    /// <summary>A platform's export kept as it downloads (TestData/platform-exports, see its README).</summary>
    public static byte[] PlatformFile(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "platform-exports", name));

    /// <summary>POST /api/events/{id}/import with the bytes of a file as downloaded.</summary>
    public static Task<HttpResponseMessage> ImportFileAsync(HttpClient client, int eventId, byte[] file, string query = "", string contentType = "text/csv")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync($"/api/events/{eventId}/import{query}", content);
    }

    public static string ExampleCsv() => File.ReadAllText(ExampleFile("attendance.csv"), Encoding.UTF8);

    public static JsonNode ExpectedReport() => JsonNode.Parse(File.ReadAllText(ExampleFile("expected.json")))!;

    public static Task<TestApp> StartAsync(string provider) => TestApp.StartAsync(provider, time: new FakeTimeProvider(ExampleNow));

    public static async Task<int> CreateEventAsync(TestApp app, string slug = "study-group", string timeZone = "Asia/Tokyo")
    {
        await using var db = app.Factory.CreateDbContext();
        var created = new Event { Name = slug, Slug = slug, TimeZone = timeZone, CreatedAt = ExampleNow.UtcDateTime, UpdatedAt = ExampleNow.UtcDateTime };
        db.Events.Add(created);
        await db.SaveChangesAsync();
        return created.Id;
    }

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, int eventId, string csv)
    {
        var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return client.PostAsync($"/api/events/{eventId}/import", content);
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response)
        => JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty body.");

    public static async Task<HttpClient> DoorHelperClientAsync(TestApp app)
    {
        using (var scope = app.Factory.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<OrganizerAccounts>()
                .CreateAsync(new NewAccount("Door", "door@test.example", "door-helper-pass", Roles.DoorHelper));
            Assert.True(created.Succeeded);
        }
        return await app.ApiClientAsync("door@test.example", "door-helper-pass");
    }

    /// <summary>A copy without the database ids, which differ between two imports of the same history.</summary>
    public static JsonNode WithoutIds(JsonNode node)
    {
        var copy = node.DeepClone();
        Strip(copy);
        return copy;

        static void Strip(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    o.Remove("sessionId");
                    o.Remove("attendeeId");
                    foreach (var (_, child) in o)
                    {
                        Strip(child);
                    }
                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Strip(child);
                    }
                    break;
            }
        }
    }
}
