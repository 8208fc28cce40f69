using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Meetup.Web.Features.Auth;

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this WebApplication app)
    {
        app.MapPost("/api/auth/token", TokenEndpoint.IssueAsync)
            .WithTags("Auth")
            .AllowAnonymous()
            .RequireRateLimiting(Shared.Access.RateLimitPolicies.SignIn)
            .Describe("Get a bearer token",
                "Email and password of an organizer account give a token (8 hours) for Authorization: Bearer. 401 for a wrong "
                + "email or password alike; 429 after repeated failures from one address (Retry-After).")
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);

        // A form post (with antiforgery, enforced because of [FromForm]) from the admin layout.
        app.MapPost("/account/logout", async (SignInManager<OrganizerUser> signIn, [FromForm] string? returnUrl) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect(ReturnUrls.IsLocalUrl(returnUrl) ? returnUrl! : "/");
            })
            .ExcludeFromDescription();
    }
}
