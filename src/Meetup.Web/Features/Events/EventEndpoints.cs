using Meetup.Web.Hosting;

namespace Meetup.Web.Features.Events;

internal static class EventEndpoints
{
    public static void MapEventEndpoints(this WebApplication app)
    {
        var events = app.MapGroup("/api/events")
            .WithTags("Events")
            .RequireAuthorization(Policies.ApiOrganizers);

        events.MapGet("/", async (EventQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct)));
    }
}
