using System.Text;

namespace Meetup.Web.Features.Shared.PageCache;

/// <summary>
/// One rendered page, kept as UTF-8 pieces cut where the render wrote its per-visitor values (its visitor's
/// antiforgery request token and the response's CSP nonce): serving it writes the pieces with the next visitor's own
/// values in the gaps, without copying or re-encoding the page. Started is when the render began, so the data in it
/// is never older than the entry's age.
/// </summary>
internal sealed class PageCacheEntry
{
    private PageCacheEntry(byte[][] pieces, Gap[] gaps, string contentType, long started, DateTimeOffset clock)
        => (Pieces, Gaps, ContentType, Started, Clock) = (pieces, gaps, contentType, started, clock);

    /// <summary>The page's bytes between the gaps: one more piece than gaps.</summary>
    public byte[][] Pieces { get; }

    /// <summary>What goes between piece i and piece i + 1.</summary>
    public Gap[] Gaps { get; }

    public string ContentType { get; }

    public long Started { get; }

    public DateTimeOffset Clock { get; }

    /// <summary>Cuts <paramref name="html"/> at every occurrence of <paramref name="token"/> and <paramref name="nonce"/> (either may be null: not written).</summary>
    public static PageCacheEntry Cut(string html, string? token, string? nonce, string contentType, long started, DateTimeOffset clock)
    {
        var pieces = new List<byte[]>();
        var gaps = new List<Gap>();
        var from = 0;
        while (true)
        {
            var t = token is null ? -1 : html.IndexOf(token, from, StringComparison.Ordinal);
            var n = nonce is null ? -1 : html.IndexOf(nonce, from, StringComparison.Ordinal);
            if (t < 0 && n < 0)
            {
                break;
            }
            var (at, gap, length) = n < 0 || (t >= 0 && t < n) ? (t, Gap.Token, token!.Length) : (n, Gap.Nonce, nonce!.Length);
            pieces.Add(Encoding.UTF8.GetBytes(html, from, at - from));
            gaps.Add(gap);
            from = at + length;
        }
        pieces.Add(Encoding.UTF8.GetBytes(html, from, html.Length - from));
        return new PageCacheEntry([.. pieces], [.. gaps], contentType, started, clock);
    }

    /// <summary>True when the page holds <paramref name="gap"/> (the render wrote that value).</summary>
    public bool Has(Gap gap) => Array.IndexOf(Gaps, gap) >= 0;

    internal enum Gap
    {
        Token,
        Nonce,
    }
}
