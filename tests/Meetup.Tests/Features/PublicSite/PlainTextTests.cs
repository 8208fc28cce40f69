using Meetup.Web.Features.PublicSite;

namespace Meetup.Tests.Features.PublicSite;

public class PlainTextTests
{
    [Fact]
    public void Markdown_becomes_plain_text_with_a_line_per_paragraph()
        => Assert.Equal("A bold move.\nSee the docs.\nfirst\nsecond",
            PlainText.FromMarkdown("A **bold** move.\n\nSee [the docs](https://example.com).\n\n- first\n- second"));

    [Fact]
    public void An_excerpt_is_cut_at_a_word_and_marked()
    {
        var excerpt = PlainText.Excerpt("Kubernetes storage with CSI drivers and dynamic provisioning", 30);

        Assert.Equal("Kubernetes storage with CSI…", excerpt);
        Assert.True(excerpt.Length <= 30);
    }

    [Fact]
    public void An_excerpt_of_text_without_spaces_is_cut_anywhere()
    {
        var excerpt = PlainText.Excerpt(new string('学', 50), 20);

        Assert.Equal(new string('学', 19) + "…", excerpt);
    }
}
