using System.Text.Json.Serialization;

namespace Meetup.Web.Features.Feedback;

/// <summary>
/// <c>PUT /api/rsvps/{manageToken}/feedback</c>: overall and understanding 1–5, pace (too_slow | just_right | too_fast),
/// length (too_short | just_right | too_long), comeNext (yes | maybe | no), optional texts.
/// </summary>
public sealed record FeedbackInput(
    int? Overall = null, int? Understanding = null, string? Pace = null, string? Length = null, string? ComeNext = null,
    string? NextTopic = null, string? Comment = null);

/// <summary>The stored answer; <c>Language</c> is the code (en, ja, zh) it was written in.</summary>
/// <param name="EditableUntil">Until when a new answer replaces it (7 days after the session ends).</param>
public sealed record FeedbackAnswer(
    int SessionId, int Overall, int Understanding, string Pace, string Length, string ComeNext,
    string? NextTopic, string? Comment, string Language, DateTime CreatedAt, DateTime UpdatedAt, DateTime EditableUntil);

/// <summary>
/// <c>GET /api/sessions/{id}/feedback</c>: the answers of people checked in to the session, summed up. Means are
/// null without answers; <c>CommentsWithLanguage</c> are the comments again, each with the language it was written in.
/// </summary>
public sealed record FeedbackSummary(
    int Responses, int CheckedIn, double? OverallMean, double? UnderstandingMean,
    PaceCounts Pace, LengthCounts Length, ComeNextCounts ComeNext,
    IReadOnlyList<string> NextTopics, IReadOnlyList<string> Comments, IReadOnlyList<FeedbackComment> CommentsWithLanguage);

public sealed record PaceCounts(
    [property: JsonPropertyName("too_slow")] int TooSlow,
    [property: JsonPropertyName("just_right")] int JustRight,
    [property: JsonPropertyName("too_fast")] int TooFast);

public sealed record LengthCounts(
    [property: JsonPropertyName("too_short")] int TooShort,
    [property: JsonPropertyName("just_right")] int JustRight,
    [property: JsonPropertyName("too_long")] int TooLong);

public sealed record ComeNextCounts(int Yes, int Maybe, int No);

public sealed record FeedbackComment(string Text, string Language);

/// <summary>
/// The survey page's view of one link: the session, why no answer can be given now (null: it can), the answer so far,
/// and whether the link also opens an RSVP (a manage link; a thank-you's survey link does not).
/// </summary>
public sealed record SurveyView(
    string SessionTitle, string EventName, DateTime StartsAt, DateTime EndsAt, string TimeZone, DateTime EditableUntil,
    string? WhyNot, FeedbackAnswer? Answer, bool OpensRsvp);
