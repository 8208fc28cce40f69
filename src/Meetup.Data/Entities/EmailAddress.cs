using System.Text;

namespace Meetup.Data.Entities;

public static class EmailAddress
{
    /// <summary>
    /// The identity of a person (docs/retention.md): Unicode NFKC, trimmed, lower-cased with the
    /// invariant culture, so full-width input from CJK keyboards names the same person.
    /// </summary>
    public static string Normalize(string email)
        => email.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();

    /// <summary>A deliberately modest check: one @, something on each side, a dot in the domain, no spaces.</summary>
    public static bool IsValid(string? normalized)
    {
        if (string.IsNullOrEmpty(normalized) || normalized.Length > 254 || normalized.Any(char.IsWhiteSpace))
        {
            return false;
        }
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != normalized.LastIndexOf('@') || at == normalized.Length - 1)
        {
            return false;
        }
        var domain = normalized[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
