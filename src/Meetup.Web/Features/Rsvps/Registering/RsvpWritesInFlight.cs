namespace Meetup.Web.Features.Rsvps.Registering;

/// <summary>
/// The RSVPs being written right now (queued for or inside a batch of <see cref="RsvpBatcher"/>): while any is, the
/// shared page reads yield to them (Hosting's <c>WritesFirst</c>; docs/architecture.md).
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
