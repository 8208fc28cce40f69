using Meetup.Data.Entities;
using FeedbackRow = Meetup.Data.Entities.Feedback;

namespace Meetup.Tests.Features.Retention;

/// <summary>
/// A deliberately naive reading of the feedback-effect rule (docs/api.md, "Feedback"; counted sessions as in
/// docs/retention.md), straight from the raw rows: lists and LINQ, no cleverness and no speed.
/// </summary>
internal static class NaiveFeedbackEffect
{
    public sealed record Row(string Question, string Answer, int Responses, int Returned);

    private static readonly (string Question, string[] Answers)[] Questions =
    [
        ("overall", ["1", "2", "3", "4", "5"]),
        ("understanding", ["1", "2", "3", "4", "5"]),
        ("pace", ["too_slow", "just_right", "too_fast"]),
        ("length", ["too_short", "just_right", "too_long"]),
        ("comeNext", ["yes", "maybe", "no"]),
    ];

    public static List<Row> Compute(
        IReadOnlyList<Session> sessions, IReadOnlyList<CheckIn> checkIns, IReadOnlyList<FeedbackRow> answers,
        DateTime now, TimeZoneInfo zone, DateOnly? from, DateOnly? to)
    {
        // Drafts were never held; cancelled, upcoming and sessions nobody checked in to do not count.
        var counted = sessions
            .Where(s => s.Status == SessionStatus.Published && s.StartsAt <= now && checkIns.Any(c => c.SessionId == s.Id))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .ToList();
        bool InRange(Session s)
        {
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(s.StartsAt, DateTimeKind.Utc), zone));
            return (from is null || date >= from) && (to is null || date <= to);
        }

        var given = new List<(string Question, string Answer, bool Returned)>();
        for (var i = 0; i + 1 < counted.Count; i++)
        {
            if (!InRange(counted[i]))
            {
                continue;
            }
            var next = counted[i + 1];
            foreach (var answer in answers.Where(a => a.SessionId == counted[i].Id))
            {
                var returned = checkIns.Any(c => c.SessionId == next.Id && c.AttendeeId == answer.AttendeeId);
                given.Add(("overall", answer.Overall.ToString(System.Globalization.CultureInfo.InvariantCulture), returned));
                given.Add(("understanding", answer.Understanding.ToString(System.Globalization.CultureInfo.InvariantCulture), returned));
                given.Add(("pace", Questions[2].Answers[(int)answer.Pace], returned));
                given.Add(("length", Questions[3].Answers[(int)answer.Length], returned));
                given.Add(("comeNext", Questions[4].Answers[(int)answer.ComeNext], returned));
            }
        }

        var rows = new List<Row>();
        foreach (var (question, values) in Questions)
        {
            foreach (var value in values)
            {
                var these = given.Where(g => g.Question == question && g.Answer == value).ToList();
                if (these.Count > 0)
                {
                    rows.Add(new Row(question, value, these.Count, these.Count(g => g.Returned)));
                }
            }
        }
        return rows;
    }
}
