using System.Globalization;
using System.Security.Cryptography;
using Meetup.Data.Entities;
using Meetup.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Auth;

public enum SignInStatus
{
    Succeeded,
    Failed,
    Throttled,
}

public sealed record SignInAttempt(SignInStatus Status, OrganizerUser? User = null, TimeSpan RetryAfter = default);

/// <summary>
/// The one password check behind both doors (login form, <c>POST /api/auth/token</c>). An unknown email and a wrong
/// password get the same answer after the same work — one hash verification with the app's hasher — so neither the
/// answer nor its time tells whether an account exists. Failures slow down that account at that client address
/// (<see cref="SignInThrottle"/>); Identity's account lockout is off.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<OrganizerUser> signIn, IPasswordHasher<OrganizerUser> hasher, DummyPasswordHash dummy, SignInThrottle throttle)
{
    public async Task<SignInAttempt> CheckAsync(string email, string password, string client)
    {
        var wait = throttle.WaitFor(email, client);
        if (wait > TimeSpan.Zero)
        {
            return new SignInAttempt(SignInStatus.Throttled, RetryAfter: wait);
        }
        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            hasher.VerifyHashedPassword(dummy.User, dummy.Hash(hasher), password);
            throttle.Failed(email, client);
            return new SignInAttempt(SignInStatus.Failed);
        }
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (!check.Succeeded)
        {
            throttle.Failed(email, client);
            return new SignInAttempt(SignInStatus.Failed);
        }
        throttle.Succeeded(email, client);
        return new SignInAttempt(SignInStatus.Succeeded, user);
    }

    /// <summary>The answer to a throttled attempt, the same at both doors and for known and unknown emails.</summary>
    public static string ThrottledMessage(IStringLocalizer<Strings> l, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        return seconds <= 90
            ? l["Too many failed sign-ins to this account from your network. Try again in {0} seconds.", seconds]
            : l["Too many failed sign-ins to this account from your network. Try again in {0} minutes.", (seconds + 59) / 60];
    }

    public static string RetryAfterHeader(TimeSpan wait) => ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>A hash of a random password, made once by the app's hasher, to verify against when no account matches.</summary>
public sealed class DummyPasswordHash
{
    private string? _hash;

    public OrganizerUser User { get; } = new();

    public string Hash(IPasswordHasher<OrganizerUser> hasher)
        => LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(User, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
}
