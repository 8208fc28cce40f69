namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>
/// A note beside some sessions' titles in the dashboard's session tables (e.g. "announced to…"), supplied by a room
/// above this one, so that the dashboard does not depend on it.
/// </summary>
public interface ISessionMarks
{
    /// <summary>Per session id, the text of its mark (shown as a tooltip).</summary>
    Task<IReadOnlyDictionary<int, string>> ReadAsync(int eventId, CancellationToken ct = default);
}
