namespace Meetup.Web.Features.CheckIns;

/// <summary>
/// In-process "someone was checked in at session X": door pages on this instance refresh at once.
/// Pages also poll every two seconds, which covers helpers connected to other instances.
/// </summary>
public sealed class CheckInFeed
{
    public event Action<int>? SessionChanged;

    public void Changed(int sessionId) => SessionChanged?.Invoke(sessionId);
}
