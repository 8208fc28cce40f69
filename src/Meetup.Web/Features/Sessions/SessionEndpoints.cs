using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;
namespace Meetup.Web.Features.Sessions;

internal static class SessionEndpoints
{
    public static void MapSessionEndpoints(this WebApplication app)
    {
        app.MapGet("/api/events/{eventId:int}/sessions", async (int eventId, SessionService service, CancellationToken ct) =>
                (await service.ListAsync(eventId, ct)).ToOk())
            .WithTags("Sessions").RequireAuthorization(Policies.ApiOrganizers);
        app.MapPost("/api/events/{eventId:int}/sessions", async (int eventId, SessionInput? input, SessionService service, CancellationToken ct) =>
                (await service.CreateAsync(eventId, input ?? new(), ct)).ToCreated(s => $"/api/sessions/{s.Id}"))
            .WithTags("Sessions").RequireAuthorization(Policies.ApiOrganizers);

        var sessions = app.MapGroup("/api/sessions/{id:int}")
            .WithTags("Sessions")
            .RequireAuthorization(Policies.ApiOrganizers);
        sessions.MapGet("/", async (int id, SessionService service, CancellationToken ct) => (await service.GetAsync(id, ct)).ToOk());
        sessions.MapPut("/", async (int id, SessionInput? input, SessionService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input ?? new(), ct)).ToOk());
        // An optional body (the fields of PUT) saves them first, in the same step: invalid → 400 and nothing published.
        sessions.MapPost("/publish", async (int id, SessionInput? input, SessionService service, CancellationToken ct) =>
            (await service.PublishAsync(id, input, ct)).ToOk());
        sessions.MapPost("/cancel", async (int id, CancelInput? input, SessionService service, CancellationToken ct) =>
            (await service.CancelAsync(id, input?.Reason, ct)).ToOk());
        sessions.MapPost("/schedule-next", async (int id, SessionScheduling scheduling, CancellationToken ct) =>
            (await scheduling.ScheduleNextAsync(id, ct)).ToCreated(s => $"/api/sessions/{s.Id}"));
        sessions.MapPost("/repeat", async (int id, RepeatInput? input, SessionScheduling scheduling, CancellationToken ct) =>
            (await scheduling.RepeatAsync(id, input?.Count ?? 1, ct)).ToOk());
    }
}
