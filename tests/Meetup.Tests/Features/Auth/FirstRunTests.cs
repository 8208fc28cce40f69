using System.Net;
using Meetup.Data.Entities;
using Meetup.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Tests.Features.Auth;

public class FirstRunTests
{
    private static readonly Dictionary<string, string?> NoBootstrapAdmin = new()
    {
        ["Meetup:Admin:Email"] = "",
        ["Meetup:Admin:Password"] = "",
    };

    [Fact]
    public async Task Without_any_account_the_login_page_leads_to_the_first_organizer_setup()
    {
        await using var app = await TestApp.StartAsync("Sqlite", NoBootstrapAdmin);

        var response = await app.Client().GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/setup", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_first_organizer_becomes_admin_and_the_setup_page_closes()
    {
        await using var app = await TestApp.StartAsync("Sqlite", NoBootstrapAdmin);
        var client = app.Client();

        var response = await FormPost.SubmitAsync(client, "/account/setup", "setup", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Li Wei",
            ["Input.Email"] = "li@test.example",
            ["Input.Password"] = "a-long-password",
            ["Input.ConfirmPassword"] = "a-long-password",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.AbsolutePath);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OrganizerUser>>();
            var user = await users.FindByEmailAsync("li@test.example");
            Assert.NotNull(user);
            Assert.True(await users.IsInRoleAsync(user, Roles.Admin));
        }
        var again = await client.GetAsync("/account/setup");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/account/login", again.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Setup_with_mismatched_passwords_shows_the_field_error_and_creates_nobody()
    {
        await using var app = await TestApp.StartAsync("Sqlite", NoBootstrapAdmin);

        var response = await FormPost.SubmitAsync(app.Client(), "/account/setup", "setup", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Li Wei",
            ["Input.Email"] = "li@test.example",
            ["Input.Password"] = "a-long-password",
            ["Input.ConfirmPassword"] = "another-password",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The passwords do not match.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var scope = app.Factory.Services.CreateScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<UserManager<OrganizerUser>>().Users);
    }
}
