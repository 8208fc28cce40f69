using Meetup.Data.Entities;
using Meetup.Web.Features.Rsvps.Admin;
using Meetup.Web.Features.Rsvps.Manage;
using Meetup.Web.Features.Rsvps.Messages;
using Meetup.Web.Features.Rsvps.Questions;
using Meetup.Web.Features.Rsvps.Registering;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meetup.Web.Features.Rsvps;

internal static class RsvpEndpoints
{
    public static void MapRsvpEndpoints(this WebApplication app)
    {
        var rsvp = app.MapGroup("/api").WithTags("RSVP");

        rsvp.MapPost("/sessions/{id:int}/rsvps", async (int id, RsvpInput? input, RsvpService service, CancellationToken ct) =>
                // A known person's new RSVP (no token in the answer: the link is emailed to them) has no Location to give.
                (await service.CreateAsync(id, input ?? new(), ct: ct)).ToCreatedOrOk(
                    r => r.Created, r => r.ManageToken is { } token ? $"/api/rsvps/{token}" : null,
                    notFoundDetail: "No such session.", conflictTitle: "RSVP is not open"))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Rsvp)
            .Describe("RSVP to a session",
                "201 with status and waitlist position; a new person also gets the manage token and link (a known email gets "
                + "them by email only). The same person again answers 200 with the existing RSVP. 409 when RSVP is not open.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests);

        rsvp.MapPost("/sessions/{id:int}/rsvps/resend", async (int id, ResendInput? input, RsvpService service, CancellationToken ct) =>
            {
                // The same answer whether or not the email is registered: it reveals nobody.
                await service.ResendLinkAsync(id, input?.Email, ct);
                return TypedResults.Accepted((string?)null);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Resend)
            .Describe("Email the manage link again",
                "202 whatever the email, so it reveals nobody; a registered person gets a new link beside the others.")
            .ProducesProblems(StatusCodes.Status429TooManyRequests);

        rsvp.MapGet("/rsvps/{token}", async (string token, RsvpManageService service, CancellationToken ct) =>
                (await service.GetAsync(token, ct)).ToOk())
            .AllowAnonymous()
            .Describe("Get an RSVP by its manage token", "The RSVP with its session, status, answers and check-in code; 404 for an unknown or expired link.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        rsvp.MapPut("/rsvps/{token}", async (string token, RsvpUpdateInput? input, RsvpManageService service, CancellationToken ct) =>
                (await service.UpdateAsync(token, input ?? new(null, null), ct)).ToOk())
            .AllowAnonymous()
            .Describe("Update an RSVP by its manage token", "Changes the name or the preferred language; 400 names each invalid field.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        rsvp.MapPost("/rsvps/{token}/cancel", async (string token, RsvpManageService service, CancellationToken ct) =>
                (await service.CancelAsync(token, ct)).ToOk())
            .AllowAnonymous()
            .Describe("Cancel an RSVP by its manage token", "The seat goes to the first on the waitlist.")
            .ProducesProblems(StatusCodes.Status404NotFound);

        app.MapPost("/api/sessions/{id:int}/messages", async Task<Results<Accepted<SessionMessageSent>, ValidationProblem, ProblemHttpResult>> (
                int id, SessionMessageInput? input, SessionMessageService service, CancellationToken ct) =>
            {
                var result = await service.SendAsync(id, input ?? new(), ct);
                return result.Status switch
                {
                    OperationStatus.Ok => TypedResults.Accepted((string?)null, result.Value),
                    OperationStatus.Invalid => ApiResults.Invalid(result.Errors),
                    _ => ApiResults.NotFound(result.Detail ?? "No such session."),
                };
            })
            .WithTags("RSVP")
            .RequireAuthorization(Policies.ApiOrganizers)
            .ProducesSignInProblems()
            .Describe("Message the people registered for a session",
                "`to`: confirmed, waitlisted or all. One email each (in their language, the text as plain text, with their own "
                + "links); the cancelled, the erased and addresses that cannot receive mail are left out. 202 with how many; "
                + "400 names each invalid field.")
            .ProducesProblems(StatusCodes.Status404NotFound);

        app.MapGet("/rsvp/{token}/calendar.ics", async Task<Results<FileContentHttpResult, NotFound>> (string token, RsvpManageService service, CancellationToken ct) =>
                await service.CalendarAsync(token, ct) is { } ics
                    ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "session.ics")
                    : TypedResults.NotFound())
            .ExcludeFromDescription();

        // The organizer's download from the RSVP list page (cookie sign-in, like the page).
        app.MapGet("/admin/sessions/{id:int}/rsvps.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, RsvpAdminService service, CancellationToken ct) =>
            {
                var list = await service.ListAsync(id, ct: ct);
                if (!list.Succeeded)
                {
                    return ApiResults.NotFound(list.Detail ?? "No such session.");
                }
                var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(RsvpCsv.Write(list.Value!))).ToArray();
                return TypedResults.File(bytes, "text/csv; charset=utf-8", $"session-{id}-rsvps.csv");
            })
            .RequireAuthorization(Policies.BackOfficeOrganizers)
            .ExcludeFromDescription();

        var questions = app.MapGroup("/api/events/{eventId:int}/questions").WithTags("RSVP").RequireAuthorization(Policies.ApiOrganizers)
            .ProducesSignInProblems().ProducesProblems(StatusCodes.Status404NotFound);
        questions.MapGet("/", async (int eventId, QuestionService service, CancellationToken ct) => (await service.ListAsync(eventId, ct)).ToOk())
            .Describe("List an event's registration questions", "The questions the RSVP form asks, in order.");
        questions.MapPut("/", async (int eventId, List<QuestionInput>? input, QuestionService service, CancellationToken ct) =>
            (await service.ReplaceAsync(eventId, input, ct)).ToOk())
            .Describe("Replace an event's registration questions", "The whole list at once; 400 keys each error by question.");

        rsvp.MapGet("/sessions/{id:int}/rsvps", async (int id, string? search, string? status, RsvpAdminService service, CancellationToken ct) =>
            {
                RsvpStatus? filter = null;
                if (!string.IsNullOrWhiteSpace(status))
                {
                    if (!EnumNames.TryParseSnakeCase<RsvpStatus>(status, out var parsed))
                    {
                        return (Results<Ok<IReadOnlyList<RsvpListItem>>, ValidationProblem, ProblemHttpResult>)ApiResults.Invalid(
                            "status", "Use confirmed, waitlisted or cancelled.");
                    }
                    filter = parsed;
                }
                return (await service.ListAsync(id, search, filter, ct)).ToOk();
            })
            .RequireAuthorization(Policies.ApiOrganizers)
            .ProducesSignInProblems()
            .Describe("List a session's RSVPs", "Everyone registered, optionally filtered by search (name or email) and status (confirmed, waitlisted, cancelled).")
            .ProducesProblems(StatusCodes.Status404NotFound);
    }
}
