using System.Globalization;
using System.Text;
using Meetup.Data.Entities;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// People imported from a tool that gives no e-mail (connpass without a questionnaire) are known by
/// their account on that site, stored where an e-mail goes as <c>{account}@{site}.invalid</c>: the
/// reserved <c>.invalid</c> domain (RFC 2606) delivers nowhere, the normalized account matches the
/// same person across that site's files, and every rule keyed by e-mail keeps working. The cost: a
/// person who later RSVPs with a real address is a second attendee until merged (AttendeeMerge).
/// </summary>
public static class AccountAddress
{
    private const string Tld = ".invalid";

    // The export's placeholder for erased people (ErasedPeople) lives under erased.invalid.
    private const string Reserved = "erased";

    /// <summary>The address of <paramref name="account"/> on <paramref name="site"/> (a <see cref="IsSite"/> label), or null for an empty account.</summary>
    public static string? For(string site, string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!IsSite(site))
        {
            throw new ArgumentException($"'{site}' is not a site name: lower-case letters, digits and hyphens.", nameof(site));
        }
        var normalized = EmailAddress.Normalize(account);
        if (normalized.Length == 0)
        {
            return null;
        }
        // Escape what an address cannot hold (and '%' itself), so two different accounts never meet.
        var local = new StringBuilder(normalized.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (rune.Value is '@' or '%' || Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                foreach (var b in bytes[..rune.EncodeToUtf8(bytes)])
                {
                    local.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                local.Append(rune.ToString());
            }
        }
        return local.Append('@').Append(site).Append(Tld).ToString();
    }

    /// <summary>A site name as the address holds it: one DNS label, lower-case ASCII letters, digits and inner hyphens.</summary>
    public static bool IsSite(string? site)
        => site is { Length: > 0 and <= 63 }
            && site != Reserved
            && site.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            && site[0] != '-' && site[^1] != '-';

    /// <summary>Whether mail to <paramref name="email"/> can arrive: not under the reserved <c>.invalid</c> domain.</summary>
    public static bool IsDeliverable(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return !email.TrimEnd().EndsWith(Tld, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>How the screens show a person's address: <c>taro_y (connpass)</c> for an account, else the address itself.</summary>
    public static string Display(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        if (at <= 0 || !email.EndsWith(Tld, StringComparison.Ordinal))
        {
            return email;
        }
        var site = email[(at + 1)..^Tld.Length];
        if (!IsSite(site))
        {
            return email;
        }
        return IsWithdrawn(email)
            ? $"(withdrawn user {email[WithdrawnPrefix.Length..at]}) ({site})"
            : $"{Uri.UnescapeDataString(email[..at])} ({site})";
    }

    // A local part no account can give: For escapes every '%' of an account as %25.
    private const string WithdrawnPrefix = "%withdrawn-";

    // What connpass shows where a withdrawn user's name was.
    private static readonly string[] WithdrawnNames = ["退会ユーザー", "退会したユーザー", "退会済みユーザー", "withdrawnuser", "deleteduser"];

    /// <summary>Whether a cell is the name a site shows for someone who left it: connpass's <c>(退会ユーザー)</c>.</summary>
    public static bool IsWithdrawnName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var key = new string([.. text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c is not ('(' or ')' or '[' or ']' or '_'))]);
        return WithdrawnNames.Contains(key);
    }

    /// <summary>
    /// A withdrawn user of <paramref name="site"/>: the <paramref name="number"/>-th in the session starting at
    /// <paramref name="sessionStartUtc"/>. Not one person for every "(退会ユーザー)" row, but one per row; the
    /// same file imported again names the same people, so nothing is added twice.
    /// </summary>
    public static string Withdrawn(string site, DateTime sessionStartUtc, int number)
    {
        if (!IsSite(site))
        {
            throw new ArgumentException($"'{site}' is not a site name: lower-case letters, digits and hyphens.", nameof(site));
        }
        return string.Create(CultureInfo.InvariantCulture, $"{WithdrawnPrefix}{sessionStartUtc:yyyyMMdd't'HHmm}-{number}@{site}{Tld}");
    }

    /// <summary>Whether the address stands for a withdrawn user (<see cref="Withdrawn"/>).</summary>
    public static bool IsWithdrawn(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.StartsWith(WithdrawnPrefix, StringComparison.Ordinal) && email.EndsWith(Tld, StringComparison.Ordinal);
    }
}
