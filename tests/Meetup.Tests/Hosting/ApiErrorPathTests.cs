using System.Text.RegularExpressions;
using Meetup.Testing;

namespace Meetup.Tests.Hosting;

/// <summary>
/// Every /api failure is built by ApiResults (one place decides status, title and field keys). A problem built anywhere
/// else in the app is a second error path: this scan of the source finds it.
/// </summary>
public class ApiErrorPathTests
{
    // Building a problem body, or an error answer with a body that is not one. A bare status without a body
    // (TypedResults.NotFound()) is fine: the status-code pages answer it, under /api through ApiResults.Status.
    private static readonly Regex HandBuiltProblem = new(
        @"(?<!\w)(Typed)?Results\.(Problem|ValidationProblem)\s*\("
        + @"|\bIProblemDetailsService\b|\bProblemDetailsContext\b|\bnew\s+(HttpValidation)?ProblemDetails\b"
        + @"|(?<!\w)(Typed)?Results\.(BadRequest|Conflict|NotFound|UnprocessableEntity|InternalServerError)\s*\(\s*[^)\s]",
        RegexOptions.Compiled);

    [Fact]
    public void No_file_but_ApiResults_builds_a_problem_by_hand()
    {
        var web = Path.Combine(RepoRoot.Path, "src", "Meetup.Web");
        var sources = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !IsUnder(f, web, "bin") && !IsUnder(f, web, "obj"))
            .ToList();
        Assert.Contains(sources, f => Path.GetFileName(f) == "ApiResults.cs"); // the scan reads the real tree

        var offenders = (
            from file in sources
            where Path.GetFileName(file) != "ApiResults.cs"
            from line in File.ReadLines(file).Select((text, i) => (text, number: i + 1))
            where HandBuiltProblem.IsMatch(line.text)
            select $"{Path.GetRelativePath(web, file)}:{line.number}: {line.text.Trim()}").ToList();

        Assert.True(offenders.Count == 0, "Build these through ApiResults:\n" + string.Join("\n", offenders));
    }

    private static bool IsUnder(string file, string root, string folder)
        => Path.GetRelativePath(root, file).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
