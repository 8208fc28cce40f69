using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meetup.Testing;
using static Meetup.Tests.Hosting.ClientAddresses;

namespace Meetup.Tests.Features.Auth;

/// <summary>
/// Failed sign-ins slow down one (account, client address) pair, never the account: an attacker's guesses from one
/// address cannot keep the organizer out from another. Both doors (token endpoint, login form) count alike, and an
/// unknown account is throttled exactly like a known one, so the throttle reveals no one.
/// </summary>
public partial class SignInThrottleTests
{
    private const string Attacker = "203.0.113.66";
    private const string Organizer = "198.51.100.7";

    // The per-address cap across accounts (RateLimiting:Token) is tested elsewhere; here it must not get in the way.
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["ForwardedHeaders:Enabled"] = "true",
        ["RateLimiting:Token:PermitLimit"] = "1000",
    };

    [Theory]
    [InlineData("token")]
    [InlineData("form")]
    public async Task Twenty_wrong_passwords_from_one_address_throttle_it_while_the_organizer_signs_in_from_another(string door)
    {
        await using var app = await KestrelApp.StartAsync(settings: Settings);

        var answers = new List<Answer>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await SignInAsync(app, door, Attacker, MeetupAppFactory.AdminEmail, $"guess-{i}-password"));
        }
        var rightFromAttacker = await SignInAsync(app, door, Attacker, MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword);
        var rightFromOrganizer = await SignInAsync(app, door, Organizer, MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword);

        Assert.All(answers.Take(5), a => Assert.Equal(Outcome.Wrong, a.Outcome));
        Assert.All(answers.Skip(5), a => Assert.Equal(Outcome.Throttled, a.Outcome));
        Assert.Equal(Outcome.Throttled, rightFromAttacker.Outcome);
        Assert.Equal(Outcome.SignedIn, rightFromOrganizer.Outcome);
    }

    [Fact]
    public async Task Failures_at_either_door_throttle_both()
    {
        await using var app = await KestrelApp.StartAsync(settings: Settings);
        for (var i = 0; i < 5; i++)
        {
            var door = i % 2 == 0 ? "token" : "form";
            Assert.Equal(Outcome.Wrong, (await SignInAsync(app, door, Attacker, MeetupAppFactory.AdminEmail, $"guess-{i}-password")).Outcome);
        }

        var token = await SignInAsync(app, "token", Attacker, MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword);
        var form = await SignInAsync(app, "form", Attacker, MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword);

        Assert.Equal((Outcome.Throttled, Outcome.Throttled), (token.Outcome, form.Outcome));
        Assert.Matches("^Too many failed sign-ins", token.Text);
        Assert.Matches("^Too many failed sign-ins", form.Text);
        Assert.NotNull(token.RetryAfter);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("form")]
    public async Task An_unknown_account_is_throttled_exactly_like_a_known_one(string door)
    {
        await using var app = await KestrelApp.StartAsync(settings: Settings);

        var known = new List<Answer>();
        var unknown = new List<Answer>();
        for (var i = 0; i < 8; i++)
        {
            known.Add(await SignInAsync(app, door, Attacker, MeetupAppFactory.AdminEmail, $"guess-{i}-password"));
            unknown.Add(await SignInAsync(app, door, Organizer, "nobody@test.example", $"guess-{i}-password"));
        }

        Assert.Contains(known, a => a.Outcome == Outcome.Throttled);
        Assert.Equal(known.Select(a => a.WithoutNumbers()), unknown.Select(a => a.WithoutNumbers()));
    }

    [Fact]
    public async Task Another_account_from_the_throttled_address_is_not_throttled()
    {
        await using var app = await KestrelApp.StartAsync(settings: Settings);
        for (var i = 0; i < 6; i++)
        {
            await SignInAsync(app, "token", Attacker, "nobody@test.example", $"guess-{i}-password");
        }

        Assert.Equal(Outcome.SignedIn, (await SignInAsync(app, "token", Attacker, MeetupAppFactory.AdminEmail, MeetupAppFactory.AdminPassword)).Outcome);
    }

    private static async Task<Answer> SignInAsync(KestrelApp app, string door, string address, string email, string password)
    {
        if (door == "token")
        {
            var response = await PostJsonAsync(app, address, "/api/auth/token", new { email, password });
            var body = await response.Content.ReadAsStringAsync();
            var outcome = response.StatusCode switch
            {
                HttpStatusCode.OK => Outcome.SignedIn,
                HttpStatusCode.Unauthorized => Outcome.Wrong,
                HttpStatusCode.TooManyRequests => Outcome.Throttled,
                _ => throw new InvalidOperationException($"Unexpected {(int)response.StatusCode}: {body}"),
            };
            var detail = outcome == Outcome.SignedIn ? null : JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
            return new Answer(outcome, (int)response.StatusCode, detail, response.Headers.RetryAfter?.Delta);
        }
        var page = await PostFormAsync(app, address, "/account/login", "/account/login", "login", Login(email, password));
        if (page.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("meetup.auth=", FormPost.Cookies(page), StringComparison.Ordinal);
            return new Answer(Outcome.SignedIn, 302, null, null);
        }
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var error = await LoginErrorAsync(page) ?? throw new InvalidOperationException("The login page shows no error.");
        return new Answer(error.StartsWith("Too many", StringComparison.Ordinal) ? Outcome.Throttled : Outcome.Wrong, 200, error, null);
    }

    private enum Outcome { SignedIn, Wrong, Throttled }

    private sealed partial record Answer(Outcome Outcome, int Status, string? Text, TimeSpan? RetryAfter)
    {
        // The wait in seconds may tick between two otherwise identical answers.
        public string WithoutNumbers() => $"{Outcome} {Status} {Digits().Replace(Text ?? "", "#")} {RetryAfter is not null}";

        [GeneratedRegex("[0-9]+")]
        private static partial Regex Digits();
    }
}
