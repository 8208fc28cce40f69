using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// Organizer-written Markdown to HTML for public pages: raw HTML is disabled, and links or images
/// whose address is not http(s), mailto or site-relative (e.g. <c>javascript:</c>) lose their address.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    public static string ToSafeHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }
        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }
        var trimmed = url.Trim();
        if ((trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal)) || trimmed.StartsWith('#') || trimmed.StartsWith('?'))
        {
            return true;
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto);
    }
}
