namespace Meetup.Web.Features.Feedback.Organizer;

/// <summary>A topic asked for in recent feedback: its newest spelling and how many answers asked for it.</summary>
public sealed record TopicSuggestion(string Topic, int Count);
