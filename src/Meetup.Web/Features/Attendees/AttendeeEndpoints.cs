using Meetup.Web.Features.Privacy;
using Meetup.Web.Features.Shared;
using Meetup.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meetup.Web.Features.Attendees;

internal static class AttendeeEndpoints
{
    public static void MapAttendeeEndpoints(this WebApplication app)
    {
        var attendees = app.MapGroup("/api/attendees")
            .WithTags("Attendees")
            .RequireAuthorization(Policies.ApiOrganizers);

        attendees.MapGet("/", async Task<Results<Ok<IReadOnlyList<AttendeeResource>>, ValidationProblem>> (
            string? search, int? limit, AttendeeMatches matches, CancellationToken ct) =>
        {
            if (limit is < 1 or > AttendeeMatches.MaxListed)
            {
                return ApiResults.Invalid("limit", $"Between 1 and {AttendeeMatches.MaxListed}.");
            }
            return TypedResults.Ok(await matches.ListAsync(search, limit ?? 100, ct));
        });

        attendees.MapGet("/{id:int}", async Task<Results<Ok<AttendeeHistoryResource>, ProblemHttpResult>> (
            int id, AttendeeHistoryQueries queries, CancellationToken ct) =>
            await queries.GetAsync(id, ct) is { } history
                ? TypedResults.Ok(AttendeeHistoryResource.From(history))
                : ApiResults.NotFound($"No person with id {id}."));

        // A person's request to be forgotten, sent to the organizers (the link holder has POST /api/rsvps/{token}/erase).
        attendees.MapPost("/{id:int}/erase", async (int id, PersonalDataService privacy, CancellationToken ct) =>
            (await privacy.EraseByOrganizerAsync(id, ct)).ToOk());

        // Merges {id} into intoAttendeeId, who stays (see AttendeeMerge for the rules).
        attendees.MapPost("/{id:int}/merge", async (int id, MergeRequest? request, AttendeeMerge merge, CancellationToken ct) =>
            request?.IntoAttendeeId is { } into
                ? (await merge.MergeAsync(into, id, ct)).ToOk()
                : OperationResult<MergeOutcome>.Invalid("intoAttendeeId", "Say whom to merge this person into.").ToOk());
    }
}
