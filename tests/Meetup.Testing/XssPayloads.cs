namespace Meetup.Testing;

/// <summary>
/// The XSS corpus (TestData/xss-payloads.txt): strings that would call <c>alert()</c> or set <c>window.__xss</c>
/// if a page ever let them run, for every Markdown and plain-text field.
/// </summary>
public static class XssPayloads
{
    public static IReadOnlyList<string> All { get; } = Load();

    /// <summary>The payload as a one-line plain-text value (names, titles, venues).</summary>
    public static string OneLine(string payload) => payload.Replace('\n', ' ');

    public static TheoryData<string> Theory
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var payload in All)
            {
                data.Add(payload);
            }
            return data;
        }
    }

    private static List<string> Load()
    {
        using var stream = typeof(XssPayloads).Assembly.GetManifestResourceStream("xss-payloads.txt")
            ?? throw new InvalidOperationException("xss-payloads.txt is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal))
            .Select(line => line.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal))
            .ToList();
    }
}
