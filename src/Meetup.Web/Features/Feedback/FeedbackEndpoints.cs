using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;

namespace Meetup.Web.Features.Feedback;

internal static class FeedbackEndpoints
{
    public static void MapFeedbackEndpoints(this WebApplication app)
    {
        var mine = app.MapGroup("/api/rsvps/{token}/feedback").WithTags("Feedback").AllowAnonymous()
            .ProducesProblems(StatusCodes.Status404NotFound);
        mine.MapPut("/", async (string token, FeedbackInput? input, FeedbackService service, CancellationToken ct) =>
                (await service.SaveAsync(token, input ?? new(), ct: ct)).ToOk())
            .Describe("Answer the survey of the link's session",
                "For a person checked in to the session (at the door or by joining online), from its start until 7 days after "
                + "its end; a second answer replaces the first. 400 names each invalid field; 409 when not checked in, not "
                + "started or closed.")
            .ProducesProblems(StatusCodes.Status409Conflict);
        mine.MapGet("/", async (string token, FeedbackService service, CancellationToken ct) =>
                (await service.GetAsync(token, ct)).ToOk())
            .Describe("The link holder's survey answer", "Their answer about the link's session; 404 for an unknown link or before they answered.");

        app.MapGet("/api/sessions/{id:int}/feedback", async (int id, FeedbackService service, CancellationToken ct) =>
                (await service.SummaryAsync(id, ct)).ToOk())
            .WithTags("Feedback")
            .RequireAuthorization(Policies.ApiOrganizers)
            .ProducesSignInProblems()
            .Describe("A session's feedback, summed up",
                "Responses of the people checked in, means (null without responses), the pace, length and come-next counts, "
                + "the topics asked for and the comments (also with the language each was written in).")
            .ProducesProblems(StatusCodes.Status404NotFound);
    }
}
