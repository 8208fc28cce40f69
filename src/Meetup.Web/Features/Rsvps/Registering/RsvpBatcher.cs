using System.Globalization;
using System.Threading.Channels;
using Meetup.Data.Locking;
using Meetup.Web.Features.Shared;

using Meetup.Web.Features.Notifications;

namespace Meetup.Web.Features.Rsvps.Registering;

/// <summary>
/// An RSVP waiting to be checked and seated, with the request's cultures (its messages are written
/// in the batch) and its new manage token, already encrypted for the outbox. <paramref name="ByOrganizer"/>:
/// an organizer's add, which ignores the RSVP window (a cancelled session still refuses) and answers 409 for
/// someone already registered instead of sending their link again.
/// </summary>
internal sealed record RsvpRequest(
    int SessionId, RsvpInput Input, string Token, string ProtectedToken, string BaseUrl, CultureInfo Culture, CultureInfo UiCulture,
    bool ByOrganizer = false)
{
    /// <summary>With "tell me about new sessions": the follow's confirmation token (only its hash is stored).</summary>
    public string? FollowToken { get; init; }

    /// <summary>The manage and follow tokens together, encrypted for the status email (<see cref="ManageLinkSlot.Pair"/>).</summary>
    public string? ProtectedTokens { get; init; }
}

/// <summary>
/// Group commit for RSVPs. Requests queue here; one loop takes everything that arrived meanwhile (up
/// to <see cref="MaxBatch"/>), and checks and writes each session's share in one <see cref="SeatLock"/>
/// unit (<see cref="RsvpBatchWriter"/>) — one lock, a handful of statements and one commit for many
/// RSVPs — in arrival order, so seats and waitlist positions still go first come, first served.
/// Sessions in one batch are written in parallel (on PostgreSQL they lock different rows). A group
/// that fails as a whole answers null, and each request is then written on its own, with retries.
/// </summary>
public sealed class RsvpBatcher : IAsyncDisposable
{
    public const int MaxBatch = 64;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly RsvpWritesInFlight _inFlight;
    private readonly ILogger<RsvpBatcher> _logger;
    private readonly Task _loop;

    public RsvpBatcher(IServiceScopeFactory scopes, RsvpWritesInFlight inFlight, ILogger<RsvpBatcher> logger)
    {
        _scopes = scopes;
        _inFlight = inFlight;
        _logger = logger;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The answer to <paramref name="request"/>, or null: write it alone.</summary>
    internal async Task<OperationResult<RsvpOutcome>?> SubmitAsync(RsvpRequest request, CancellationToken ct)
    {
        using var inFlight = _inFlight.Enter(); // the shared page reads yield meanwhile (WritesFirst)
        var pending = new Pending(request, new TaskCompletionSource<OperationResult<RsvpOutcome>?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            return null; // shutting down
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
                p.Done.TrySetResult(null);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record Pending(RsvpRequest Request, TaskCompletionSource<OperationResult<RsvpOutcome>?> Done);
}
