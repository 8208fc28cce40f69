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
}
