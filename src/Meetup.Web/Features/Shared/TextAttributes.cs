using System.ComponentModel.DataAnnotations;
using Meetup.Data.Entities;

namespace Meetup.Web.Features.Shared;

/// <summary><see cref="TextRules.IsSingleLine"/> for DataAnnotations form models (the message is the English localizer key).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SingleLineAttribute() : ValidationAttribute("Remove the control characters (such as NUL, tabs or line breaks) from this field; it is one line of text.")
{
    public override bool IsValid(object? value) => value is not string text || TextRules.IsSingleLine(text);
}

/// <summary><see cref="EmailRules.IsAcceptable"/> for DataAnnotations form models; empty passes (pair it with [Required]).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MailboxAttribute() : ValidationAttribute("Enter a valid email address, e.g. name@example.com.")
{
    public override bool IsValid(object? value)
        => value is not string text || text.Length == 0 || EmailRules.IsAcceptable(EmailAddress.Normalize(text));
}
