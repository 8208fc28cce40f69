using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meetup.Data.Entities;
using Meetup.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Tests.Features.Auth;

/// <summary>
/// Nobody learns which emails have an account: an unknown email gets the same answer as a wrong password, after the
/// same work (one password hash check with the app's hasher), so it takes as long.
/// </summary>
public partial class UnknownEmailTests
{
    [Fact]
    public async Task The_token_endpoint_answers_an_unknown_email_exactly_like_a_wrong_password()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var unknown = await app.Client().PostAsJsonAsync("/api/auth/token", new { email = "nobody@test.example", password = "not-the-password" });
        var wrong = await app.Client().PostAsJsonAsync("/api/auth/token", new { email = MeetupAppFactory.AdminEmail, password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Equal(wrong.Content.Headers.ContentType?.ToString(), unknown.Content.Headers.ContentType?.ToString());
        Assert.Equal(await WithoutTraceIdAsync(wrong), await WithoutTraceIdAsync(unknown));
    }

    [Fact]
    public async Task The_login_form_answers_an_unknown_email_exactly_like_a_wrong_password()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var unknown = await LoginAsync(app.Client(), "nobody@test.example", "not-the-password");
        var wrong = await LoginAsync(app.Client(), MeetupAppFactory.AdminEmail, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Equal("The email or password is wrong.", await Hosting.ClientAddresses.LoginErrorAsync(unknown));
        Assert.Equal(await WithoutTokensAsync(wrong), await WithoutTokensAsync(unknown));
    }

    [Fact]
    public async Task An_unknown_email_costs_one_password_hash_check_like_a_wrong_password_at_both_doors()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var hasher = new CountingHasher();
        await using var counted = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<OrganizerUser>>(hasher)));
        var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var counts = new List<int>();
        foreach (var email in new[] { "nobody@test.example", MeetupAppFactory.AdminEmail })
        {
            hasher.Verifications = 0;
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/token", new { email, password = "not-the-password" })).StatusCode);
            counts.Add(hasher.Verifications);

            hasher.Verifications = 0;
            Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, email, "not-the-password")).StatusCode);
            counts.Add(hasher.Verifications);
        }

        Assert.Equal([1, 1, 1, 1], counts);
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password)
        => FormPost.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return string.Join('\n', problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
    }

    private static async Task<string> WithoutTokensAsync(HttpResponseMessage response)
        => Tokens().Replace(await response.Content.ReadAsStringAsync(), "…");

    // Field values (the email typed), the antiforgery token, the per-answer CSP nonce and Blazor's encrypted per-request state.
    [GeneratedRegex("value=\"[^\"]*\"|nonce=\"[^\"]*\"|<!--Blazor[^>]*-->")]
    private static partial Regex Tokens();

    /// <summary>The real hasher (same cost), counting verifications.</summary>
    private sealed class CountingHasher : IPasswordHasher<OrganizerUser>
    {
        private readonly PasswordHasher<OrganizerUser> _inner = new();
        private int _verifications;

        public int Verifications
        {
            get => Volatile.Read(ref _verifications);
            set => Volatile.Write(ref _verifications, value);
        }

        public string HashPassword(OrganizerUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(OrganizerUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
