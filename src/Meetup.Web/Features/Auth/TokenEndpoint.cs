using Meetup.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Meetup.Web.Features.Auth;

public sealed record TokenRequest(string? Email, string? Password);

public sealed record TokenResponse(string Token, DateTime ExpiresAt);

internal static class TokenEndpoint
{
    /// <summary>
    /// POST /api/auth/token: a bearer token for the organizer API. Failed attempts count towards the
    /// same lockout as the login page.
    /// </summary>
    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        TokenRequest request,
        SignInManager<OrganizerUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors["email"] = ["Email is required."];
        }
        else if (!Shared.TextRules.IsSingleLine(request.Email))
        {
            errors["email"] = ["The email contains control characters."];
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["Password is required."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = await signIn.UserManager.FindByEmailAsync(request.Email!.Trim());
        if (user is null)
        {
            return Unauthorized("Invalid email or password.");
        }
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return Unauthorized("This account is locked after too many failed attempts. Try again later.");
        }
        if (!check.Succeeded)
        {
            return Unauthorized("Invalid email or password.");
        }

        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var expiresAt = time.GetUtcNow().Add(options.BearerTokenExpiration);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = time.GetUtcNow(), ExpiresUtc = expiresAt },
            IdentityConstants.BearerScheme);
        var token = options.BearerTokenProtector.Protect(ticket);
        return TypedResults.Ok(new TokenResponse(token, expiresAt.UtcDateTime));
    }

    private static ProblemHttpResult Unauthorized(string detail)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
}
