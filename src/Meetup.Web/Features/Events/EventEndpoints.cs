using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;
namespace Meetup.Web.Features.Events;

internal static class EventEndpoints
{
    public static void MapEventEndpoints(this WebApplication app)
    {
        var events = app.MapGroup("/api/events")
            .WithTags("Events")
            .RequireAuthorization(Policies.ApiOrganizers)
            .ProducesSignInProblems();

        events.MapGet("/", async (EventQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct)))
            .Describe("List the events", "Every event (study group) with its slug, time zone and cadence.");
        events.MapPost("/", async (EventInput? input, EventService service, CancellationToken ct) =>
            (await service.CreateAsync(input ?? new(), ct)).ToCreated(e => $"/api/events/{e.Id}"))
            .Describe("Create an event", "201 with the event and its Location; 400 names each invalid field.");
        events.MapGet("/{id:int}", async (int id, EventService service, CancellationToken ct) => (await service.GetAsync(id, ct)).ToOk())
            .Describe("Get an event", "The event with its settings and registration questions.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        events.MapPut("/{id:int}", async (int id, EventInput? input, EventService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input ?? new(), ct)).ToOk())
            .Describe("Update an event", "Replaces the event's fields; a changed slug keeps the old one working for links already shared.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        events.MapDelete("/{id:int}", async (int id, EventService service, CancellationToken ct) => (await service.DeleteAsync(id, ct)).ToNoContent())
            .Describe("Delete an event", "Only an event without RSVPs or check-ins: 409 otherwise, since deleting it would erase its history.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }
}
