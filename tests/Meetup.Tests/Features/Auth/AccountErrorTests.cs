using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Tests.Features.Auth;

/// <summary>Identity's refusals reach organizers in the app's own words (and through its localizer).</summary>
public class AccountErrorTests
{
    [Fact]
    public async Task A_second_account_with_the_same_email_or_a_short_password_is_refused_in_plain_words()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        using var scope = app.Factory.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<OrganizerAccounts>();

        var duplicate = await accounts.CreateAsync(new NewAccount("Again", MeetupAppFactory.AdminEmail, "long-enough-password", Roles.Organizer));
        var weak = await accounts.CreateAsync(new NewAccount("Weak", "weak@test.example", "short", Roles.Organizer));

        Assert.Equal([$"An account with the email {MeetupAppFactory.AdminEmail} already exists."], duplicate.Errors.Select(e => e.Description).Distinct());
        Assert.Equal(["Use at least 10 characters for the password."], weak.Errors.Select(e => e.Description));
    }
}
