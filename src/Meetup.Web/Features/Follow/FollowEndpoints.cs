using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meetup.Web.Features.Follow;

internal static class FollowEndpoints
{
    /// <summary>The form field and value of an RFC 8058 one-click unsubscribe.</summary>
    private const string OneClickField = "List-Unsubscribe", OneClickValue = "One-Click";

    public static void MapFollowEndpoints(this WebApplication app)
    {
        app.MapPost("/api/events/{id:int}/subscriptions", async Task<Results<Accepted<FollowAccepted>, ValidationProblem, ProblemHttpResult>> (
                int id, FollowInput? input, FollowService service, CancellationToken ct) =>
            {
                var result = await service.RequestAsync(id, input ?? new(), ct);
                return result.Status switch
                {
                    OperationStatus.Ok => TypedResults.Accepted((string?)null, result.Value),
                    OperationStatus.Invalid => ApiResults.Invalid(result.Errors),
                    _ => ApiResults.NotFound(result.Detail ?? "No such event."),
                };
            })
            .WithTags("Followers")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Rsvp)
            .Describe("Ask to follow a study group",
                "Emails a confirmation link to the address (in `language`, else the person's own); nobody follows until it "
                + "is used (double opt-in). 202 with the same body whether the address is new, pending, following or "
                + "unsubscribed. 400 names each invalid field; 404 for an unknown event.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);

        var link = app.MapGroup("/api/subscriptions/{token}").WithTags("Followers").AllowAnonymous()
            .ProducesProblems(StatusCodes.Status404NotFound);
        link.MapPost("/confirm", async (string token, FollowService service, CancellationToken ct) =>
                (await service.ConfirmAsync(token, ct)).ToOk())
            .Describe("Confirm a follow by the emailed link",
                "The person follows the group from now on; again changes nothing. 404 for an unknown link; 409 when the link "
                + "is older than 14 days (ask to follow again).")
            .ProducesProblems(StatusCodes.Status409Conflict);
        link.MapPost("/unsubscribe", async (string token, FollowService service, CancellationToken ct) =>
                (await service.UnsubscribeAsync(token, ct)).ToOk())
            .Describe("Stop following by an emailed link", "At once; a later RSVP never undoes it. 404 for an unknown link.");

        // RFC 8058: a mail client POSTs "List-Unsubscribe=One-Click" to the header's URL (no cookie, no antiforgery
        // token); a person who opens the URL gets the page with a button, as a GET changes nothing.
        app.MapPost("/unsubscribe/{token}", async Task<Results<Ok<SubscriptionState>, ValidationProblem, ProblemHttpResult>> (
                string token, HttpRequest request, FollowService service, CancellationToken ct) =>
            {
                if (await service.LinkAsync(token, ct) is null)
                {
                    return ApiResults.NotFound("No such link.");
                }
                if (!request.HasFormContentType)
                {
                    return ApiResults.UnsupportedMediaType("Send the form field List-Unsubscribe=One-Click (application/x-www-form-urlencoded or multipart/form-data).");
                }
                var form = await request.ReadFormAsync(ct);
                if (!string.Equals(form[OneClickField], OneClickValue, StringComparison.Ordinal))
                {
                    return ApiResults.Invalid(OneClickField, "Must be One-Click.");
                }
                var result = await service.UnsubscribeAsync(token, ct);
                return result.Succeeded ? TypedResults.Ok(result.Value) : ApiResults.NotFound(result.Detail ?? "No such link.");
            })
            .WithTags("Followers")
            .AllowAnonymous()
            .DisableAntiforgery()
            .Describe("One-click unsubscribe (RFC 8058)", "The List-Unsubscribe URL of an email: POST List-Unsubscribe=One-Click stops the follow at once.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType);
        app.MapGet("/unsubscribe/{token}", (string token) => TypedResults.Redirect($"/follow/{Uri.EscapeDataString(token)}/unsubscribe"))
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapGet("/api/events/{id:int}/subscribers", async (int id, FollowService service, CancellationToken ct) =>
                (await service.SubscribersAsync(id, ct)).ToOk())
            .WithTags("Followers")
            .RequireAuthorization(Policies.ApiOrganizers)
            .ProducesSignInProblems()
            .Describe("The group's followers", "Everyone who asked to follow it: pending (not confirmed yet), active or unsubscribed, since when; newest change first.")
            .ProducesProblems(StatusCodes.Status404NotFound);
    }
}
