using System.Net;
using System.Net.Http.Json;
using Meetup.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Hosting;

public class RateLimitTests
{
    [Fact]
    public async Task Too_many_rsvps_from_one_address_get_429_problem_details_with_retry_after()
    {
        await using var app = await TestApp.StartAsync("Sqlite", new Dictionary<string, string?>
        {
            ["RateLimiting:Rsvp:PermitLimit"] = "3",
            ["RateLimiting:Rsvp:WindowSeconds"] = "600",
        });
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 50, DateTimeOffset.UtcNow.AddDays(5));
        var client = app.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await RsvpAsync(client, session.Id, $"P{i}", $"p{i}@example.com")).StatusCode);
        }
        var limited = await RsvpAsync(client, session.Id, "P9", "p9@example.com");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        Assert.Equal(429, (await JsonAsync(limited)).GetProperty("status").GetInt32());
        Assert.True(limited.Headers.RetryAfter is not null);
        // Reading is never limited.
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task The_token_endpoint_is_rate_limited_too_and_limits_can_be_switched_off()
    {
        var limits = new Dictionary<string, string?> { ["RateLimiting:Token:PermitLimit"] = "2" };
        await using var limited = await TestApp.StartAsync("Sqlite", limits);
        await using var open = await TestApp.StartAsync("Sqlite", new Dictionary<string, string?>(limits) { ["RateLimiting:Enabled"] = "false" });

        var attempt = new { email = "nobody@test.example", password = "wrong-password" };
        var a = new List<HttpStatusCode>();
        var b = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            a.Add((await limited.Client().PostAsJsonAsync("/api/auth/token", attempt)).StatusCode);
            b.Add((await open.Client().PostAsJsonAsync("/api/auth/token", attempt)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], a);
        Assert.All(b, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }
}
