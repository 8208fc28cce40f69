using Ganss.Xss;
using Markdig;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// Organizer-written Markdown (descriptions, speaker bios) to HTML that cannot run script: Markdig with raw
/// HTML disabled and no generic attributes (<c>{onerror=…}</c>), then HtmlSanitizer with an allow-list of
/// plain formatting tags, a few attributes and only http, https, mailto and site-relative addresses.
/// </summary>
public static class MarkdownText
{
    // No UseAdvancedExtensions: it brings generic attributes (any attribute on any element) and media
    // links (iframes). These extensions add formatting only.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseListExtras()
        .UseDefinitionLists()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "hr", "strong", "em", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote",
            "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "thead", "tbody", "tr", "th", "td",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "start", "type" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
    });

    public static string ToSafeHtml(string? markdown)
        => Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));
}
