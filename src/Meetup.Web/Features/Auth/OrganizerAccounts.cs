using Meetup.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Auth;

public sealed record NewAccount(string DisplayName, string Email, string Password, string Role);

public sealed record AccountRow(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles);

/// <summary>
/// Organizer-side accounts (Admin, Organizer, DoorHelper). Scoped: interactive pages create a
/// scope per operation, so Identity's stores never outlive one operation.
/// </summary>
public sealed class OrganizerAccounts(UserManager<OrganizerUser> users, TimeProvider time)
{
    public Task<bool> AnyAsync() => users.Users.AnyAsync();

    public async Task<IdentityResult> CreateAsync(NewAccount account)
    {
        if (!Roles.All.Contains(account.Role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "Role", Description = $"Unknown role '{account.Role}'." });
        }
        var email = account.Email.Trim();
        var user = new OrganizerUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(account.DisplayName) ? email : account.DisplayName.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            return created;
        }
        var added = await users.AddToRoleAsync(user, account.Role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user); // nothing half-written
        }
        return added;
    }

    public async Task<IReadOnlyList<AccountRow>> ListAsync()
    {
        var list = await users.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync();
        var rows = new List<AccountRow>(list.Count);
        foreach (var u in list)
        {
            var roles = await users.GetRolesAsync(u);
            rows.Add(new AccountRow(u.Id, u.DisplayName, u.Email ?? "", [.. roles]));
        }
        return rows;
    }
}
