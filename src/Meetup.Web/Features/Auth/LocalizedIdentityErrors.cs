using Meetup.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Auth;

/// <summary>
/// Identity's messages in the app's words and through its localizer, like every other UI string. Accounts are
/// email-based, so user-name messages speak of the email address.
/// </summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<Strings> l) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), l["Something went wrong. Please try again."]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), l["Someone else changed this account at the same time. Reload and try again."]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["The current password is wrong."]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), l["This link has expired or was already used."]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["“{0}” cannot be used to sign in.", userName ?? ""]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["“{0}” is not a valid email address.", email ?? ""]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["An account with the email {0} already exists.", userName]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), l["An account with the email {0} already exists.", email]);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), l["This account already has a password."]);

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), l["This account already has the role {0}.", role]);

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), l["This account does not have the role {0}.", role]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["Use at least {0} characters for the password.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), l["Use at least {0} different characters in the password.", uniqueChars]);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), l["The password needs a character that is not a letter or digit."]);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), l["The password needs a digit (0–9)."]);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), l["The password needs a lower-case letter."]);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), l["The password needs an upper-case letter."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
