using Meetup.Web.Features.Privacy;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meetup.Web.Features.Attendees;

internal static class AttendeeEndpoints
{
    public static void MapAttendeeEndpoints(this WebApplication app)
    {
        var attendees = app.MapGroup("/api/attendees")
            .WithTags("Attendees")
            .RequireAuthorization(Policies.ApiOrganizers)
            .ProducesSignInProblems();

        attendees.MapGet("/", async Task<Results<Ok<IReadOnlyList<AttendeeResource>>, ValidationProblem>> (
            string? search, int? limit, AttendeeMatches matches, CancellationToken ct) =>
        {
            if (limit is < 1 or > AttendeeMatches.MaxListed)
            {
                return ApiResults.Invalid("limit", $"Between 1 and {AttendeeMatches.MaxListed}.");
            }
            return TypedResults.Ok(await matches.ListAsync(search, limit ?? 100, ct));
        })
            .Describe("Find people", "People by name or address (all when search is empty), erased people left out; at most limit (1 to 1000, default 100).");

        attendees.MapGet("/{id:int}", async Task<Results<Ok<AttendeeHistoryResource>, ProblemHttpResult>> (
            int id, AttendeeHistoryQueries queries, CancellationToken ct) =>
            await queries.GetAsync(id, ct) is { } history
                ? TypedResults.Ok(AttendeeHistoryResource.From(history))
                : ApiResults.NotFound($"No person with id {id}."))
            .Describe("A person's history", "The person with their other addresses, RSVPs and check-ins across events.")
            .ProducesProblems(StatusCodes.Status404NotFound);

        // A person's request to be forgotten, sent to the organizers (the link holder has POST /api/rsvps/{token}/erase).
        attendees.MapPost("/{id:int}/erase", async (int id, PersonalDataService privacy, CancellationToken ct) =>
            (await privacy.EraseByOrganizerAsync(id, ct)).ToOk())
            .Describe("Erase a person", "At the person's request: as the link holder's erasure, by id.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        // Merges {id} into intoAttendeeId, who stays (see AttendeeMerge for the rules).
        attendees.MapPost("/{id:int}/merge", async (int id, MergeRequest? request, AttendeeMerge merge, CancellationToken ct) =>
            request?.IntoAttendeeId is { } into
                ? (await merge.MergeAsync(into, id, ct)).ToOk()
                : OperationResult<MergeOutcome>.Invalid("intoAttendeeId", "Say whom to merge this person into.").ToOk())
            .Describe("Merge two people",
                "Moves this person's RSVPs, check-ins and emails to intoAttendeeId, who stays, and keeps the address as an alias. "
                + "409 when both are registered for an upcoming session, either was erased, or one changed meanwhile.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }
}
