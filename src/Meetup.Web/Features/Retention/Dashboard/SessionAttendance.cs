using Meetup.Data.Entities;

namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>
/// One session's attendees person by person, as the retention report counts them: <see cref="Row"/> is the
/// dashboard's row for the session (null when it is not counted, then <see cref="NotCountedReason"/> says why and
/// nobody is listed), <see cref="Next"/> the next counted session (null for the last one: not known yet).
/// </summary>
public sealed record SessionAttendance(
    int EventId,
    string EventName,
    TimeZoneInfo TimeZone,
    int SessionId,
    string Title,
    DateTime StartsAt,
    RetentionSessionRow? Row,
    string? NotCountedReason,
    NextSession? Next,
    IReadOnlyList<AttendanceRow> People)
{
    public int FirstTimers => People.Count(p => p.FirstTimer);

    /// <summary>How many came to the next counted session; null while there is none.</summary>
    public int? CameNext => Next is null ? null : People.Count(p => p.CameNext == true);

    /// <summary>How many answered the survey about this session.</summary>
    public int Answered => People.Count(p => p.Feedback is not null);
}

/// <summary>The counted session after the one listed.</summary>
public sealed record NextSession(int SessionId, string Title, DateTime StartsAt);

/// <summary>
/// A person who checked in: <see cref="FirstTimer"/> when this was their first counted session,
/// <see cref="CameNext"/> null while the session has no next one. Name and email are null once erased.
/// </summary>
public sealed record AttendanceRow(int AttendeeId, string? Name, string? Email, bool FirstTimer, bool? CameNext, AttendanceFeedback? Feedback);

/// <summary>The person's survey answer about the session (the comment is null when none was written or it was erased).</summary>
public sealed record AttendanceFeedback(int Overall, int Understanding, FeedbackComeNext ComeNext, string? Comment, string Language);
