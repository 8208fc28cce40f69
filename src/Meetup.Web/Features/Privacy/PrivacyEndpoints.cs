using System.Text.Json;
using Meetup.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meetup.Web.Features.Privacy;

internal static class PrivacyEndpoints
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void MapPrivacyEndpoints(this WebApplication app)
    {
        var rsvps = app.MapGroup("/api/rsvps/{token}").WithTags("RSVP").AllowAnonymous().ProducesProblems(StatusCodes.Status404NotFound);
        rsvps.MapGet("/my-data", async (string token, PersonalDataService service, CancellationToken ct) =>
            (await service.ExportAsync(token, ct)).ToOk())
            .Describe("Export the link holder's data",
                "Everything stored about the person across events: details, other addresses, RSVPs with answers, check-ins, emails.");
        rsvps.MapPost("/erase", async (string token, PersonalDataService service, CancellationToken ct) =>
            (await service.EraseAsync(token, ct)).ToOk())
            .Describe("Erase the link holder's data",
                "Cancels their upcoming RSVPs, then blanks the person and every link; anonymous counts stay. 409: try again, nothing was lost.")
            .ProducesProblems(StatusCodes.Status409Conflict);

        // The manage page's download: the same data as a file.
        app.MapGet("/rsvp/{token}/my-data.json", async Task<Results<FileContentHttpResult, NotFound>> (string token, PersonalDataService service, CancellationToken ct) =>
                await service.ExportAsync(token, ct) is { Succeeded: true, Value: { } data }
                    ? TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(data, Indented), "application/json", "my-meetup-data.json")
                    : TypedResults.NotFound())
            .ExcludeFromDescription();
    }
}
