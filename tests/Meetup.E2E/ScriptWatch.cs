using Microsoft.Playwright;

namespace Meetup.E2E;

/// <summary>
/// Listens on a page for anything a script injection or a too-strict Content-Security-Policy would show: dialogs
/// (the XSS corpus calls alert()), CSP refusals in the console ("Refused to …").
/// </summary>
public sealed class ScriptWatch
{
    // What the corpus payloads leave behind if they ran, and attributes or addresses that could run script.
    private const string Inspect = """
        () => {
          const found = [];
          if (window.__xss !== undefined) found.push('window.__xss was set');
          for (const el of document.querySelectorAll('*')) {
            for (const a of el.attributes) {
              const name = a.name.toLowerCase();
              if (name.startsWith('on')) found.push(`${name} on <${el.localName}>`);
              if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(name)) {
                const v = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
                if (/^(javascript|vbscript|data):/.test(v) || name === 'srcdoc') found.push(`${name}="${a.value}" on <${el.localName}>`);
              }
            }
            if (['script', 'iframe', 'object', 'embed'].includes(el.localName) && !el.closest('head') && !(el.localName === 'script' && el.src)) {
              found.push(`<${el.localName}> in the body`);
            }
          }
          return found;
        }
        """;

    private readonly List<string> _events = [];

    public ScriptWatch(IPage page)
    {
        Page = page;
        page.Dialog += async (_, dialog) =>
        {
            _events.Add($"{page.Url}: a {dialog.Type} dialog \"{dialog.Message}\"");
            await dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Refused to", StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _events.Add($"{page.Url}: console {message.Type}: {message.Text}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>What ran or was refused so far, plus anything on the current page that could run.</summary>
    public async Task<IReadOnlyList<string>> FindingsAsync()
    {
        var found = await Page.EvaluateAsync<string[]>(Inspect);
        return [.. _events, .. found.Select(f => $"{Page.Url}: {f}")];
    }

    /// <summary>Nothing ran, nothing was refused and nothing on the page could run.</summary>
    public async Task AssertCleanAsync()
    {
        var findings = await FindingsAsync();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
