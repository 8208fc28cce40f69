using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Meetup.E2E;

/// <summary>
/// Runs axe-core on the page as it stands and keeps what it finds, page by page, so that one test can visit a whole
/// journey and report every problem at once.
/// </summary>
public sealed class AxeScan
{
    private static readonly HashSet<string> Blocking = ["serious", "critical"];

    /// <summary>
    /// Rules axe rates only "moderate" that we hold as firmly: every page has its main landmark and an h1 (a screen
    /// reader's first two ways to find the page's content).
    /// </summary>
    private static readonly HashSet<string> AlwaysBlocking = ["landmark-one-main", "page-has-heading-one"];

    private readonly List<string> _blocking = [];
    private readonly List<string> _minor = [];

    /// <summary>Serious and critical violations (and a missing main or h1), one paragraph each (empty when there are none).</summary>
    public IReadOnlyList<string> BlockingViolations => _blocking;

    /// <summary>Moderate and minor findings: reported, not failed on.</summary>
    public IReadOnlyList<string> MinorFindings => _minor;

    public async Task ScanAsync(IPage page, string name)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        foreach (var violation in result.Violations)
        {
            var text = Describe(name, page.Url, violation);
            var blocking = Blocking.Contains(violation.Impact ?? "") || AlwaysBlocking.Contains(violation.Id);
            (blocking ? _blocking : _minor).Add(text);
        }
    }

    public string Report()
    {
        var report = new StringBuilder();
        report.AppendLine($"{_blocking.Count} serious or critical accessibility violation(s):");
        foreach (var violation in _blocking)
        {
            report.AppendLine(violation);
        }
        return report.ToString();
    }

    private static string Describe(string name, string url, AxeResultItem violation)
    {
        var text = new StringBuilder($"[{name}] {violation.Id} ({violation.Impact}) on {url}: {violation.Help}");
        foreach (var node in violation.Nodes)
        {
            text.Append($"\n    {node.Target} — {Why(node)}");
        }
        return text.ToString();
    }

    private static string Why(AxeResultNode node)
        => string.Join(" ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message).Take(2));
}
