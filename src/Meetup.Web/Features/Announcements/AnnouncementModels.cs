using Meetup.Data.Entities;

namespace Meetup.Web.Features.Announcements;

/// <summary>An organizer's announcement as asked for (API and screen); checked by the service.</summary>
public sealed record AnnouncementInput
{
    public int? SessionId { get; init; }

    /// <summary>followers | past_attendees | regulars | at_risk.</summary>
    public string? Audience { get; init; }

    public string? Subject { get; init; }
    public string? Message { get; init; }

    /// <summary>When to send it (a future instant); null: at once.</summary>
    public DateTimeOffset? SendAt { get; init; }

    /// <summary>Only count and sample the recipients; nothing is written.</summary>
    public bool DryRun { get; init; }
}

/// <summary>One person an announcement would go to.</summary>
public sealed record AudienceMember(string Name, string Email);

/// <summary>
/// How many people an announcement would reach now, a few of them by name, and why the others in the group would not
/// get it: of <see cref="Followers"/>, <see cref="InAudience"/> are in the audience, then left out as registered,
/// already announced to, or without a deliverable address (<see cref="AudienceSelection"/>).
/// </summary>
public sealed record AudiencePreview(int Count, IReadOnlyList<AudienceMember> Sample)
{
    public int Followers { get; init; }
    public int InAudience { get; init; }
    public int Registered { get; init; }
    public int Announced { get; init; }
    public int Undeliverable { get; init; }

    public static AudiencePreview From(AudienceSelection selection, int sampleSize) => new(selection.Recipients.Count,
        [.. selection.Recipients.Take(sampleSize).Select(p => new AudienceMember(p.Name, p.Email))])
    {
        Followers = selection.Followers,
        InAudience = selection.InAudience,
        Registered = selection.Registered,
        Announced = selection.Announced,
        Undeliverable = selection.Undeliverable,
    };
}

/// <summary>
/// An announcement written: its id and, for a send-now, how many were in its audience when it was accepted (0 for a
/// scheduled one); SentAt is null until the sender claims it.
/// </summary>
public sealed record AnnouncementCreated(int Id, int Recipients, DateTime SendAt, DateTime? SentAt)
{
    /// <summary>A dry run's few recipients by name (empty otherwise).</summary>
    public IReadOnlyList<AudienceMember> Sample { get; init; } = [];
}

/// <summary>The API's answer to a written announcement.</summary>
public sealed record AnnouncementAccepted(int Id, int Recipients, DateTime SendAt, DateTime? SentAt);

/// <summary>The API's answer to a dry run.</summary>
public sealed record AnnouncementDryRun(int Recipients, IReadOnlyList<AudienceMember> Sample);

/// <summary>
/// One announcement of an event with its effect so far (GET /api/events/{id}/announcements and the screen). Recipients
/// grow while it is being written (SentAt set, CompletedAt not yet) and are final once CompletedAt is set.
/// </summary>
public sealed record AnnouncementSummary(
    int Id, int SessionId, string SessionTitle, DateTime SessionStartsAt, string Audience, string? Subject,
    DateTime CreatedAt, DateTime SendAt, DateTime? SentAt, DateTime? CancelledAt, int Recipients, int Rsvps, int Attended)
{
    /// <summary>When every recipient's email was queued; null while it is due, being written, or was interrupted.</summary>
    public DateTime? CompletedAt { get; init; }

    /// <summary>
    /// Recipients who checked in to the session but are not among <see cref="Rsvps"/> (they came without registering after
    /// it was sent, e.g. at the door): part of <see cref="Attended"/>, so Attended − this came having registered after it.
    /// </summary>
    public int AttendedWithoutRsvp { get; init; }

    /// <summary>Due and not all written yet (waiting for the sender, or being written), and still the sender's to finish.</summary>
    public bool IsSending(DateTime now) => CancelledAt is null && CompletedAt is null && SendAt <= now
        && (SentAt is null || SentAt >= now - AnnouncementSender.ResumeWithin);
}

/// <summary>A share of a group: how many of how many.</summary>
public sealed record ShareFigure(int Count, int Of)
{
    public double? Rate => Of == 0 ? null : (double)Count / Of;
}

/// <summary>
/// An at-risk announcement's win-back rate next to the baseline: at-risk regulars of earlier sessions nobody
/// announced to at risk, and how many of them came anyway (docs/retention.md, "Win-back").
/// </summary>
public sealed record WinBackComparison(IReadOnlyList<WinBackRow> Announcements, ShareFigure Baseline, int BaselineSessions);

/// <summary>One sent at-risk announcement: recipients who came to the announced session.</summary>
public sealed record WinBackRow(int AnnouncementId, int SessionId, string SessionTitle, DateTime SessionStartsAt, ShareFigure WinBack);

/// <summary>The audience names used by the API.</summary>
public static class AnnouncementAudiences
{
    public static bool TryParse(string? value, out AnnouncementAudience audience)
    {
        audience = default;
        if (value is null)
        {
            return false;
        }
        foreach (var candidate in Enum.GetValues<AnnouncementAudience>())
        {
            if (string.Equals(candidate.ToSnakeCase(), value.Trim(), StringComparison.Ordinal))
            {
                audience = candidate;
                return true;
            }
        }
        return false;
    }
}
