using Microsoft.AspNetCore.Http.HttpResults;

namespace Meetup.Web.Features.Shared;

/// <summary>Turns a service's OperationResult into the API's typed results (RFC 9457 problems for failures).</summary>
public static class ApiResults
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToOk<T>(this OperationResult<T> result) => result.Status switch
    {
        OperationStatus.Ok => TypedResults.Ok(result.Value!),
        OperationStatus.Invalid => TypedResults.ValidationProblem(result.Errors.ToDictionary()),
        _ => Problem(result),
    };

    public static Results<Created<T>, ValidationProblem, ProblemHttpResult> ToCreated<T>(this OperationResult<T> result, Func<T, string> location) => result.Status switch
    {
        OperationStatus.Ok => TypedResults.Created(location(result.Value!), result.Value!),
        OperationStatus.Invalid => TypedResults.ValidationProblem(result.Errors.ToDictionary()),
        _ => Problem(result),
    };

    public static Results<NoContent, ValidationProblem, ProblemHttpResult> ToNoContent<T>(this OperationResult<T> result) => result.Status switch
    {
        OperationStatus.Ok => TypedResults.NoContent(),
        OperationStatus.Invalid => TypedResults.ValidationProblem(result.Errors.ToDictionary()),
        _ => Problem(result),
    };

    public static ProblemHttpResult NotFound(string detail)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static ProblemHttpResult Problem<T>(OperationResult<T> result) => result.Status switch
    {
        OperationStatus.NotFound => NotFound(result.Detail ?? "No such resource."),
        OperationStatus.Conflict => TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        _ => throw new InvalidOperationException($"{result.Status} is not a problem."),
    };
}
