using System.Security.Cryptography;

namespace Meetup.Web.Features.Shared.Links;

/// <summary>
/// The short code a person reads out or types at the door: six characters from an alphabet without
/// look-alikes (no 0/O, 1/I/L), about 887 million codes, unique within a session.
/// </summary>
public static class CheckInCodes
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 6;

    public static string New() => string.Create(Length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });

    /// <summary>"k7q-m4x " → "K7QM4X"; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var code = new string([.. typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    /// <summary>"K7QM4X" → "K7Q-M4X": easier to read aloud.</summary>
    public static string Display(string code) => code.Length == Length ? $"{code[..3]}-{code[3..]}" : code;
}
