using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Meetup.Web.Features.Shared;

namespace Meetup.Web.Features.Notifications;

/// <summary>Writes the plain-text and the HTML part of an email side by side; everything typed by people is encoded.</summary>
internal sealed class EmailBody
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    /// <summary>
    /// A body in the current UI culture's language (the one the template writes in). Every email's HTML starts here:
    /// one head (UTF-8, phone-width viewport) and one body style for all of them.
    /// </summary>
    public EmailBody() => _html.Append("<!DOCTYPE html><html lang=\"").Append(E(CultureInfo.CurrentUICulture.Name)).Append("\"><head>")
        .Append("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>")
        .Append("<body style=\"font-family:").Append(Fonts()).Append(";color:#1c2333;line-height:1.6;max-width:560px;margin:0 auto;padding:16px\">");

    public EmailBody Heading(string text)
    {
        _text.AppendLine(text).AppendLine(new string('=', Math.Min(60, Columns(text)))).AppendLine();
        _html.Append("<h1 style=\"font-size:20px;margin:0 0 12px\">").Append(E(text)).Append("</h1>");
        return this;
    }

    /// <summary>A paragraph; a line break in it (an organizer's reason, a personal line) stays a line break.</summary>
    public EmailBody Paragraph(string text)
    {
        _text.AppendLine(Lines(text)).AppendLine();
        _html.Append("<p>").Append(HtmlLines(text)).Append("</p>");
        return this;
    }

    /// <summary>
    /// A paragraph that holds <paramref name="url"/> in its text: the plain-text part shows the address, the HTML part
    /// makes it a link (a bare address in HTML is a link only where the mail client chooses so).
    /// </summary>
    public EmailBody ParagraphLinking(string text, string url)
    {
        _text.AppendLine(text).AppendLine();
        var link = $"<a href=\"{E(url)}\" style=\"word-break:break-all\">{E(url)}</a>"; // a long address wraps on a phone
        _html.Append("<p>").Append(E(text).Replace(E(url), link, StringComparison.Ordinal)).Append("</p>");
        return this;
    }

    /// <summary>Someone's own text, as written: line breaks kept, markup shown as text (never interpreted).</summary>
    public EmailBody Quote(string text)
    {
        _text.AppendLine(Lines(text)).AppendLine();
        _html.Append("<div style=\"border-left:3px solid #e3e6ee;padding:4px 0 4px 12px;margin:12px 0\">").Append(HtmlLines(text)).Append("</div>");
        return this;
    }

    public EmailBody Details(IEnumerable<(string Label, string Value)> rows)
    {
        _html.Append("<table style=\"border-collapse:collapse;margin:8px 0 16px\">");
        foreach (var (label, value) in rows)
        {
            _text.AppendLine(Punctuation.Label(label, value));
            _html.Append("<tr><td style=\"padding:2px 12px 2px 0;color:#5b6478;vertical-align:top;white-space:nowrap\">").Append(E(label))
                .Append("</td><td style=\"padding:2px 0\">").Append(E(value)).Append("</td></tr>");
        }
        _text.AppendLine();
        _html.Append("</table>");
        return this;
    }

    public EmailBody Code(string label, string code, string? qrContentId, string qrAlt)
    {
        _text.AppendLine(Punctuation.Label(label, code)).AppendLine();
        _html.Append("<div style=\"border:1px solid #e3e6ee;border-radius:12px;padding:16px;text-align:center;margin:16px 0\">");
        if (qrContentId is not null)
        {
            _html.Append("<img src=\"cid:").Append(E(qrContentId)).Append("\" alt=\"").Append(E(qrAlt)).Append("\" width=\"200\" height=\"200\" style=\"display:block;margin:0 auto 8px\">");
        }
        _html.Append("<div style=\"color:#5b6478\">").Append(E(label)).Append("</div>")
            .Append("<div style=\"font-size:28px;font-weight:700;letter-spacing:4px;font-family:ui-monospace,monospace\">").Append(E(code)).Append("</div></div>");
        return this;
    }

    public EmailBody Link(string text, string url)
    {
        _text.AppendLine(Punctuation.Label(text, url)).AppendLine();
        _html.Append("<p><a href=\"").Append(E(url)).Append("\" style=\"display:inline-block;background:#3559c7;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none;font-weight:600\">")
            .Append(E(text)).Append("</a></p>");
        return this;
    }

    public string Text => _text.ToString().TrimEnd() + "\n";

    public string Html => _html + "</body></html>";

    // Markup characters escaped, every script kept as text (HtmlEncoder.Default would turn CJK into &#x…; references).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string s) => Encoder.Encode(s);

    private static string[] SplitLines(string text) => text.ReplaceLineEndings("\n").Split('\n');

    private static string Lines(string text) => string.Join(Environment.NewLine, SplitLines(text));

    /// <summary>Each line encoded, then joined by &lt;br&gt;: the only markup is ours, typed text never becomes any.</summary>
    private static string HtmlLines(string text) => string.Join("<br>", SplitLines(text).Select(E));

    /// <summary>Japanese and Chinese share code points but not glyph shapes: each gets its own fonts first.</summary>
    private static string Fonts() => AppLanguages.CodeOf(CultureInfo.CurrentUICulture) switch
    {
        "zh" => "system-ui,-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif",
        _ => "system-ui,-apple-system,'Segoe UI','Hiragino Sans','Noto Sans CJK JP',sans-serif",
    };

    /// <summary>How wide the text is in a monospaced mail reader: CJK characters take two columns.</summary>
    private static int Columns(string text) => text.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF'
        or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);
}
