using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// What a person gives about themselves on any public form (RSVP, follow, door, manage page): an address that receives
/// email, a name that can be shown, a language the app speaks. Each error names its field.
/// </summary>
public static class PersonRules
{
    public const int MaxNameLength = 200;

    /// <summary>The address, normalized; null (with the field's error) when missing, malformed or undeliverable.</summary>
    public static string? DeliverableEmail(string? input, ValidationErrors errors, IStringLocalizer<Strings> l)
    {
        var email = EmailRules.Check(errors, "email", input, l);
        if (email is not null && !AccountAddress.IsDeliverable(email))
        {
            errors.Add("email", l["Enter an address that receives email: your confirmation and link go there."]);
            return null;
        }
        return email;
    }

    /// <summary>The trimmed name; null when empty (an error only if <paramref name="required"/>) or invalid.</summary>
    public static string? Name(string? input, bool required, ValidationErrors errors, IStringLocalizer<Strings> l)
    {
        var name = input?.Trim() ?? "";
        if (name.Length == 0)
        {
            if (required)
            {
                errors.Add("name", l["Enter your name."]);
            }
            return null;
        }
        if (name.Length > MaxNameLength)
        {
            errors.Add("name", l["Keep your name under {0} characters.", MaxNameLength]);
            return null;
        }
        if (!TextRules.IsSingleLine(name))
        {
            errors.Add("name", l["Your name contains characters that cannot be shown (control characters or line breaks)."]);
            return null;
        }
        return name;
    }

    /// <summary>A known language code (any zh-* is zh); null when none was given or it is unknown (with an error).</summary>
    public static string? Language(string? input, ValidationErrors errors, IStringLocalizer<Strings> l)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        if (!errors.CheckLine("language", input, l))
        {
            return null;
        }
        var code = input.Trim().ToLowerInvariant();
        if (code.StartsWith("zh", StringComparison.Ordinal))
        {
            code = "zh";
        }
        if (!AppLanguages.IsKnown(code))
        {
            errors.Add("language", l["Choose one of: {0}.", Punctuation.List(AppLanguages.Codes)]);
            return null;
        }
        return code;
    }
}
