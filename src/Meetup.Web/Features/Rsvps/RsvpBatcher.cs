using System.Threading.Channels;

namespace Meetup.Web.Features.Rsvps;

/// <summary>A checked RSVP waiting for its seat.</summary>
internal sealed record RsvpRequest(int SessionId, RsvpFields Fields, string Token, string ProtectedToken, string BaseUrl);

/// <summary>What the batch decided: an outcome, "not open" with why, or neither (write it alone).</summary>
internal sealed record RsvpBatchResult(RsvpOutcome? Outcome, NotOpenReason? NotOpen = null, DateTime? OpensAt = null)
{
    public static readonly RsvpBatchResult Alone = new((RsvpOutcome?)null);
}

/// <summary>
/// Group commit for RSVPs. Requests queue here after validation; one loop takes everything that
/// arrived meanwhile (up to <see cref="MaxBatch"/>), and writes each session's share in one
/// <see cref="SeatLock"/> unit — one lock, a handful of statements and one commit for many RSVPs —
/// in arrival order, so seats and waitlist positions still go first come, first served. Sessions in
/// one batch are written in parallel (on PostgreSQL they lock different rows). A group that fails as
/// a whole (a lost race on a unique index) answers <see cref="RsvpBatchResult.Alone"/> and each
/// request is then written on its own, with retries.
/// </summary>
public sealed class RsvpBatcher : IAsyncDisposable
{
    public const int MaxBatch = 64;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<RsvpBatcher> _logger;
    private readonly Task _loop;

    public RsvpBatcher(IServiceScopeFactory scopes, ILogger<RsvpBatcher> logger)
    {
        _scopes = scopes;
        _logger = logger;
        _loop = Task.Run(LoopAsync);
    }

    internal async Task<RsvpBatchResult> SubmitAsync(RsvpRequest request, CancellationToken ct)
    {
        var pending = new Pending(request, new TaskCompletionSource<RsvpBatchResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            return RsvpBatchResult.Alone; // shutting down
        }
        // A caller that gives up does not un-RSVP: the batch may already be writing it.
        return await pending.Done.Task.WaitAsync(ct);
    }

    private async Task LoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            await Task.WhenAll(batch.GroupBy(p => p.Request.SessionId).Select(g => WriteGroupAsync(g.ToList())));
        }
    }

    private async Task WriteGroupAsync(IReadOnlyList<Pending> group)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<RsvpBatchWriter>();
            var results = await writer.WriteAsync(group[0].Request.SessionId, [.. group.Select(p => p.Request)]);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception ex)
        {
            _logger.LogInformation(ex, "RSVP batch of {Count} for session {SessionId} failed as a whole; writing each alone", group.Count, group[0].Request.SessionId);
            foreach (var p in group)
            {
                p.Done.TrySetResult(RsvpBatchResult.Alone);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record Pending(RsvpRequest Request, TaskCompletionSource<RsvpBatchResult> Done);
}
