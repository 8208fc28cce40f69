using System.Text;
using Meetup.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meetup.Web.Features.Import;

internal static class ImportEndpoints
{
    // What browsers and tools send for a .csv file; a missing Content-Type is read as CSV too.
    private static readonly string[] CsvMediaTypes = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"];

    public static void MapImportEndpoints(this WebApplication app)
    {
        var events = app.MapGroup("/api/events")
            .WithTags("History")
            .RequireAuthorization(Policies.ApiOrganizers);

        events.MapPost("/{id:int}/import", ImportAsync)
            .Accepts<string>("text/csv");
        events.MapGet("/{id:int}/attendance.csv", ExportAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        // The back office's download link: the same file for an organizer signed in with the cookie.
        app.MapGet("/admin/events/{id:int}/attendance.csv", ExportAsync)
            .RequireAuthorization(Policies.BackOfficeOrganizers)
            .ExcludeFromDescription();
    }

    /// <summary>POST /api/events/{id}/import: the whole file or nothing; 400 lists every bad cell.</summary>
    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(
        int id, HttpRequest request, AttendanceImport import, CancellationToken ct)
    {
        if (request.ContentType is { } contentType
            && !CsvMediaTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem($"Send the file as text/csv, not {contentType}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        // Buffered: the parser reads synchronously, which Kestrel does not allow on the request body.
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        using var text = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

        var outcome = await import.ImportAsync(id, text, ColumnMapping.Canonical, ct: ct);
        return outcome.Status switch
        {
            ImportStatus.Imported => TypedResults.Ok(outcome.Result),
            ImportStatus.Invalid => TypedResults.Problem(
                $"The file has {outcome.Errors!.Count} problem(s); nothing was imported.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "The file cannot be imported",
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors }),
            ImportStatus.Conflict => TypedResults.Problem(
                "Someone changed this event's history at the same moment; nothing was imported. Try again.",
                statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
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

    private static ProblemHttpResult EventNotFound(int id)
        => TypedResults.Problem($"There is no event with id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
