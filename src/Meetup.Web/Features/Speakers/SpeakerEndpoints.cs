using Meetup.Web.Features.Shared;
using Meetup.Web.Features.Shared.Access;
namespace Meetup.Web.Features.Speakers;

internal static class SpeakerEndpoints
{
    public static void MapSpeakerEndpoints(this WebApplication app)
    {
        var speakers = app.MapGroup("/api/speakers")
            .WithTags("Speakers")
            .RequireAuthorization(Policies.ApiOrganizers);
        speakers.MapGet("/", async (string? search, SpeakerService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(search, ct)));
        speakers.MapPost("/", async (SpeakerInput? input, SpeakerService service, CancellationToken ct) =>
            (await service.CreateAsync(input ?? new(), ct)).ToCreated(s => $"/api/speakers/{s.Id}"));
        speakers.MapGet("/{id:int}", async (int id, SpeakerService service, CancellationToken ct) => (await service.GetAsync(id, ct)).ToOk());
        speakers.MapPut("/{id:int}", async (int id, SpeakerInput? input, SpeakerService service, CancellationToken ct) =>
            (await service.UpdateAsync(id, input ?? new(), ct)).ToOk());
    }
}
