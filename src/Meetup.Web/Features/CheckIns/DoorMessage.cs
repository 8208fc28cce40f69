namespace Meetup.Web.Features.CheckIns;

/// <summary>The door page's last result: its kind (ok, warn, error, info) styles it; an undo offers to take a fresh check-in back.</summary>
public sealed record DoorMessage(string Kind, string Text, int? UndoAttendeeId);
