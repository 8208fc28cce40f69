using Meetup.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Meetup.Web.Features.Auth;

internal static class AdminBootstrapper
{
    /// <summary>
    /// Creates the three roles, and, while no account exists, the Admin named by
    /// Meetup:Admin:Email and Meetup:Admin:Password. Without them, /account/setup offers to create one.
    /// </summary>
    public static async Task EnsureRolesAndAdminAsync(IServiceProvider services, IConfiguration config, ILogger logger)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var email = config["Meetup:Admin:Email"];
        var password = config["Meetup:Admin:Password"];
        var accounts = services.GetRequiredService<OrganizerAccounts>();
        if (await accounts.AnyAsync())
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            logger.LogWarning("No organizer account exists yet: open /admin to create the first one " +
                "(or set Meetup:Admin:Email and Meetup:Admin:Password)");
            return;
        }

        var result = await accounts.CreateAsync(new NewAccount("Admin", email, password, Roles.Admin));
        if (result.Succeeded)
        {
            logger.LogInformation("Created the bootstrap Admin account {Email}", email);
        }
        else
        {
            logger.LogError("Could not create the bootstrap Admin {Email}: {Errors}", email,
                string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
