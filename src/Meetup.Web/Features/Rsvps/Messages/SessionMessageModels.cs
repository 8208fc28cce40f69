namespace Meetup.Web.Features.Rsvps.Messages;

/// <summary>An organizer's message to the people registered for a session; <c>to</c> is confirmed, waitlisted or all.</summary>
public sealed record SessionMessageInput(string? Subject = null, string? Message = null, string? To = null);

/// <summary>How many people the message was queued for.</summary>
public sealed record SessionMessageSent(int Recipients);

/// <summary>Who a message can reach, before it is sent (the dialog shows the counts).</summary>
public sealed record SessionMessageAudience(int Confirmed, int Waitlisted);
