using Microsoft.AspNetCore.Http.HttpResults;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// The API's one error path: every /api failure is an RFC 9457 problem built here, from a service's
/// <see cref="OperationResult{T}"/> or directly (endpoints and the hosting middleware alike). See docs/api.md.
/// </summary>
public static class ApiResults
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToOk<T>(this OperationResult<T> result) => result.Status switch
    {
        OperationStatus.Ok => TypedResults.Ok(result.Value!),
        OperationStatus.Invalid => Invalid(result.Errors),
        _ => Problem(result),
    };

    public static Results<Created<T>, ValidationProblem, ProblemHttpResult> ToCreated<T>(this OperationResult<T> result, Func<T, string> location) => result.Status switch
    {
        OperationStatus.Ok => TypedResults.Created(location(result.Value!), result.Value!),
        OperationStatus.Invalid => Invalid(result.Errors),
        _ => Problem(result),
    };

    /// <summary>
    /// 201 when <paramref name="isNew"/> says the value was made now (at <paramref name="location"/>, if it has one
    /// to give), else 200 with what was already there.
    /// </summary>
    public static Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult> ToCreatedOrOk<T>(
        this OperationResult<T> result, Func<T, bool> isNew, Func<T, string?> location,
        string notFoundDetail = DefaultNotFound, string conflictTitle = DefaultConflict) => result.Status switch
        {
            OperationStatus.Ok when isNew(result.Value!) => TypedResults.Created(location(result.Value!), result.Value!),
            OperationStatus.Ok => TypedResults.Ok(result.Value!),
            OperationStatus.Invalid => Invalid(result.Errors),
            _ => Problem(result, notFoundDetail, conflictTitle),
        };

    public static Results<NoContent, ValidationProblem, ProblemHttpResult> ToNoContent<T>(this OperationResult<T> result) => result.Status switch
    {
        OperationStatus.Ok => TypedResults.NoContent(),
        OperationStatus.Invalid => Invalid(result.Errors),
        _ => Problem(result),
    };

    /// <summary>400 with the messages keyed by field (query parameter or body field, as the caller spelled it).</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);

    /// <summary>400 naming one field.</summary>
    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Invalid(ValidationErrors errors) => Invalid(errors.ToDictionary());

    /// <summary>400 that is not about one field (a whole file, an expired form); extensions carry the details.</summary>
    public static ProblemHttpResult BadRequest(string detail, string title = "Bad request", IDictionary<string, object?>? extensions = null)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title, extensions: extensions);

    public static ProblemHttpResult Unauthorized(string detail)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static ProblemHttpResult NotFound(string detail)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string? detail, string title = DefaultConflict)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);

    public static ProblemHttpResult UnsupportedMediaType(string detail)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");

    public static ProblemHttpResult TooManyRequests(string detail)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");

    /// <summary>
    /// The body of an /api answer that left the pipeline with an error status and no body (unknown route, 401/403 from
    /// authorization, a bare 404): the status and its standard title.
    /// </summary>
    public static ProblemHttpResult Status(int statusCode) => TypedResults.Problem(statusCode: statusCode);

    private const string DefaultNotFound = "No such resource.";
    private const string DefaultConflict = "Conflict";

    private static ProblemHttpResult Problem<T>(OperationResult<T> result, string notFoundDetail = DefaultNotFound, string conflictTitle = DefaultConflict)
        => result.Status switch
        {
            OperationStatus.NotFound => NotFound(result.Detail ?? notFoundDetail),
            OperationStatus.Conflict => Conflict(result.Detail, conflictTitle),
            _ => throw new InvalidOperationException($"{result.Status} is not a problem."),
        };
}
