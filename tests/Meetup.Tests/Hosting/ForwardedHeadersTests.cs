using System.Net;
using System.Net.Http.Json;
using Meetup.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Hosting;

/// <summary>
/// Behind a load balancer every request comes from the balancer's address. With ForwardedHeaders:Enabled the app
/// takes the client's address from X-Forwarded-For, but only from proxies it trusts, so rate limits apply per client.
/// </summary>
public class ForwardedHeadersTests
{
    private static readonly Dictionary<string, string?> OneRsvpPerClient = new()
    {
        ["RateLimiting:Rsvp:PermitLimit"] = "1",
        ["RateLimiting:Rsvp:WindowSeconds"] = "600",
    };

    [Theory]
    [InlineData("127.0.0.1")] // listed
    [InlineData(null)] // nothing listed: a proxy on the same machine
    public async Task Behind_a_trusted_proxy_each_client_gets_its_own_rate_limit(string? knownProxy)
    {
        var settings = new Dictionary<string, string?>(OneRsvpPerClient) { ["ForwardedHeaders:Enabled"] = "true" };
        if (knownProxy is not null)
        {
            settings["ForwardedHeaders:KnownProxies:0"] = knownProxy;
        }
        await using var app = await KestrelApp.StartAsync(settings: settings);
        var session = await SessionAsync(app);

        Assert.Equal(HttpStatusCode.Created, await RsvpFromAsync(app, session, "203.0.113.1", "a"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RsvpFromAsync(app, session, "203.0.113.1", "b"));
        Assert.Equal(HttpStatusCode.Created, await RsvpFromAsync(app, session, "203.0.113.2", "c"));
    }

    [Fact]
    public async Task Forwarded_addresses_from_an_untrusted_sender_are_ignored()
    {
        await using var app = await KestrelApp.StartAsync(settings: new Dictionary<string, string?>(OneRsvpPerClient)
        {
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
        });
        var session = await SessionAsync(app);

        Assert.Equal(HttpStatusCode.Created, await RsvpFromAsync(app, session, "203.0.113.1", "a"));
        // The test client (127.0.0.1) is no trusted proxy: a made-up X-Forwarded-For does not buy a fresh limit.
        Assert.Equal(HttpStatusCode.TooManyRequests, await RsvpFromAsync(app, session, "203.0.113.2", "b"));
    }

    [Fact]
    public async Task Without_the_setting_forwarded_addresses_are_ignored()
    {
        await using var app = await KestrelApp.StartAsync(settings: OneRsvpPerClient);
        var session = await SessionAsync(app);

        Assert.Equal(HttpStatusCode.Created, await RsvpFromAsync(app, session, "203.0.113.1", "a"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RsvpFromAsync(app, session, "203.0.113.2", "b"));
    }

    [Fact]
    public async Task A_proxy_setting_that_is_not_an_address_stops_the_start_with_a_clear_message()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await KestrelApp.StartAsync(settings: new Dictionary<string, string?>
            {
                ["ForwardedHeaders:Enabled"] = "true",
                ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0/33",
            });
        });
        Assert.Contains("ForwardedHeaders:KnownNetworks", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);

    private static async Task<int> SessionAsync(KestrelApp app)
    {
        using var admin = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await admin.PostAsJsonAsync("/api/auth/token", new { email = MeetupAppFactory.AdminEmail, password = MeetupAppFactory.AdminPassword }))
            .Content.ReadFromJsonAsync<Token>();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", token!.token);
        return (await PublishedSessionAsync(admin, 50, DateTimeOffset.UtcNow.AddDays(5))).Id;
    }

    private static async Task<HttpStatusCode> RsvpFromAsync(KestrelApp app, int session, string clientAddress, string who)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return (await RsvpAsync(http, session, who, $"{who}@example.com")).StatusCode;
    }

    private sealed record Token(string token);
}
