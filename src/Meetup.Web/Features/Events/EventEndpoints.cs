using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;
namespace Meetup.Web.Features.Events;

internal static class EventEndpoints
{
    public static void MapEventEndpoints(this WebApplication app)
    {
        var events = app.MapGroup("/api/events")
            .WithTags("Events")
            .RequireAuthorization(Policies.ApiOrganizers);

        events.MapGet("/", async (EventQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct)));
        events.MapPost("/", async (EventInput? input, EventService service, CancellationToken ct) =>
            (await service.CreateAsync(input ?? new(), ct)).ToCreated(e => $"/api/events/{e.Id}"));
        events.MapGet("/{id:int}", async (int id, EventService service, CancellationToken ct) => (await service.GetAsync(id, ct)).ToOk());
        events.MapPut("/{id:int}", async (int id, EventInput? input, EventService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input ?? new(), ct)).ToOk());
        events.MapDelete("/{id:int}", async (int id, EventService service, CancellationToken ct) => (await service.DeleteAsync(id, ct)).ToNoContent());
    }
}
