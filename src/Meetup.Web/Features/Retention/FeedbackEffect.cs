using Meetup.Data.Entities;

namespace Meetup.Web.Features.Retention;

/// <summary>
/// A row of <c>GET /api/events/{id}/feedback-effect</c>: of the <see cref="Responses"/> answers
/// <see cref="Answer"/> to <see cref="Question"/> about a counted session that has a next one, how many authors came
/// to that next session.
/// </summary>
public sealed record FeedbackEffectRow(string Question, string Answer, int Responses, int Returned, double ReturnRate);

/// <summary>
/// One survey answer as the effect needs it: who answered about which session, and the five answers packed into one
/// int by the query (<see cref="FeedbackEffectCalculator.Pack"/>), so that hundreds of thousands read as plain ints.
/// </summary>
public readonly record struct FeedbackAnswerCode(int SessionId, int AttendeeId, int Answers);

/// <summary>The questions in the order the rows come, each with its answers in order, as the API spells them.</summary>
public static class FeedbackQuestions
{
    public const string Overall = "overall";
    public const string Understanding = "understanding";
    public const string Pace = "pace";
    public const string Length = "length";
    public const string ComeNext = "comeNext";

    public static IReadOnlyList<(string Question, IReadOnlyList<string> Answers)> All { get; } =
    [
        (Overall, Scores()),
        (Understanding, Scores()),
        (Pace, Names<FeedbackPace>()),
        (Length, Names<FeedbackLength>()),
        (ComeNext, Names<FeedbackComeNext>()),
    ];

    private static string[] Scores() => ["1", "2", "3", "4", "5"];

    private static string[] Names<TEnum>() where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => v.ToSnakeCase())];
}

/// <summary>
/// The feedback effect (docs/api.md, "Feedback"): for every answer about a counted session (docs/retention.md) that has
/// a next counted session, whether its author checked in to that next session; summed per question and answer. Pure,
/// and linear in check-ins and answers: one set of attendees per "next" session, one lookup per answer.
/// </summary>
public static class FeedbackEffectCalculator
{
    // Bits of a packed answer: overall 0–2, understanding 3–5, pace 6–7, length 8–9, comeNext 10–11.
    private static readonly (int Shift, int Mask)[] Fields = [(0, 7), (3, 7), (6, 3), (8, 3), (10, 3)];

    /// <summary>Packs an answer as the query does (a value out of range becomes one no row shows).</summary>
    public static int Pack(int overall, int understanding, int pace, int length, int comeNext)
        => Score(overall) | Score(understanding) << 3 | Choice(pace) << 6 | Choice(length) << 8 | Choice(comeNext) << 10;

    private static int Score(int value) => value is >= 1 and <= 5 ? value : 0;

    private static int Choice(int value) => value is >= 0 and <= 2 ? value : 3;

    /// <param name="history">The event's sessions, check-ins and zone.</param>
    /// <param name="report">A report computed from <paramref name="history"/> (any range): its excluded sessions say which count.</param>
    /// <param name="from">First local date of the answered sessions (inclusive); null = no bound.</param>
    /// <param name="to">Last local date (inclusive); null = no bound.</param>
    public static IReadOnlyList<FeedbackEffectRow> Compute(
        RetentionHistory history, RetentionReport report, IReadOnlyList<FeedbackAnswerCode> answers, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(answers);
        var next = NextSessions(history, report, from, to);
        if (next.Count == 0 || answers.Count == 0)
        {
            return [];
        }

        // A set per session, not one set of (session, attendee) longs: a long's hash is its halves XORed, and small
        // session ids XOR small attendee ids collide so often that 500,000 check-ins took seconds.
        var attended = new Dictionary<int, HashSet<int>>();
        foreach (var nextId in next.Values)
        {
            attended[nextId] = [];
        }
        foreach (var checkIn in history.CheckIns)
        {
            if (attended.TryGetValue(checkIn.SessionId, out var people))
            {
                people.Add(checkIn.AttendeeId);
            }
        }

        // [question][answer index]; scores are stored 1–5, so index 0 of a score is "none" and never shown.
        var responses = new int[Fields.Length, 6];
        var returned = new int[Fields.Length, 6];
        foreach (var answer in answers)
        {
            if (!next.TryGetValue(answer.SessionId, out var nextId))
            {
                continue;
            }
            var came = attended[nextId].Contains(answer.AttendeeId) ? 1 : 0;
            for (var q = 0; q < Fields.Length; q++)
            {
                var value = answer.Answers >> Fields[q].Shift & Fields[q].Mask;
                responses[q, value]++;
                returned[q, value] += came;
            }
        }
        return Rows(responses, returned);
    }

    /// <summary>Counted session id → the id of the counted session after it, for the sessions whose local date is in range.</summary>
    private static Dictionary<int, int> NextSessions(RetentionHistory history, RetentionReport report, DateOnly? from, DateOnly? to)
    {
        var excluded = report.ExcludedSessions.Select(s => s.SessionId).ToHashSet();
        var counted = history.Sessions.Where(s => !excluded.Contains(s.Id)).OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToList();
        var next = new Dictionary<int, int>();
        for (var i = 0; i + 1 < counted.Count; i++)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(counted[i].StartsAt, DateTimeKind.Utc), history.TimeZone);
            var date = DateOnly.FromDateTime(local);
            if ((from is null || date >= from) && (to is null || date <= to))
            {
                next[counted[i].Id] = counted[i + 1].Id;
            }
        }
        return next;
    }

    private static List<FeedbackEffectRow> Rows(int[,] responses, int[,] returned)
    {
        var rows = new List<FeedbackEffectRow>();
        for (var q = 0; q < Fields.Length; q++)
        {
            var (question, answers) = FeedbackQuestions.All[q];
            var offset = q < 2 ? 1 : 0; // scores 1–5 sit at 1..5, choices at 0..2
            for (var a = 0; a < answers.Count; a++)
            {
                var n = responses[q, a + offset];
                if (n > 0)
                {
                    rows.Add(new FeedbackEffectRow(question, answers[a], n, returned[q, a + offset], (double)returned[q, a + offset] / n));
                }
            }
        }
        return rows;
    }
}
