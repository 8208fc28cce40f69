using System.Text;
using Meetup.Data.Entities;

namespace Meetup.Web.Features.Import;

/// <summary>
/// The values of the enumerated fields (docs/import-format.md): what the parser reads and what a
/// <see cref="ValueMapping"/> may translate another tool's values into. One place, so the parser
/// and the import screen agree on which values need no translation.
/// </summary>
public static class ImportValues
{
    /// <summary>The fields whose values come from a fixed list.</summary>
    public static IReadOnlyList<string> Enumerated { get; } =
        [ImportFields.SessionFormat, ImportFields.SessionStatus, ImportFields.Rsvp, ImportFields.Attended];

    /// <summary>The canonical values of an enumerated field, in the order the screen offers them; empty for other fields.</summary>
    public static IReadOnlyList<string> Choices(string field) => field switch
    {
        ImportFields.Attended => ["yes", "no"],
        ImportFields.Rsvp => ["confirmed", "waitlisted", "cancelled", "none"],
        ImportFields.SessionStatus => ["held", "cancelled"],
        ImportFields.SessionFormat => ["in_person", "online", "hybrid"],
        _ => [],
    };

    /// <summary>Whether the parser reads <paramref name="value"/> (a trimmed cell) of <paramref name="field"/> without a translation.</summary>
    public static bool Accepts(string field, string value) => field switch
    {
        ImportFields.Attended => TryParseAttended(value, out _),
        ImportFields.Rsvp => TryParseRsvp(value, out _),
        ImportFields.SessionStatus => TryParseStatus(value, out _),
        ImportFields.SessionFormat => TryParseFormat(value, out _),
        _ => true,
    };

    /// <summary>A value as mappings compare it: trimmed, NFKC (full-width letters are plain ones), lower-case.</summary>
    public static string KeyOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
    }

    internal static bool TryParseAttended(string text, out bool attended)
    {
        bool? parsed = text.ToLowerInvariant() switch
        {
            "yes" or "true" or "1" => true,
            "no" or "false" or "0" => false,
            _ => null,
        };
        attended = parsed ?? false;
        return parsed is not null;
    }

    internal static bool TryParseRsvp(string text, out ImportRsvp rsvp)
    {
        ImportRsvp? parsed = text.ToLowerInvariant() switch
        {
            "" or "none" => ImportRsvp.None,
            "confirmed" => ImportRsvp.Confirmed,
            "waitlisted" => ImportRsvp.Waitlisted,
            "cancelled" or "canceled" => ImportRsvp.Cancelled,
            _ => null,
        };
        rsvp = parsed ?? ImportRsvp.None;
        return parsed is not null;
    }

    /// <summary>Empty is valid and stays unknown (null): an existing session keeps its status.</summary>
    internal static bool TryParseStatus(string text, out SessionStatus? status)
    {
        status = null;
        switch (text.ToLowerInvariant())
        {
            case "":
                return true;
            case "held":
                status = SessionStatus.Published;
                return true;
            case "cancelled" or "canceled":
                status = SessionStatus.Cancelled;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Empty is valid and stays unknown (null): an existing session keeps its format.</summary>
    internal static bool TryParseFormat(string text, out SessionFormat? format)
    {
        format = null;
        if (text.Length == 0)
        {
            return true;
        }
        if (EnumNames.TryParseSnakeCase<SessionFormat>(text, out var parsed))
        {
            format = parsed;
            return true;
        }
        return false;
    }
}
