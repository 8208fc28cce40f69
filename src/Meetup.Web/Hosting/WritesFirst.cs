using Microsoft.Extensions.Options;

namespace Meetup.Web.Hosting;

/// <summary>
/// The RSVPs being written right now (queued for or inside a batch of <c>RsvpBatcher</c>): while any is, the shared
/// page reads yield to them (<see cref="WritesFirst"/>).
/// </summary>
public sealed class RsvpWritesInFlight
{
    private readonly Lock _lock = new();
    private int _count;
    private TaskCompletionSource _calm = Calm();

    /// <summary>One more RSVP in flight until the scope is disposed.</summary>
    public Scope Enter()
    {
        lock (_lock)
        {
            if (_count++ == 0)
            {
                _calm = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        return new Scope(this);
    }

    /// <summary>Completes when no RSVP is in flight, or after <paramref name="most"/>, whichever comes first.</summary>
    public async Task CalmAsync(TimeSpan most, CancellationToken ct)
    {
        Task calm;
        lock (_lock)
        {
            calm = _calm.Task;
        }
        if (calm.IsCompleted)
        {
            return;
        }
        try
        {
            await calm.WaitAsync(most, ct);
        }
        catch (TimeoutException)
        {
            // Waited long enough: this read goes now.
        }
    }

    private void Exit()
    {
        lock (_lock)
        {
            if (--_count == 0)
            {
                _calm.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Calm()
    {
        var calm = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        calm.SetResult();
        return calm;
    }

    public readonly struct Scope(RsvpWritesInFlight owner) : IDisposable
    {
        public void Dispose() => owner.Exit();
    }
}

/// <summary>
/// An RSVP never waits behind page views: a shared page read that holds its <see cref="PageReadLimit"/> turn waits
/// while RSVPs are being written, at most <c>PageReads:RsvpYieldMilliseconds</c> (50), then is served. During a burst
/// of RSVPs the reads go about one per 50 ms per turn (the rest wait in the read queue, costing no CPU) and the RSVPs
/// get the cores; between bursts nothing waits. Off with the read limit (<c>PageReads:ConcurrencyLimit</c> 0).
/// Figures: tests/Meetup.Benchmarks/README.md (public-pages).
/// </summary>
internal static class WritesFirst
{
    public static void UseWritesFirst(this IApplicationBuilder app)
    {
        var writes = app.ApplicationServices.GetRequiredService<RsvpWritesInFlight>();
        var reads = app.ApplicationServices.GetRequiredService<IOptions<PageReadSettings>>();
        app.Use(async (context, next) =>
        {
            if (reads.Value is { Effective: > 0, RsvpYieldMilliseconds: > 0 } settings && PageReadLimit.Applies(context))
            {
                await writes.CalmAsync(TimeSpan.FromMilliseconds(settings.RsvpYieldMilliseconds), context.RequestAborted);
            }
            await next(context);
        });
    }
}
