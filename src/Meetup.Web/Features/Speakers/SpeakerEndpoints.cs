using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;
namespace Meetup.Web.Features.Speakers;

internal static class SpeakerEndpoints
{
    public static void MapSpeakerEndpoints(this WebApplication app)
    {
        var speakers = app.MapGroup("/api/speakers")
            .WithTags("Speakers")
            .RequireAuthorization(Policies.ApiOrganizers)
            .ProducesSignInProblems();
        speakers.MapGet("/", async (string? search, SpeakerService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(search, ct)))
            .Describe("List the speakers", "Every speaker, or those whose name contains search.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        speakers.MapPost("/", async (SpeakerInput? input, SpeakerService service, CancellationToken ct) =>
            (await service.CreateAsync(input ?? new(), ct)).ToCreated(s => $"/api/speakers/{s.Id}"))
            .Describe("Create a speaker", "201 with the speaker and its Location; 400 names each invalid field.");
        speakers.MapGet("/{id:int}", async (int id, SpeakerService service, CancellationToken ct) => (await service.GetAsync(id, ct)).ToOk())
            .Describe("Get a speaker", "The speaker's name, bio (Markdown) and links.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        speakers.MapPut("/{id:int}", async (int id, SpeakerInput? input, SpeakerService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input ?? new(), ct)).ToOk())
            .Describe("Update a speaker", "Replaces the speaker's fields.")
            .ProducesProblems(StatusCodes.Status404NotFound);
    }
}
