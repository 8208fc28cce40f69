using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meetup.Web.Features.Announcements;

internal static class AnnouncementEndpoints
{
    public static void MapAnnouncementEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api").WithTags("Announcements").RequireAuthorization(Policies.ApiOrganizers).ProducesSignInProblems();

        group.MapPost("/events/{id:int}/announcements", async Task<Results<Accepted<AnnouncementAccepted>, Ok<AnnouncementDryRun>, ValidationProblem, ProblemHttpResult>> (
                int id, AnnouncementInput? input, AnnouncementService service, CancellationToken ct) =>
            {
                input ??= new();
                var result = await service.CreateAsync(id, input, ct);
                return result.Status switch
                {
                    OperationStatus.Ok when input.DryRun => TypedResults.Ok(new AnnouncementDryRun(result.Value!.Recipients, result.Value.Sample)),
                    OperationStatus.Ok => TypedResults.Accepted((string?)null, new AnnouncementAccepted(result.Value!.Id, result.Value.Recipients, result.Value.SendAt, result.Value.SentAt)),
                    OperationStatus.Invalid => ApiResults.Invalid(result.Errors),
                    OperationStatus.Conflict => ApiResults.Conflict(result.Detail),
                    _ => ApiResults.NotFound(result.Detail ?? "No such event."),
                };
            })
            .Describe("Announce a session to the group's followers",
                "`{sessionId, audience (followers | past_attendees | regulars | at_risk), subject?, message?, sendAt?, dryRun?}`. "
                + "Recipients are the active followers narrowed by the audience (docs/retention.md), minus the erased, anyone "
                + "registered for the session and addresses that cannot receive mail, chosen when it is sent: at once, or at "
                + "`sendAt` (a future instant). 202 `{id, recipients}` at once, before any email is queued: for a send-now, "
                + "`recipients` is the audience counted when it was accepted (the actual recipients are fixed when the sender "
                + "claims it, usually within a second; the list shows the final figure); 0 for a scheduled one. With "
                + "`dryRun: true` 200 `{recipients, sample: [{name, email}]}` and nothing written. 400 names each invalid field; "
                + "404 for an unknown event; 409 for a send-now (or its dry run) while another announcement of the session is still going out.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        group.MapGet("/events/{id:int}/announcements", async (int id, AnnouncementService service, CancellationToken ct) =>
                (await service.ListAsync(id, ct)).ToOk())
            .Describe("The group's announcements and their effect",
                "Newest first: `recipients`, `rsvps` (recipients who registered for the announced session after it was sent), "
                + "`attended` (recipients checked in to it); a scheduled or just-accepted one has no `sentAt` yet; "
                + "`completedAt` once every recipient's email is queued.")
            .ProducesProblems(StatusCodes.Status404NotFound);

        group.MapGet("/events/{id:int}/announcements/win-back", async (int id, AnnouncementService service, CancellationToken ct) =>
                (await service.WinBackAsync(id, ct)).ToOk())
            .Describe("At-risk announcements' win-back rate beside the baseline",
                "Per sent at-risk announcement: recipients who came to the session. Baseline: at-risk regulars following the group "
                + "just before each counted session nobody announced to at risk, and how many came (docs/retention.md).")
            .ProducesProblems(StatusCodes.Status404NotFound);

        group.MapPost("/announcements/{id:int}/cancel", async (int id, AnnouncementService service, CancellationToken ct) =>
                (await service.CancelAsync(id, ct)).ToOk())
            .Describe("Cancel a scheduled announcement", "200 until it is sent (again: no change); 409 once sent; 404 unknown.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }
}
