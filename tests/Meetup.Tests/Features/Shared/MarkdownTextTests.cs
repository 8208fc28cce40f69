using AngleSharp.Html.Parser;
using Meetup.Testing;
using Meetup.Web.Features.Shared;

namespace Meetup.Tests.Features.Shared;

public class MarkdownTextTests
{
    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    public void Script_addresses_in_links_are_dropped(string markdown)
    {
        var html = MarkdownText.ToSafeHtml(markdown);

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_run()
    {
        var html = MarkdownText.ToSafeHtml("<script>alert(1)</script> <img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[site](https://example.com/a?b=c)", "href=\"https://example.com/a?b=c\"")]
    [InlineData("[mail](mailto:org@example.com)", "href=\"mailto:org@example.com\"")]
    [InlineData("[next](/events/x)", "href=\"/events/x\"")]
    [InlineData("**bold** and *em*", "<strong>bold</strong>")]
    public void Ordinary_markdown_and_links_keep_working(string markdown, string expected)
        => Assert.Contains(expected, MarkdownText.ToSafeHtml(markdown), StringComparison.Ordinal);

    [Theory]
    [InlineData("![](x){onerror=alert(document.domain)}")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[b](https://ok.test){onclick=alert(1)}")]
    public void The_reported_payloads_render_without_handlers_or_script_links(string markdown)
        => AssertInert(MarkdownText.ToSafeHtml(markdown));

    [Fact]
    public void A_link_keeps_its_address_but_not_a_generic_attribute()
    {
        var html = MarkdownText.ToSafeHtml("[b](https://ok.test){onclick=alert(1)}");

        // The braces stay as text; the link gets its address and nothing else.
        Assert.Contains("<a href=\"https://ok.test\">b</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(XssPayloads.Theory), MemberType = typeof(XssPayloads))]
    public void No_payload_of_the_corpus_renders_anything_that_can_run(string markdown)
        => AssertInert(MarkdownText.ToSafeHtml(markdown));

    private static readonly string[] Allowed = ["http:", "https:", "mailto:"];
    private static readonly string[] Active = ["script", "iframe", "object", "embed", "svg", "math", "style", "link", "meta", "base", "form", "input", "button", "select", "textarea", "video", "audio", "source", "details"];

    /// <summary>No element that runs or loads script, no event handler, no style, no address but http(s), mailto or site-relative.</summary>
    private static void AssertInert(string html)
    {
        var body = new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, Active);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.LocalName} on <{element.LocalName}> in {html}");
                Assert.NotEqual("style", attribute.LocalName);
                if (attribute.LocalName is "href" or "src" or "action" or "formaction" or "xlink:href" or "srcdoc" or "data")
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    var scheme = value.IndexOf(':') is var colon and > 0 && value.IndexOfAny(['/', '?', '#']) is var stop && (stop < 0 || colon < stop)
                        ? value[..(colon + 1)] : null;
                    Assert.True(scheme is null || Allowed.Contains(scheme, StringComparer.OrdinalIgnoreCase), $"{attribute.LocalName}=\"{attribute.Value}\" in {html}");
                }
            }
        }
    }
}
