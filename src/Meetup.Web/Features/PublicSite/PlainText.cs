using System.Text;
using Markdig;

namespace Meetup.Web.Features.PublicSite;

/// <summary>Organizer-written Markdown as plain text, for link previews, meta tags and calendar entries.</summary>
public static class PlainText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    /// <summary>The text with each paragraph or list item on its own line.</summary>
    public static string FromMarkdown(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var text = Markdown.ToPlainText(markdown, Pipeline).ReplaceLineEndings("\n");
        return string.Join("\n", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>One line of at most <paramref name="maxLength"/> characters, cut at a word when there is one.</summary>
    public static string Excerpt(string? markdown, int maxLength = 200)
    {
        var flat = Collapse(FromMarkdown(markdown));
        if (flat.Length <= maxLength)
        {
            return flat;
        }
        var cut = flat[..(maxLength - 1)];
        var space = cut.LastIndexOf(' ');
        // CJK text has no spaces; only back up to a space when it does not throw away most of the text.
        if (space > maxLength / 2)
        {
            cut = cut[..space];
        }
        return cut.TrimEnd(' ', ',', ';', ':', '.', '、', '，') + "…";
    }

    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString().TrimEnd();
    }
}
