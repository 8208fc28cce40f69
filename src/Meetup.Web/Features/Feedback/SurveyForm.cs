using System.Globalization;

namespace Meetup.Web.Features.Feedback;

/// <summary>The survey form as posted: every value as text, so that a wrong one comes back to the person as typed.</summary>
public sealed class SurveyForm
{
    public string? Overall { get; set; }
    public string? Understanding { get; set; }
    public string? Pace { get; set; }
    public string? Length { get; set; }
    public string? ComeNext { get; set; }
    public string? NextTopic { get; set; }
    public string? Comment { get; set; }

    public static SurveyForm From(FeedbackAnswer? answer) => answer is null ? new() : new()
    {
        Overall = answer.Overall.ToString(CultureInfo.InvariantCulture),
        Understanding = answer.Understanding.ToString(CultureInfo.InvariantCulture),
        Pace = answer.Pace,
        Length = answer.Length,
        ComeNext = answer.ComeNext,
        NextTopic = answer.NextTopic,
        Comment = answer.Comment,
    };

    public FeedbackInput ToInput() => new(Score(Overall), Score(Understanding), Pace, Length, ComeNext, NextTopic, Comment);

    private static int? Score(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
