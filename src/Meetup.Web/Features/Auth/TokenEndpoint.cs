using Meetup.Data.Entities;
using Meetup.Web.Features.Shared.Access;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meetup.Web.Features.Auth;

public sealed record TokenRequest(string? Email, string? Password);

public sealed record TokenResponse(string Token, DateTime ExpiresAt);

internal static class TokenEndpoint
{
    // POST /api/auth/token: a bearer token for the organizer API. Checked by PasswordSignIn, as the login page is:
    // failures here and there slow down the same (account, address). A plain comment: the OpenAPI document would take
    // an XML one for the operation's summary (AuthEndpoints describes it).
    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        TokenRequest request,
        PasswordSignIn passwords,
        SignInManager<OrganizerUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        IStringLocalizer<Strings> l,
        HttpContext http,
        TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors["email"] = ["Email is required."];
        }
        else if (!TextRules.IsSingleLine(request.Email))
        {
            errors["email"] = ["The email contains control characters."];
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["Password is required."];
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }

        var attempt = await passwords.CheckAsync(request.Email!, request.Password!, ClientAddress.Of(http));
        if (attempt.Status == SignInStatus.Throttled)
        {
            http.Response.Headers.RetryAfter = PasswordSignIn.RetryAfterHeader(attempt.RetryAfter);
            return ApiResults.TooManyRequests(PasswordSignIn.ThrottledMessage(l, attempt.RetryAfter));
        }
        if (attempt.User is not { } user)
        {
            return ApiResults.Unauthorized(l["Invalid email or password."]);
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
}
