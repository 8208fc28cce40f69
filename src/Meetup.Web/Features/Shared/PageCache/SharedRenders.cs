using System.Collections.Concurrent;

namespace Meetup.Web.Features.Shared.PageCache;

/// <summary>
/// The renders <see cref="PageCacheMiddleware"/> shares, by language and path. An organizer's change to what a
/// page's address means (an event's slug) calls <see cref="Forget"/>, so that an old address redirects at once;
/// seat counts and session edits simply age out within the second.
/// </summary>
public sealed class SharedRenders
{
    // Keys are bounded by what visitors ask for; a flood of made-up paths only empties the table.
    private const int MaxEntries = 5_000;

    internal ConcurrentDictionary<string, PageCacheEntry> Entries { get; } = new(StringComparer.Ordinal);

    // The render under way per key: when an entry expires under a rush, one visitor renders and the others wait
    // for that render (started after the expiry, so just as fresh) instead of all rendering at once.
    internal ConcurrentDictionary<string, Task<PageCacheEntry?>> Rendering { get; } = new(StringComparer.Ordinal);

    /// <summary>Drops every shared render: the next visitor of each page renders it anew.</summary>
    public void Forget() => Entries.Clear();

    internal void Keep(string key, PageCacheEntry entry)
    {
        if (Entries.Count >= MaxEntries)
        {
            Entries.Clear();
        }
        Entries[key] = entry;
    }
}
