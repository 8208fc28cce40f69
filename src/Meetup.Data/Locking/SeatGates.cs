namespace Meetup.Data.Locking;

/// <summary>
/// The in-process queues in front of the database lock (<see cref="SeatLock"/>): striped by session id (two sessions
/// rarely share a stripe, and if they do they only wait for each other in this process). On SQLite, which has one
/// writer at a time, every seat change and every <see cref="TurnTakingWrite"/> queues at <see cref="Sqlite"/>.
/// </summary>
public sealed class SeatGates : IDisposable
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>SQLite's single gate (the database has one write lock).</summary>
    public SemaphoreSlim Sqlite => _stripes[0];

    public SemaphoreSlim For(int sessionId) => _stripes[(int)((uint)sessionId % (uint)_stripes.Length)];

    public void Dispose()
    {
        foreach (var s in _stripes)
        {
            s.Dispose();
        }
    }
}
