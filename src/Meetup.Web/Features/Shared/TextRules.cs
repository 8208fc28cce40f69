using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// The one rule for every text a person or a file gives us (names, titles, emails, answers, search
/// terms, imported cells): no control characters — C0 (NUL, BEL, ESC…), DEL and C1 — and no broken
/// UTF-16 (a lone surrogate). Multi-line text (descriptions, bios, cancel reasons) may hold tabs and
/// line breaks (LF, and the CR of a browser's CRLF); everything else is one line. PostgreSQL cannot
/// store NUL, mail headers break on CR/LF, and terminals obey ESC: refusing them here, with the field
/// named, is simpler than escaping them everywhere they go.
/// </summary>
public static class TextRules
{
    /// <summary>True when <paramref name="value"/> (null counts as fine) is one line of printable text.</summary>
    public static bool IsSingleLine(string? value) => IsClean(value, multiLine: false);

    /// <summary>True when <paramref name="value"/> is printable text where only tabs and line breaks may be controls.</summary>
    public static bool IsMultiLine(string? value) => IsClean(value, multiLine: true);

    /// <summary>The message for a value that is not one line of printable text, else null.</summary>
    public static string? LineError(string? value, IStringLocalizer<Strings> l)
        => IsSingleLine(value) ? null : l["Remove the control characters (such as NUL, tabs or line breaks) from this field; it is one line of text."].Value;

    /// <summary>The message for a value that is not printable multi-line text, else null.</summary>
    public static string? TextError(string? value, IStringLocalizer<Strings> l)
        => IsMultiLine(value) ? null : l["Remove the control characters (such as NUL or BEL) from this field; only tabs and line breaks are allowed."].Value;

    /// <summary>Adds an error naming <paramref name="field"/> unless the value is one line of printable text.</summary>
    public static bool CheckLine(this ValidationErrors errors, string field, string? value, IStringLocalizer<Strings> l)
        => Report(errors, field, LineError(value, l));

    /// <summary>Adds an error naming <paramref name="field"/> unless the value is printable multi-line text.</summary>
    public static bool CheckText(this ValidationErrors errors, string field, string? value, IStringLocalizer<Strings> l)
        => Report(errors, field, TextError(value, l));

    private static bool Report(ValidationErrors errors, string field, string? message)
    {
        if (message is not null)
        {
            errors.Add(field, message);
        }
        return message is null;
    }

    /// <summary>Checks each item of a list of one-line values (languages, links, options), keyed by the list's field.</summary>
    public static bool CheckLines(this ValidationErrors errors, string field, IEnumerable<string?>? values, IStringLocalizer<Strings> l)
        => values?.FirstOrDefault(v => !IsSingleLine(v)) is not { } bad || errors.CheckLine(field, bad, l);

    private static bool IsClean(string? value, bool multiLine)
    {
        if (value is null)
        {
            return true;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || (char.IsControl(c) && !(multiLine && c is '\t' or '\n' or '\r')))
            {
                return false;
            }
        }
        return true;
    }
}
