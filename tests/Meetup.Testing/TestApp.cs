using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Meetup.Testing;

/// <summary>Starts the app on a fresh database of the given provider and cleans up after.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(MeetupAppFactory factory) => Factory = factory;

    public MeetupAppFactory Factory { get; }

    public static async Task<TestApp> StartAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var factory = new MeetupAppFactory(database, settings, time);
        _ = factory.Server; // start now: migrations and bootstrap run before the first request
        return new TestApp(factory);
    }

    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> ApiClientAsync(string email = MeetupAppFactory.AdminEmail, string password = MeetupAppFactory.AdminPassword)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Factory.Database.DisposeAsync();
    }

    private sealed record TokenBody(string Token, DateTime ExpiresAt);
}
