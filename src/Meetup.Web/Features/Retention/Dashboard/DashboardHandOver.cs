using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>
/// Hands the dashboard's data from the prerender, which starts reading it, to the interactive render of
/// the same page load, which shows it: the read (about half a second on a large event) then overlaps the
/// loading of the scripts and the start of the circuit instead of following them.
/// </summary>
/// <remarks>
/// The page persists the token <see cref="Start"/> returns through prerendering (Data Protection keeps
/// it secret and intact). A load is taken once, and only for the same user, event and range; a token
/// shown with anything else is spent and its read cancelled. A load nobody takes within
/// <see cref="Lifetime"/> (a page whose circuit never came) is cancelled and forgotten. The data is what
/// the page load read, as if the page had waited for it. Per process: a circuit on another instance
/// finds nothing and reads for itself.
/// </remarks>
public sealed class DashboardHandOver(TimeProvider time)
{
    /// <summary>How long a started load waits for its interactive render.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Starts <paramref name="load"/>, which returns at once (<see cref="RetentionDashboardService.LoadAsync"/> runs off the caller's thread).</summary>
    /// <returns>The token to take the load with.</returns>
    public string Start(string userId, int eventId, DashboardRange range, Func<CancellationToken, Task<DashboardData?>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var cancel = new CancellationTokenSource();
        var task = load(cancel.Token);
        // A load nobody takes may fail unobserved (it was cancelled, or the database was away): that is no error of anyone's.
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var entry = new Entry(userId, eventId, range, task, cancel);
        _entries[token] = entry;
        entry.Expiry = time.CreateTimer(_ => Expire(token, entry), null, Lifetime, Timeout.InfiniteTimeSpan);
        return token;
    }

    /// <summary>The load started under <paramref name="token"/> for this user, event and range; null when there is none.</summary>
    /// <param name="ct">The taker's lifetime: cancelling it cancels the load.</param>
    public Task<DashboardData?>? Take(string? token, string userId, int eventId, DashboardRange range, CancellationToken ct)
    {
        if (token is null || !_entries.TryRemove(token, out var entry))
        {
            return null;
        }
        entry.Expiry?.Dispose();
        if (entry.UserId != userId || entry.EventId != eventId || entry.Range != range)
        {
            entry.Cancel.Cancel();
            return null;
        }
        ct.Register(static c => ((CancellationTokenSource)c!).Cancel(), entry.Cancel);
        return entry.Load;
    }

    private void Expire(string token, Entry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<string, Entry>(token, entry)))
        {
            entry.Expiry?.Dispose();
            entry.Cancel.Cancel();
        }
    }

    private sealed class Entry(string userId, int eventId, DashboardRange range, Task<DashboardData?> load, CancellationTokenSource cancel)
    {
        public string UserId => userId;
        public int EventId => eventId;
        public DashboardRange Range => range;
        public Task<DashboardData?> Load => load;
        public CancellationTokenSource Cancel => cancel;
        public ITimer? Expiry { get; set; }
    }
}
