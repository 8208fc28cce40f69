using System.Text.Json;
using System.Text.RegularExpressions;
using Meetup.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Tests.Hosting;

/// <summary>
/// /openapi/v1.json describes the API from the same code that serves it: every operation says what it does and which
/// problems it answers, and those match what the endpoint's own metadata (sign-in, rate limit, route values) implies.
/// </summary>
public class OpenApiDocumentTests
{
    // POST …/rsvps/resend answers 202 whatever the session or email, so that it reveals nobody: no 404 to declare.
    private static readonly HashSet<string> AlwaysAccepted = ["POST /api/sessions/{id}/rsvps/resend"];

    [Fact]
    public async Task Every_api_operation_has_a_summary_a_description_and_its_problem_responses()
    {
        await using var app = await TestApp.StartAsync("Sqlite");
        var paths = JsonDocument.Parse(await app.Client().GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .ToList();
        Assert.NotEmpty(endpoints);

        var missing = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var path = DocumentPath(endpoint.RoutePattern.RawText!);
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                var name = $"{method} {path}";
                if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out var operation))
                {
                    missing.Add($"{name}: not in the document");
                    continue;
                }
                foreach (var text in new[] { "summary", "description" })
                {
                    if (!operation.TryGetProperty(text, out var value) || string.IsNullOrWhiteSpace(value.GetString()))
                    {
                        missing.Add($"{name}: no {text}");
                    }
                }
                // A summary is a short title for the list of operations (a handler's XML comment would replace it).
                if (operation.TryGetProperty("summary", out var summary) && summary.GetString()?.Contains('\n', StringComparison.Ordinal) == true)
                {
                    missing.Add($"{name}: the summary is not one line: {summary.GetString()}");
                }
                var problems = ProblemStatuses(operation);
                if (problems.Count == 0)
                {
                    missing.Add($"{name}: declares no problem response");
                }
                var expected = new List<int>();
                if (endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
                {
                    expected.AddRange([401, 403]);
                }
                if (endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
                {
                    expected.Add(429);
                }
                if (endpoint.RoutePattern.Parameters.Count > 0 && !AlwaysAccepted.Contains(name))
                {
                    expected.Add(404);
                }
                missing.AddRange(expected.Where(s => !problems.Contains(s)).Select(s => $"{name}: no {s} problem declared"));
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    /// <summary>The 4xx responses whose body is problem details.</summary>
    private static HashSet<int> ProblemStatuses(JsonElement operation)
        => [.. operation.GetProperty("responses").EnumerateObject()
            .Where(r => r.Name.StartsWith('4')
                && r.Value.TryGetProperty("content", out var content)
                && content.TryGetProperty("application/problem+json", out _))
            .Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>"/api/sessions/{id:int}/checkins/" as the document spells it: "/api/sessions/{id}/checkins".</summary>
    private static string DocumentPath(string pattern)
    {
        var path = Regex.Replace(pattern, @"\{([^}:]+):[^}]+\}", "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }
}
