using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Meetup.Web.Features.Auth;

/// <summary>Section "SignInThrottle": how failed sign-ins slow down one account at one client address.</summary>
public sealed class SignInThrottleSettings
{
    /// <summary>Failures allowed before the first wait.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>The first wait; each further failure doubles it.</summary>
    public int DelaySeconds { get; set; } = 30;

    /// <summary>The longest wait.</summary>
    public int MaxDelaySeconds { get; set; } = 900;
}

/// <summary>
/// Failed sign-ins per (account, client address), in memory: after <c>FreeFailures</c> that address waits before it may
/// try that account again, 30 s doubling up to 15 min. Never the account as a whole, so nobody can lock the organizer
/// out from elsewhere. Unknown emails count like known ones (the throttle reveals no account). A success at that
/// address, or an hour without failures, starts afresh. Per instance: several instances each keep their own counts.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleSettings> options, TimeProvider time) : IDisposable
{
    // Bounded, so a flood of made-up emails and addresses cannot exhaust memory; the least recently used go first.
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private SignInThrottleSettings Settings => options.Value;

    private TimeSpan MaxDelay => TimeSpan.FromSeconds(Math.Max(1, Settings.MaxDelaySeconds));

    private TimeSpan ForgetAfter => TimeSpan.FromTicks(Math.Max(TimeSpan.FromHours(1).Ticks, 2 * MaxDelay.Ticks));

    /// <summary>How long this address must wait before trying this account again (zero: it may try now).</summary>
    public TimeSpan WaitFor(string email, string client)
    {
        if (!_failures.TryGetValue(Key(email, client), out Failures? failures) || failures is null)
        {
            return TimeSpan.Zero;
        }
        lock (failures)
        {
            var wait = failures.BlockedUntil - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    public void Failed(string email, string client)
    {
        var failures = _failures.GetOrCreate(Key(email, client), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = ForgetAfter;
            return new Failures();
        })!;
        var now = time.GetUtcNow();
        lock (failures)
        {
            if (now - failures.LastFailure >= ForgetAfter)
            {
                failures.Count = 0;
            }
            failures.Count++;
            failures.LastFailure = now;
            var beyond = failures.Count - Math.Max(1, Settings.FreeFailures);
            if (beyond >= 0)
            {
                var delay = TimeSpan.FromSeconds(Math.Max(1, Settings.DelaySeconds) * Math.Pow(2, Math.Min(beyond, 30)));
                failures.BlockedUntil = now + (delay < MaxDelay ? delay : MaxDelay);
            }
        }
    }

    public void Succeeded(string email, string client) => _failures.Remove(Key(email, client));

    public void Dispose() => _failures.Dispose();

    // As Identity normalizes emails for lookups: " Admin@X " and "admin@x" are one account.
    private static string Key(string email, string client) => $"{email.Trim().Normalize().ToUpperInvariant()}\n{client}";

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset LastFailure = DateTimeOffset.MinValue;
        public DateTimeOffset BlockedUntil = DateTimeOffset.MinValue;
    }
}
