using Meetup.Web.Features.Shared.Access;
using Meetup.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meetup.Web.Features.Import;

internal static class ImportEndpoints
{
    // What browsers and tools send for a .csv or .xlsx file; a missing Content-Type is read by the bytes too.
    private static readonly string[] FileMediaTypes =
    [
        "text/csv", "application/csv", "text/plain", "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream",
    ];

    public static void MapImportEndpoints(this WebApplication app)
    {
        var events = app.MapGroup("/api/events")
            .WithTags("History")
            .RequireAuthorization(Policies.ApiOrganizers)
            .ProducesSignInProblems()
            .ProducesProblems(StatusCodes.Status404NotFound);

        events.MapPost("/{id:int}/import", ImportAsync)
            .Accepts<string>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Describe("Import attendance history",
                "The file as downloaded from connpass, Luma, Meetup or Doorkeeper (source=…) or in the canonical format: CSV in "
                + "UTF-8, UTF-16 or Shift_JIS, or an .xlsx workbook. All or nothing, and importing again changes nothing. 400 lists "
                + "the first problems (errors) and counts them all (errorCount). See docs/import-format.md.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType);
        events.MapGet("/{id:int}/attendance.csv", ExportAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Describe("Export attendance history", "The event's RSVPs and check-ins in the canonical import format.");

        // The back office's download link: the same file for an organizer signed in with the cookie.
        app.MapGet("/admin/events/{id:int}/attendance.csv", ExportAsync)
            .RequireAuthorization(Policies.BackOfficeOrganizers)
            .ExcludeFromDescription();
    }

    /// <summary>
    /// POST /api/events/{id}/import[?source=connpass|luma|meetup|doorkeeper&amp;sessionStart=…&amp;sessionTitle=…]: the file as
    /// downloaded (CSV in UTF-8, UTF-16 or Shift_JIS, or an .xlsx workbook), the whole of it or nothing; 400 lists the first
    /// <see cref="ImportErrors.Cap"/> problems and counts them all (<c>errorCount</c>).
    /// </summary>
    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(
        int id, HttpRequest request, AttendanceImport import, string? source, string? sessionStart, string? sessionTitle, CancellationToken ct)
    {
        if (request.ContentType is { } contentType
            && !FileMediaTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            return ApiResults.UnsupportedMediaType($"Send the file as text/csv (or an .xlsx workbook), not {contentType}.");
        }

        // In memory (Kestrel caps a request body at 30 MB): the parser reads synchronously, which Kestrel does not allow on the body.
        byte[] bytes;
        using (var body = new MemoryStream())
        {
            await request.Body.CopyToAsync(body, ct);
            bytes = body.ToArray();
        }
        var file = new UploadedFile("body", bytes);

        var outcome = await import.ImportFileAsync(id, file, (source ?? ImportSources.Canonical).Trim().ToLowerInvariant(), sessionStart, sessionTitle, ct);
        return outcome.Status switch
        {
            ImportStatus.Imported => TypedResults.Ok(outcome.Result),
            ImportStatus.Invalid => ApiResults.BadRequest(
                outcome.ErrorCount > outcome.Errors!.Count
                    ? $"The file has {outcome.ErrorCount} problems; nothing was imported. The first {outcome.Errors.Count} are listed."
                    : $"The file has {outcome.ErrorCount} problem(s); nothing was imported.",
                title: "The file cannot be imported",
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors, ["errorCount"] = outcome.ErrorCount }),
            ImportStatus.Conflict => ApiResults.Conflict(
                "Someone changed this event's history at the same moment; nothing was imported. Try again."),
            _ => EventNotFound(id),
        };
    }

    /// <summary>GET /api/events/{id}/attendance.csv: the history in the import format.</summary>
    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAsync(
        int id, AttendanceExport export, CancellationToken ct)
    {
        if (await export.LoadAsync(id, ct) is not { } history)
        {
            return EventNotFound(id);
        }
        return TypedResults.Stream(
            body => AttendanceExport.WriteCsvAsync(history, body, ct), "text/csv; charset=utf-8", $"event-{id}-attendance.csv");
    }

    private static ProblemHttpResult EventNotFound(int id) => ApiResults.NotFound($"There is no event with id {id}.");
}
