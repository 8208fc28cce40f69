using System.Text.Json;

namespace Meetup.Web.Features.Shared;

/// <summary>One stored answer: a snapshot with the prompt, so later edits of the questions change nothing.</summary>
public sealed record AnswerSnapshot(int QuestionId, string Prompt, string Answer);

/// <summary>
/// Reads an RSVP's stored answers (<c>Rsvps.Answers</c>, JSON written with web defaults when the RSVP is placed):
/// the manage page, the organizer's list and the person's data export all show them. Unreadable JSON reads as none.
/// </summary>
public static class RsvpAnswers
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<AnswerSnapshot> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<AnswerSnapshot>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
