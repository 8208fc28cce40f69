namespace Meetup.Data.Entities;

// Stored and served as snake_case strings (see EnumNames); the names here are the domain's.
public enum SessionFormat { InPerson, Online, Hybrid }

public enum SessionStatus { Draft, Published, Cancelled }

public enum AgendaItemKind { Talk, Review, Break, Qa, Lightning }

public enum RsvpStatus { Confirmed, Waitlisted, Cancelled }

public enum CheckInMethod { Qr, Code, Manual, WalkIn, OnlineJoin, Import }

public enum QuestionKind { ShortText, SingleChoice }

public enum NotificationKind
{
    RsvpConfirmed, RsvpWaitlisted, RsvpPromoted, RsvpCancelled, ManageLink,
    SessionChanged, SessionCancelled, Reminder, ThankYou, SubscriptionConfirm, Announcement,
}

public enum SubscriptionStatus { Pending, Active, Unsubscribed }

public enum SubscriptionLinkPurpose { Confirm, Unsubscribe }

// Who an announcement goes to, among the event's active followers (docs/retention.md).
public enum AnnouncementAudience { Followers, PastAttendees, Regulars, AtRisk }

// The feedback survey's answers (Feedback).
public enum FeedbackPace { TooSlow, JustRight, TooFast }

public enum FeedbackLength { TooShort, JustRight, TooLong }

public enum FeedbackComeNext { Yes, Maybe, No }
