using Meetup.Data.Entities;
using FeedbackRow = Meetup.Data.Entities.Feedback;

namespace Meetup.Web.Features.Demo;

internal sealed partial class CommunityBuilder
{
    /// <summary>How many of the latest held sessions have survey answers (the survey is newer than the group).</summary>
    private const int SurveyedSessions = 20;

    private static readonly string[] Topics =
        ["Helm の実践", "Service Mesh 入門", "eBPF", "Kubernetes 的网络", "GitOps with Argo CD", "可观测性 OpenTelemetry", "Operator を自作する", "helm の実践"];

    private static readonly (string Text, string Language)[] Comments =
    [
        ("デモが分かりやすかったです", "ja"), ("後半が少し速かったです", "ja"), ("懇親会も楽しかったです", "ja"),
        ("讲得很清楚，谢谢！", "zh"), ("希望多一些动手环节", "zh"), ("Great talk, sharing the slides would help", "en"),
    ];

    /// <summary>
    /// About half of the people at each of the latest sessions answered the survey. Those who understood the content
    /// came back more often, as organizers find: the dashboard's feedback panel has something true to show. Its own
    /// random sequence, so the community above stays the same whatever is asked here.
    /// </summary>
    private List<FeedbackRow> Survey(IReadOnlyList<Session> held)
    {
        var random = new Random(Seed + 1);
        var answers = new List<FeedbackRow>();
        for (var index = Math.Max(0, held.Count - SurveyedSessions); index < held.Count; index++)
        {
            var session = held[index];
            foreach (var person in _people.Where(p => p.Attended.Contains(index)))
            {
                if (random.NextDouble() >= 0.55)
                {
                    continue;
                }
                var cameBack = person.Attended.Contains(index + 1);
                var understanding = Draw(random, cameBack ? [3, 7, 20, 40, 30] : [15, 20, 30, 25, 10]);
                var at = session.EndsAt.AddMinutes(60 + random.Next(3 * 24 * 60));
                (string Text, string Language)? comment = random.NextDouble() < 0.15 ? Comments[random.Next(Comments.Length)] : null;
                answers.Add(new FeedbackRow
                {
                    Session = session,
                    Attendee = person.Attendee,
                    Understanding = understanding,
                    Overall = Math.Clamp(understanding + random.Next(-1, 2), 1, 5),
                    Pace = understanding <= 2 && random.NextDouble() < 0.6 ? FeedbackPace.TooFast
                        : (FeedbackPace)Draw(random, [15, 65, 20]) - 1,
                    Length = (FeedbackLength)Draw(random, [7, 65, 28]) - 1,
                    ComeNext = (FeedbackComeNext)Draw(random, cameBack ? [70, 25, 5] : [30, 40, 30]) - 1,
                    NextTopic = random.NextDouble() < 0.25 ? Topics[random.Next(Topics.Length)] : null,
                    Comment = comment?.Text,
                    Language = comment?.Language ?? person.Attendee.PreferredLanguage ?? "ja", // the page's language: a comment's own
                    CreatedAt = at,
                    UpdatedAt = at,
                });
            }
        }
        return answers;
    }

    /// <summary>1..weights.Length, each with its weight.</summary>
    private static int Draw(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i + 1;
            }
        }
        return weights.Length;
    }
}
