using System.Net;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Tests.Features.Auth;

public class LoginPageTests
{
    [Fact]
    public async Task Anonymous_admin_is_redirected_to_the_login_page()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var response = await app.Client().GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_on_the_login_page()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var response = await FormPost.SubmitAsync(app.Client(), "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = MeetupAppFactory.AdminEmail,
            ["Input.Password"] = "wrong-password",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is wrong.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("meetup.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_right_password_signs_in_and_opens_the_back_office()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = app.Client();

        var response = await FormPost.SubmitAsync(client, "/account/login?returnUrl=%2Fadmin", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = MeetupAppFactory.AdminEmail,
            ["Input.Password"] = MeetupAppFactory.AdminPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.AbsolutePath);
        var cookies = FormPost.Cookies(response);
        Assert.Contains("meetup.auth=", cookies, StringComparison.Ordinal);

        using var admin = new HttpRequestMessage(HttpMethod.Get, "/admin");
        admin.Headers.Add("Cookie", cookies);
        var page = await client.SendAsync(admin);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Your events", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_five_failures_the_login_page_asks_that_address_to_wait_even_with_the_right_password()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            await FormPost.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
            {
                ["Input.Email"] = MeetupAppFactory.AdminEmail,
                ["Input.Password"] = $"wrong-{i}",
            });
        }

        var response = await FormPost.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = MeetupAppFactory.AdminEmail,
            ["Input.Password"] = MeetupAppFactory.AdminPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Too many failed sign-ins", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("meetup.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_external_return_url_is_ignored()
    {
        await using var app = await TestApp.StartAsync("Sqlite");

        var response = await FormPost.SubmitAsync(app.Client(), "/account/login?returnUrl=https%3A%2F%2Fevil.example", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = MeetupAppFactory.AdminEmail,
            ["Input.Password"] = MeetupAppFactory.AdminPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(!location.IsAbsoluteUri || location.Host == "localhost", $"Redirected off-site to {location}");
        Assert.Equal("/admin", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
    }

    [Theory]
    [InlineData(null, "/admin/checkin")]
    [InlineData("/admin", "/admin/checkin")]
    [InlineData("/admin/events/1", "/admin/checkin")]
    [InlineData("/admin/sessions/7/checkin", "/admin/sessions/7/checkin")]
    [InlineData("/events/kubernetes", "/events/kubernetes")]
    public async Task A_door_helper_signing_in_lands_on_a_page_they_may_open(string? returnUrl, string landing)
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        using (var scope = app.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrganizerAccounts>()
                .CreateAsync(new NewAccount("Door", "door@test.example", "door-helper-pass", Roles.DoorHelper));
        }
        var url = returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";

        var response = await FormPost.SubmitAsync(app.Client(), url, "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "door@test.example",
            ["Input.Password"] = "door-helper-pass",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(landing, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }
}
