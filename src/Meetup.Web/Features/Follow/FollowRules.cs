using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Follow;

/// <summary>The checked form of a <see cref="FollowInput"/>.</summary>
internal sealed record FollowFields(string Email, string? Name, string? Language);

/// <summary>What a follow request must hold: a deliverable address; a name and language if given.</summary>
internal static class FollowRules
{
    public const int MaxNameLength = 200;

    public static OperationResult<FollowFields> Check(FollowInput input, IStringLocalizer<Strings> l)
    {
        var errors = new ValidationErrors();
        var email = EmailRules.Check(errors, "email", input.Email, l);
        if (email is not null && !AccountAddress.IsDeliverable(email))
        {
            errors.Add("email", l["Enter an address that receives email: your confirmation and link go there."]);
        }
        var name = CheckName(input.Name, errors, l);
        var language = CheckLanguage(input.Language, errors, l);
        return errors.IsEmpty
            ? OperationResult<FollowFields>.Ok(new FollowFields(email!, name, language))
            : OperationResult<FollowFields>.Invalid(errors);
    }

    private static string? CheckName(string? input, ValidationErrors errors, IStringLocalizer<Strings> l)
    {
        var name = input?.Trim() ?? "";
        if (name.Length == 0)
        {
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

    private static string? CheckLanguage(string? input, ValidationErrors errors, IStringLocalizer<Strings> l)
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
