using System.Net;
using Meetup.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Hosting;

/// <summary>Security headers on every kind of answer, and cookies that are Secure under HTTPS.</summary>
public class SecurityHeadersTests
{
    [Fact]
    public async Task Pages_api_answers_personal_data_files_and_404s_all_carry_the_security_headers()
    {
        await using var app = await StartAsync("Sqlite");
        using var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 5, DateTimeOffset.UtcNow.AddDays(10));
        var rsvp = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "Gao Lin", "gao@example.com"));
        var anonymous = app.Client();

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["page"] = await anonymous.GetAsync("/"),
            ["api"] = await admin.GetAsync("/api/events"),
            ["my-data.json"] = await anonymous.GetAsync($"/rsvp/{rsvp.ManageToken}/my-data.json"),
            ["page 404"] = await anonymous.GetAsync("/no-such-page"),
            ["api 404"] = await anonymous.GetAsync("/api/no-such-thing"),
        };

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            answers.Values.Select(r => r.StatusCode));
        foreach (var (what, response) in answers)
        {
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", $"{what}: nosniff");
            Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() is "same-origin" or "no-referrer", $"{what}: Referrer-Policy");
            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{what}: no Content-Security-Policy");
            var scriptSrc = Directive(csp!.Single(), "script-src");
            Assert.True(scriptSrc is not null, $"{what}: no script-src");
            Assert.Contains("'self'", scriptSrc);
            Assert.DoesNotContain("'unsafe-inline'", scriptSrc);
            Assert.DoesNotContain("'unsafe-eval'", scriptSrc);
            Assert.Equal("'none'", Directive(csp!.Single(), "object-src"));
        }
    }

    [Fact]
    public async Task The_page_nonce_is_new_for_each_answer_and_lets_only_the_import_map_run()
    {
        await using var app = await StartAsync("Sqlite");
        var client = app.Client();

        var first = await client.GetAsync("/");
        var second = await client.GetAsync("/");

        var nonce = Nonce(first);
        Assert.NotEqual(nonce, Nonce(second));
        // Razor encodes a base64 '+' in the attribute as &#x2B;, which the browser reads back as '+'.
        var html = System.Net.WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Antiforgery_and_sign_in_cookies_are_secure_under_https()
    {
        await using var app = await StartAsync("Sqlite");
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
        });

        var login = await client.GetAsync("/account/login");
        var antiforgery = SetCookie(login, ".AspNetCore.Antiforgery.");
        Assert.Contains("secure", Attributes(antiforgery));

        var signIn = await FormPost.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = MeetupAppFactory.AdminEmail,
            ["Input.Password"] = MeetupAppFactory.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = SetCookie(signIn, "meetup.auth=");
        Assert.Contains("secure", Attributes(auth));
        Assert.Contains("httponly", Attributes(auth));
    }

    private static string? Directive(string csp, string name)
        => csp.Split(';', StringSplitOptions.TrimEntries)
            .Where(d => d.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(d => d[(name.Length + 1)..])
            .SingleOrDefault();

    private static string Nonce(HttpResponseMessage response)
    {
        var scriptSrc = Directive(response.Headers.GetValues("Content-Security-Policy").Single(), "script-src")!;
        var nonce = scriptSrc.Split(' ').Single(s => s.StartsWith("'nonce-", StringComparison.Ordinal));
        return nonce["'nonce-".Length..^1];
    }

    private static string SetCookie(HttpResponseMessage response, string prefix)
        => Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(prefix, StringComparison.Ordinal));

    private static string[] Attributes(string setCookie)
        => setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.Split('=')[0].ToLowerInvariant()).ToArray();
}
