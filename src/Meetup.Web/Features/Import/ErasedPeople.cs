using System.Globalization;

namespace Meetup.Web.Features.Import;

/// <summary>
/// An erased person has no email, yet their anonymous attendance keeps the figures true. The
/// export names them <c>erased-{attendeeId}@erased.invalid</c> (a reserved domain: no one's
/// address), and the import matches that name back to the same anonymous attendee.
/// </summary>
public static class ErasedPeople
{
    private const string Prefix = "erased-";
    private const string Domain = "@erased.invalid";

    public static string Placeholder(int attendeeId) => Prefix + attendeeId.ToString(CultureInfo.InvariantCulture) + Domain;

    public static bool TryParse(string email, out int attendeeId)
    {
        attendeeId = 0;
        return email.StartsWith(Prefix, StringComparison.Ordinal)
            && email.EndsWith(Domain, StringComparison.Ordinal)
            && int.TryParse(email.AsSpan(Prefix.Length, email.Length - Prefix.Length - Domain.Length),
                NumberStyles.None, CultureInfo.InvariantCulture, out attendeeId);
    }
}
