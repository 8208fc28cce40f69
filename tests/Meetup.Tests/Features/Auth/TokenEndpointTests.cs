using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Tests.Features.Auth;

public class TokenEndpointTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_bootstrap_admin_gets_a_token_that_opens_the_api(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Client();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = MeetupAppFactory.AdminEmail, password = MeetupAppFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("token").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.True(body.RootElement.GetProperty("expiresAt").GetDateTime() > DateTime.UtcNow);

        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var events = await client.GetAsync("/api/events");
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(await events.Content.ReadAsStringAsync()).RootElement.ValueKind);
    }

    [Fact]
    public async Task A_wrong_password_gets_401_problem_details()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var response = await app.Client().PostAsJsonAsync("/api/auth/token", new { email = MeetupAppFactory.AdminEmail, password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("Invalid email or password", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_401_as_a_wrong_password()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var response = await app.Client().PostAsJsonAsync("/api/auth/token", new { email = "nobody@test.example", password = "whatever-long" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Invalid email or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_fields_get_a_validation_problem_naming_them()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var response = await app.Client().PostAsJsonAsync("/api/auth/token", new { email = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_details_not_500()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var response = await app.Client().PostAsync("/api/auth/token", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Five_failed_attempts_from_one_address_make_it_wait_even_with_the_right_password()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/auth/token", new { email = MeetupAppFactory.AdminEmail, password = $"wrong-{i}-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/auth/token", new { email = MeetupAppFactory.AdminEmail, password = MeetupAppFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal("application/problem+json", right.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(right.Headers.RetryAfter?.Delta);
        Assert.Contains("Try again in", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_api_calls_get_401_problem_details()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var response = await app.Client().GetAsync("/api/events");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_forged_token_gets_401()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8-forged-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/events")).StatusCode);
    }

    [Fact]
    public async Task A_door_helper_token_does_not_reach_the_organizer_api()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        using (var scope = app.Factory.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<OrganizerAccounts>()
                .CreateAsync(new NewAccount("Door", "door@test.example", "door-helper-pass", Roles.DoorHelper));
            Assert.True(created.Succeeded);
        }

        var client = await app.ApiClientAsync("door@test.example", "door-helper-pass");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/events")).StatusCode);
    }
}
