using System.Security.Claims;
using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Meetup.Web.Features.CheckIns;

internal static class CheckInEndpoints
{
    public static void MapCheckInEndpoints(this WebApplication app)
    {
        var door = app.MapGroup("/api/sessions/{id:int}/checkins")
            .WithTags("Check-in")
            .RequireAuthorization(Policies.ApiDoorStaff)
            .ProducesSignInProblems()
            .ProducesProblems(StatusCodes.Status404NotFound);

        door.MapPost("/", async (int id, CheckInRequest? request, CheckInService service, ClaimsPrincipal user, CancellationToken ct) =>
            (await service.CheckInAsync(id, request ?? new(), user, ct))
                .ToCreatedOrOk(c => c.Created, c => $"/api/sessions/{id}/checkins/{c.AttendeeId}", notFoundDetail: "Not found."))
            .Describe("Check someone in",
                "By manageToken, code, attendeeId, or email (+ name) for a walk-in: 201 when new, 200 with the first check-in when "
                + "already in. A door helper reaches only people of this session. 409 unless the session is published.")
            .ProducesProblems(StatusCodes.Status409Conflict);
        door.MapDelete("/{attendeeId:int}", async (int id, int attendeeId, CheckInService service, CancellationToken ct) =>
            (await service.UndoAsync(id, attendeeId, ct)).ToNoContent())
            .Describe("Undo a check-in", "204; 404 when the person is not checked in.");
        door.MapGet("/", async Task<Results<Ok<DoorList>, ProblemHttpResult>> (int id, string? search, DoorQueries queries, CancellationToken ct) =>
        {
            var counts = await queries.CountsAsync(id, ct);
            return counts is null
                ? ApiResults.NotFound($"No session with id {id}.")
                : TypedResults.Ok(new DoorList(counts, await queries.PeopleAsync(id, search, ct)));
        })
            .Describe("The door list", "Counts and the people of the session (optionally matching search), without check-in codes.");

        // Join an online session: the API answers the link, the manage page's form is redirected to it.
        app.MapPost("/api/rsvps/{token}/join", async (string token, OnlineJoinService join, CancellationToken ct) =>
                (await join.JoinAsync(token, ct)).ToOk())
            .WithTags("RSVP").AllowAnonymous()
            .Describe("Join an online session",
                "Records the online join and answers the video link: for confirmed attendees of an online or hybrid session, from "
                + "15 minutes before the start until the end; 409 otherwise.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        app.MapPost("/rsvp/{token}/join", async (string token, [FromForm] string? source, OnlineJoinService join, CancellationToken ct) =>
            {
                var result = await join.JoinAsync(token, ct);
                return result.Succeeded
                    ? Results.Redirect(result.Value!)
                    : Results.Redirect($"/rsvp/{Uri.EscapeDataString(token)}?join=unavailable");
            })
            .ExcludeFromDescription();
    }
}

public sealed record DoorList(DoorCounts Counts, IReadOnlyList<DoorPerson> People);
