using Meetup.Data;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Retention.Dashboard;

/// <summary>
/// "Who came back?" for one session, person by person. Reads the event's history as the dashboard does
/// (<see cref="RetentionService.ReadAsync"/>) and takes every figure from the same report: which sessions count and
/// their order, the next counted session, and who is a first-timer (first counted session n − eligible + 1), so the
/// list always adds up to the dashboard's row. The survey answers are one more small read.
/// </summary>
public sealed class SessionAttendanceService(IDbContextFactory<MeetupDb> dbFactory, RetentionService retention, TimeProvider time)
{
    /// <returns>Null when the event does not exist or the session is not one of its held, upcoming or cancelled sessions.</returns>
    public async Task<SessionAttendance?> LoadAsync(int eventId, int sessionId, CancellationToken ct = default)
    {
        if (await retention.ReadAsync(eventId, ct) is not { } history
            || history.Sessions.FirstOrDefault(s => s.Id == sessionId) is not { } session)
        {
            return null;
        }
        var report = history.Compute(null, null, time.GetUtcNow()).Report;
        var startsAt = DateTime.SpecifyKind(session.StartsAt, DateTimeKind.Utc);
        if (report.Sessions.FirstOrDefault(r => r.SessionId == sessionId) is not { } row)
        {
            var reason = report.ExcludedSessions.FirstOrDefault(e => e.SessionId == sessionId)?.Reason;
            return new SessionAttendance(eventId, history.EventName, history.TimeZone, sessionId, session.Title, startsAt, null, reason, null, []);
        }

        var n = report.Overall.CountedSessions; // no range: every counted session
        var next = report.Sessions.FirstOrDefault(r => r.Index == row.Index + 1);
        var cameNext = next is null ? null : AttendeesOf(history, next.SessionId);
        var people = report.Attendees.ToDictionary(a => a.AttendeeId);
        var answers = await AnswersAsync(sessionId, ct);

        var rows = new List<AttendanceRow>();
        foreach (var attendeeId in AttendeesOf(history, sessionId))
        {
            var person = people[attendeeId];
            rows.Add(new AttendanceRow(attendeeId, person.Name, person.Email,
                FirstTimer: n - person.Eligible + 1 == row.Index,
                CameNext: cameNext?.Contains(attendeeId),
                answers.GetValueOrDefault(attendeeId)));
        }
        rows.Sort(ByName);
        return new SessionAttendance(eventId, history.EventName, history.TimeZone, sessionId, session.Title, startsAt, row, null,
            next is null ? null : new NextSession(next.SessionId, next.Title, next.StartsAt), rows);
    }

    private static HashSet<int> AttendeesOf(RetentionHistory history, int sessionId)
        => [.. history.CheckIns.Where(c => c.SessionId == sessionId).Select(c => c.AttendeeId)];

    private async Task<Dictionary<int, AttendanceFeedback>> AnswersAsync(int sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Feedback.AsNoTracking().Where(f => f.SessionId == sessionId)
            .ToDictionaryAsync(f => f.AttendeeId, f => new AttendanceFeedback(f.Overall, f.Understanding, f.ComeNext, f.Comment, f.Language), ct);
    }

    /// <summary>By name (else address), case-blind; erased people last; then id, so the order is stable.</summary>
    private static int ByName(AttendanceRow x, AttendanceRow y)
    {
        var (a, b) = (x.Name ?? x.Email, y.Name ?? y.Email);
        var byName = (a, b) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => StringComparer.CurrentCultureIgnoreCase.Compare(a, b),
        };
        return byName != 0 ? byName : x.AttendeeId.CompareTo(y.AttendeeId);
    }
}
