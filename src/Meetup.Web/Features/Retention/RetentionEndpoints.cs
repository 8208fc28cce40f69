using System.Globalization;
using Meetup.Web.Features.Shared.Access;
using Meetup.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meetup.Web.Features.Retention;

internal static class RetentionEndpoints
{
    public static void MapRetentionEndpoints(this WebApplication app)
    {
        var events = app.MapGroup("/api/events")
            .WithTags("Retention")
            .RequireAuthorization(Policies.ApiOrganizers)
            .ProducesSignInProblems()
            .ProducesProblems(StatusCodes.Status404NotFound);

        events.MapGet("/{id:int}/retention", GetReportAsync)
            .Describe("The retention report",
                "Figures per session and for the range (from/to: local dates, yyyy-MM-dd, both optional) as defined in docs/retention.md.");
        events.MapGet("/{id:int}/retention.csv", GetCsvAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Describe("The retention report as CSV", "One row per counted session in the range (from/to as for the report).");
        events.MapGet("/{id:int}/feedback-effect", GetFeedbackEffectAsync)
            .Describe("What feedback says about coming back",
                "Per survey question and answer given (overall, understanding, pace, length, comeNext; answers as sent, e.g. \"4\", \"too_slow\"): "
                + "of the answers about a counted session that has a next counted session, how many authors came to that next one (returned) "
                + "and returned / responses. from/to (local dates, yyyy-MM-dd, both optional) choose the answered sessions, as for the report.");

        // The dashboard's download link: the same file for an organizer signed in with the back office's cookie.
        app.MapGet("/admin/events/{id:int}/retention.csv", GetCsvAsync)
            .RequireAuthorization(Policies.BackOfficeOrganizers)
            .ExcludeFromDescription();
    }

    /// <summary>GET /api/events/{id}/retention?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</summary>
    private static async Task<Results<Ok<RetentionReport>, ValidationProblem, ProblemHttpResult>> GetReportAsync(
        int id, string? from, string? to, RetentionService retention, CancellationToken ct)
    {
        if (!DateRange.TryParse(from, to, out var range, out var errors))
        {
            return ApiResults.Invalid(errors);
        }
        return await retention.GetReportAsync(id, range.From, range.To, ct) is { } report
            ? TypedResults.Ok(report)
            : EventNotFound(id);
    }

    /// <summary>GET /api/events/{id}/retention.csv?from=&amp;to=: one row per counted session.</summary>
    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> GetCsvAsync(
        int id, string? from, string? to, RetentionService retention, CancellationToken ct)
    {
        if (!DateRange.TryParse(from, to, out var range, out var errors))
        {
            return ApiResults.Invalid(errors);
        }
        if (await retention.GetAsync(id, range.From, range.To, ct) is not { } result)
        {
            return EventNotFound(id);
        }
        return TypedResults.Stream(
            body => RetentionCsv.WriteAsync(result, body, ct), "text/csv; charset=utf-8", $"event-{id}-retention.csv");
    }

    /// <summary>GET /api/events/{id}/feedback-effect?from=&amp;to=</summary>
    private static async Task<Results<Ok<IReadOnlyList<FeedbackEffectRow>>, ValidationProblem, ProblemHttpResult>> GetFeedbackEffectAsync(
        int id, string? from, string? to, FeedbackEffectService effect, CancellationToken ct)
    {
        if (!DateRange.TryParse(from, to, out var range, out var errors))
        {
            return ApiResults.Invalid(errors);
        }
        return await effect.GetAsync(id, range.From, range.To, ct) is { } rows
            ? TypedResults.Ok(rows)
            : EventNotFound(id);
    }

    private static ProblemHttpResult EventNotFound(int id) => ApiResults.NotFound($"There is no event with id {id}.");
}

/// <summary>The report's <c>from</c>/<c>to</c> query parameters: local dates, yyyy-MM-dd, both optional.</summary>
internal readonly record struct DateRange(DateOnly? From, DateOnly? To)
{
    public static bool TryParse(string? from, string? to, out DateRange range, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var start = Parse(from, "from", errors);
        var end = Parse(to, "to", errors);
        if (start > end)
        {
            errors["to"] = [$"'to' ({to}) is before 'from' ({from})."];
        }
        range = new DateRange(start, end);
        return errors.Count == 0;
    }

    private static DateOnly? Parse(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors[name] = [$"'{text}' is not a date: use yyyy-MM-dd, e.g. 2018-09-02."];
        return null;
    }
}
