using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Meetup.Web.Features.Shared.Links;

/// <summary>
/// The secret in an RSVP's manage link: 192 random bits, URL-safe base64 (32 characters). Only its
/// SHA-256 is stored (<see cref="ManageLinkHashes"/>), so a database leak does not hand out links.
/// </summary>
public static class ManageTokens
{
    private const int Bytes = 24;
    public const int Length = 32;

    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(Bytes));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Cheap shape check before any lookup: anything else is simply "not found".</summary>
    public static bool LooksValid(string? token)
        => token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
