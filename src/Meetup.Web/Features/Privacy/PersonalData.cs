namespace Meetup.Web.Features.Privacy;

/// <summary>
/// <c>GET /api/rsvps/{manageToken}/my-data</c>: everything held about the person the link belongs to, across events.
/// Manage tokens are stored only as hashes, so there is nothing of them to give back.
/// </summary>
public sealed record PersonalData(
    DateTime ExportedAt,
    PersonalDetails Person,
    IReadOnlyList<PersonalRsvp> Rsvps,
    IReadOnlyList<PersonalCheckIn> CheckIns,
    IReadOnlyList<PersonalEmail> Emails,
    IReadOnlyList<PersonalFeedback> Feedback,
    IReadOnlyList<PersonalSubscription> Subscriptions);

/// <param name="OtherAddresses">Addresses that found this person after two records of them were merged.</param>
/// <param name="FirstSeen">When the app first stored them (their first RSVP, check-in or import).</param>
public sealed record PersonalDetails(string? Name, string? Email, IReadOnlyList<string> OtherAddresses, string? PreferredLanguage, DateTime FirstSeen);

public sealed record PersonalRsvp(
    int SessionId, string Event, string Session, DateTime StartsAt, string Status, int? WaitlistPosition, string? CheckInCode,
    IReadOnlyList<PersonalAnswer> Answers, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record PersonalAnswer(string Question, string Answer);

public sealed record PersonalCheckIn(int SessionId, string Event, string Session, DateTime At, string Method);

/// <summary>Their answer to the survey after a session; <c>Language</c> is the code it was written in.</summary>
public sealed record PersonalFeedback(
    int SessionId, string Event, string Session, int Overall, int Understanding, string Pace, string Length, string ComeNext,
    string? NextTopic, string? Comment, string Language, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A study group they asked to follow: <c>Status</c> pending (not confirmed), active or unsubscribed, since <c>Since</c>.</summary>
public sealed record PersonalSubscription(int EventId, string Event, string Status, string? Language, DateTime CreatedAt, DateTime Since);

/// <summary>An email the app wrote to them; <c>To</c> and <c>Subject</c> are blank once it has forgotten them (30 days after sending).</summary>
public sealed record PersonalEmail(string Kind, string To, string? Subject, DateTime CreatedAt, DateTime? SentAt);

/// <summary><c>POST /api/rsvps/{manageToken}/erase</c>: when it happened and how many of their upcoming RSVPs were cancelled.</summary>
public sealed record ErasureResult(DateTime ErasedAt, int RsvpsCancelled);
