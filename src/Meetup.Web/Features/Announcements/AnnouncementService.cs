using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;

namespace Meetup.Web.Features.Announcements;

/// <summary>
/// Announcing a published session to the group's active followers: who would get it (dry run), writing it (sent at
/// once or at <see cref="AnnouncementInput.SendAt"/>), cancelling it before then, the list with its effect, and the
/// at-risk win-back figure next to its baseline.
/// </summary>
public sealed class AnnouncementService
{
    /// <summary>How many people the announcement would reach now, with a few names; 404 for a session not of the event.</summary>
    public Task<OperationResult<AudiencePreview>> PreviewAsync(int eventId, int sessionId, AnnouncementAudience audience, CancellationToken ct = default)
        => throw new NotImplementedException();

    /// <summary>Checks and writes an announcement (400 naming the fields); with no SendAt it is sent at once.</summary>
    public Task<OperationResult<AnnouncementCreated>> CreateAsync(int eventId, AnnouncementInput input, CancellationToken ct = default)
        => throw new NotImplementedException();

    /// <summary>Cancels a scheduled announcement; 409 once sent, 404 unknown.</summary>
    public Task<OperationResult<AnnouncementSummary>> CancelAsync(int announcementId, CancellationToken ct = default)
        => throw new NotImplementedException();

    /// <summary>The event's announcements, newest first, with recipients, RSVPs after sending and attendance.</summary>
    public Task<OperationResult<IReadOnlyList<AnnouncementSummary>>> ListAsync(int eventId, CancellationToken ct = default)
        => throw new NotImplementedException();

    /// <summary>The at-risk announcements' win-back rates beside the baseline of sessions with none.</summary>
    public Task<OperationResult<WinBackComparison>> WinBackAsync(int eventId, CancellationToken ct = default)
        => throw new NotImplementedException();
}
