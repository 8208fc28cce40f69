using Meetup.Data.Entities;
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
            .RequireRateLimiting(Shared.Access.RateLimitPolicies.SignIn);

        // A form post (with antiforgery, enforced because of [FromForm]) from the admin layout.
        app.MapPost("/account/logout", async (SignInManager<OrganizerUser> signIn, [FromForm] string? returnUrl) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect(ReturnUrls.IsLocalUrl(returnUrl) ? returnUrl! : "/");
            })
            .ExcludeFromDescription();
    }
}
