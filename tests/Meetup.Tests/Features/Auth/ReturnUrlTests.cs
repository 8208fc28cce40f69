using System.Net;
using System.Text.RegularExpressions;
using Meetup.Testing;

namespace Meetup.Tests.Features.Auth;

/// <summary>Signing out (and in) follows only a local return URL; anything else goes to a fixed page, never to a 500.</summary>
public partial class ReturnUrlTests
{
    [Theory]
    [InlineData("/admin\t")]
    [InlineData("/admin\r\nSet-Cookie: x=1")]
    [InlineData("/\t/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/caf\u00e9")] // not percent-encoded: cannot go into a Location header
    [InlineData("admin")]
    [InlineData("")]
    public async Task Signing_out_with_a_return_url_that_is_not_local_goes_home(string returnUrl)
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var response = await SignOutAsync(app, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("meetup.auth=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_out_with_a_local_return_url_goes_there()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var response = await SignOutAsync(app, "/events/tokyo?tab=past");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/events/tokyo?tab=past", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("%2Fadmin%09")]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("%2Fadmin%0D%0ASet-Cookie%3A%20x%3D1")]
    public async Task Signing_in_with_a_return_url_holding_control_characters_opens_the_back_office(string escapedReturnUrl)
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var response = await FormPost.SubmitAsync(app.Client(), $"/account/login?returnUrl={escapedReturnUrl}", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = MeetupAppFactory.AdminEmail,
            ["Input.Password"] = MeetupAppFactory.AdminPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString);
    }

    /// <summary>Signs in, reads an antiforgery token as the signed-in organizer, posts the sign-out form.</summary>
    private static async Task<HttpResponseMessage> SignOutAsync(TestApp app, string returnUrl)
    {
        var client = app.Client();
        var signedIn = await FormPost.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = MeetupAppFactory.AdminEmail,
            ["Input.Password"] = MeetupAppFactory.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = FormPost.Cookies(signedIn).Split("; ").Single(c => c.StartsWith("meetup.auth=", StringComparison.Ordinal));

        using var get = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        get.Headers.Add("Cookie", auth);
        var page = await client.SendAsync(get);
        var token = TokenPattern().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, "No antiforgery token to sign out with.");

        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["returnUrl"] = returnUrl,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }),
        };
        post.Headers.Add("Cookie", FormPost.Cookies(page, auth));
        return await client.SendAsync(post);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
