namespace Meetup.Web.Features.Shared;

/// <summary>
/// A background loop's doorbell: the loop waits for its next poll or for <see cref="Notify"/>, whichever comes first,
/// so work handed to it now starts now. A ring while the loop is busy is kept (one), so the loop goes round once more
/// instead of missing it.
/// </summary>
public class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled by a concurrent caller.
            }
        }
    }

    public Task WaitAsync(CancellationToken ct) => _signal.WaitAsync(ct);

    /// <summary>Returns when notified or when <paramref name="poll"/> has passed on <paramref name="time"/> (or when stopped).</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken ct)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(poll, time, wake.Token);
        var signalled = WaitAsync(wake.Token);
        await Task.WhenAny(delay, signalled);
        await wake.CancelAsync();
        try
        {
            await Task.WhenAll(delay, signalled);
        }
        catch (OperationCanceledException)
        {
            // The other waiter, cancelled on purpose.
        }
    }
}
