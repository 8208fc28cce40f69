using Microsoft.AspNetCore.Mvc;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// What the OpenAPI document (<c>/openapi/v1.json</c>) says of an endpoint: a summary, a description and the problem
/// answers it can give (all built by <see cref="ApiResults"/>). 400 for field errors comes with a
/// <c>ValidationProblem</c> in the handler's return type; the others are declared here.
/// </summary>
public static class ApiDocs
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    public static TBuilder Describe<TBuilder>(this TBuilder builder, string summary, string description)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithSummary(summary).WithDescription(description);

    /// <summary>Problem details (RFC 9457) answered with these status codes.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ProblemJson));
        }
        return builder;
    }

    /// <summary>401 without a bearer token, 403 for a role the route does not admit.</summary>
    public static TBuilder ProducesSignInProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}
