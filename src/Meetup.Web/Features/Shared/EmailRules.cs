using Meetup.Data.Entities;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;
using MimeKit;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// Whether an address can be stored and mailed: <see cref="EmailAddress.IsValid"/>'s modest shape, no
/// control characters (<see cref="TextRules"/>), and MimeKit — the library that sends it — reads it as
/// exactly that one mailbox (no display name, no group, nothing left over). An address the sender could
/// never parse is refused at the door instead of failing in the outbox for ever.
/// </summary>
public static class EmailRules
{
    /// <summary>True when the normalized address is fit to keep and to send to.</summary>
    public static bool IsAcceptable(string? normalized)
    {
        if (!EmailAddress.IsValid(normalized) || !TextRules.IsSingleLine(normalized))
        {
            return false;
        }
        return CanSend(normalized);
    }

    /// <summary>True when MimeKit parses <paramref name="address"/> as exactly that mailbox.</summary>
    public static bool CanSend(string? address)
        => !string.IsNullOrEmpty(address)
           && TextRules.IsSingleLine(address)
           && MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox)
           && string.IsNullOrEmpty(mailbox.Name)
           && string.Equals(mailbox.Address, address, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The normalized address of a required email field, or null with an error naming <paramref name="field"/>.
    /// </summary>
    public static string? Check(ValidationErrors errors, string field, string? input, IStringLocalizer<Strings> l)
    {
        if (!TextRules.IsSingleLine(input))
        {
            errors.CheckLine(field, input, l);
            return null;
        }
        var email = EmailAddress.Normalize(input ?? "");
        if (email.Length == 0)
        {
            errors.Add(field, l["Enter your email address."]);
            return null;
        }
        if (!IsAcceptable(email))
        {
            errors.Add(field, l["Enter a valid email address, e.g. name@example.com."]);
            return null;
        }
        return email;
    }
}
