using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;
namespace Meetup.Web.Features.Sessions;

internal static class SessionEndpoints
{
    public static void MapSessionEndpoints(this WebApplication app)
    {
        app.MapGet("/api/events/{eventId:int}/sessions", async (int eventId, SessionService service, CancellationToken ct) =>
                (await service.ListAsync(eventId, ct)).ToOk())
            .WithTags("Sessions").RequireAuthorization(Policies.ApiOrganizers).ProducesSignInProblems()
            .Describe("List an event's sessions", "Every session of the event, drafts included; instants in UTC.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        app.MapPost("/api/events/{eventId:int}/sessions", async (int eventId, SessionInput? input, SessionService service, CancellationToken ct) =>
                (await service.CreateAsync(eventId, input ?? new(), ct)).ToCreated(s => $"/api/sessions/{s.Id}"))
            .WithTags("Sessions").RequireAuthorization(Policies.ApiOrganizers).ProducesSignInProblems()
            .Describe("Create a session", "A draft session of the event. Times are local to the event's time zone or carry an offset; 400 names each invalid field.")
            .ProducesProblems(StatusCodes.Status404NotFound);

        var sessions = app.MapGroup("/api/sessions/{id:int}")
            .WithTags("Sessions")
            .RequireAuthorization(Policies.ApiOrganizers)
            .ProducesSignInProblems()
            .ProducesProblems(StatusCodes.Status404NotFound);
        sessions.MapGet("/", async (int id, SessionService service, CancellationToken ct) => (await service.GetAsync(id, ct)).ToOk())
            .Describe("Get a session", "The session with its status, times (UTC), capacity, RSVP window and links.");
        sessions.MapPut("/", async (int id, SessionInput? input, SessionService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input ?? new(), ct)).ToOk())
            .Describe("Update a session", "Replaces the session's fields; moving a published session raises its sequence, so calendars update. 409 for a cancelled session.")
            .ProducesProblems(StatusCodes.Status409Conflict);
        // An optional body (the fields of PUT) saves them first, in the same step: invalid → 400 and nothing published.
        sessions.MapPost("/publish", async (int id, SessionInput? input, SessionService service, CancellationToken ct) =>
            (await service.PublishAsync(id, input, ct)).ToOk())
            .Describe("Publish a session", "Makes the session public. An optional body (the fields of PUT) is saved first in the same step: invalid means 400 and nothing published. 409 for a cancelled session.")
            .ProducesProblems(StatusCodes.Status409Conflict);
        sessions.MapPost("/cancel", async (int id, CancelInput? input, SessionService service, CancellationToken ct) =>
            (await service.CancelAsync(id, input?.Reason, ct)).ToOk())
            .Describe("Cancel a session", "Cancels the session with an optional reason and tells the people registered; 409 if it already is.")
            .ProducesProblems(StatusCodes.Status409Conflict);
        sessions.MapPost("/schedule-next", async (int id, SessionScheduling scheduling, CancellationToken ct) =>
            (await scheduling.ScheduleNextAsync(id, ct)).ToCreated(s => $"/api/sessions/{s.Id}"))
            .Describe("Schedule the next session", "A draft copy one cadence later, at the same local weekday and time across daylight-saving changes.")
            .ProducesProblems(StatusCodes.Status409Conflict);
        sessions.MapPost("/repeat", async (int id, RepeatInput? input, SessionScheduling scheduling, CancellationToken ct) =>
            (await scheduling.RepeatAsync(id, input?.Count ?? 1, ct)).ToOk())
            .Describe("Repeat a session", "Count draft copies (default 1), one cadence apart at the same local weekday and time; answers their ids.")
            .ProducesProblems(StatusCodes.Status409Conflict);
    }
}
