namespace Meetup.Web.Features.Feedback.Trend;

/// <summary>The event's counted sessions (docs/retention.md), oldest first, each with its feedback summed up.</summary>
public sealed record FeedbackTrend(string EventName, TimeZoneInfo TimeZone, IReadOnlyList<FeedbackTrendRow> Rows);

/// <summary>
/// One counted session: who came (checked in) and the share of them at the next counted session (null: pending),
/// next to its answers. Means and shares (fractions of the responses) are null without responses.
/// </summary>
public sealed record FeedbackTrendRow(
    int SessionId, DateTime StartsAt, string Title, int CheckedIn, double? ReturnRate, int Responses,
    double? OverallMean, double? UnderstandingMean, double? TooFast, double? TooSlow, double? TooLong, double? ComeNextYes);
