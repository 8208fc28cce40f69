using System.Net;
using Meetup.Data.Entities;
using Meetup.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.PublicSite;

/// <summary>
/// One study group in Tokyo as the public sees it on 1 Dec 2026: an upcoming full session with an
/// agenda, a cancelled one, a draft, a held one and an online one whose RSVP has not opened yet.
/// Written straight into the database (the scheduling service is not what is tested here).
/// </summary>
internal sealed class PublicSiteData
{
    public const string Slug = "ingress-study-tokyo";
    public const string EventName = "Ingress Study Group Tokyo";
    public const string OnlineUrl = "https://meet.example.com/secret-room";

    public static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Wednesday 16 Dec 2026, 19:30 in Tokyo (UTC+9).</summary>
    public static readonly DateTime UpcomingStart = new(2026, 12, 16, 10, 30, 0, DateTimeKind.Utc);

    public int UpcomingId { get; private init; }
    public int CancelledId { get; private init; }
    public int DraftId { get; private init; }
    public int PastId { get; private init; }
    public int OnlineId { get; private init; }
    public int SpeakerId { get; private init; }

    public static async Task<(TestApp App, PublicSiteData Data)> StartAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = await TestApp.StartAsync(provider, settings, new FakeTimeProvider(Now));
        return (app, await SeedAsync(app));
    }

    public static Task<PublicSiteData> SeedAsync(TestApp app) => SeedAsync(app.Factory);

    public static async Task<PublicSiteData> SeedAsync(MeetupAppFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var speaker = new Speaker
        {
            Name = "Nakamura Daisuke",
            Company = "Tsubame Networks",
            JobTitle = "SRE lead",
            Bio = "Runs **Envoy** at the edge.",
            Links = ["https://example.com/nakamura", "javascript:alert(1)"],
        };
        var people = Enumerable.Range(1, 3).Select(i => new Attendee { Email = $"p{i}@example.com", DisplayName = $"Person {i}" }).ToList();
        var ev = new Event { Name = EventName, Slug = Slug, TimeZone = "Asia/Tokyo", Description = "We study **ingress** controllers.", DefaultLanguages = ["ja", "zh"] };

        var upcoming = NewSession(ev, "Ingress study session: Envoy, Kong, Traefik", UpcomingStart, SessionStatus.Published);
        upcoming.Description = "Four ingress controllers, **compared** side by side.\n\nBring a laptop.";
        upcoming.Capacity = 2;
        upcoming.Sequence = 3;
        upcoming.RsvpOpensAt = Now.UtcDateTime.AddDays(-5);
        upcoming.RsvpClosesAt = UpcomingStart;
        upcoming.AgendaItems.Add(new AgendaItem { Position = 0, Title = "Review of last session", Kind = AgendaItemKind.Review, DurationMinutes = 50 });
        upcoming.AgendaItems.Add(new AgendaItem { Position = 1, Title = "Envoy at the edge", Kind = AgendaItemKind.Talk, DurationMinutes = 50, Speakers = [speaker] });
        upcoming.Rsvps.Add(new Rsvp { Attendee = people[0], Status = RsvpStatus.Confirmed });
        upcoming.Rsvps.Add(new Rsvp { Attendee = people[1], Status = RsvpStatus.Confirmed });
        upcoming.Rsvps.Add(new Rsvp { Attendee = people[2], Status = RsvpStatus.Waitlisted, WaitlistPosition = 1 });

        var cancelled = NewSession(ev, "Kubernetes storage: CSI", UpcomingStart.AddDays(14), SessionStatus.Cancelled);
        cancelled.CancelReason = "The meeting room is closed for repairs.";
        cancelled.Sequence = 2;

        var draft = NewSession(ev, "Secret draft session", UpcomingStart.AddDays(28), SessionStatus.Draft);
        draft.AgendaItems.Add(new AgendaItem { Position = 0, Title = "Unannounced talk", DurationMinutes = 50, Speakers = [speaker] });

        var past = NewSession(ev, "Kubernetes basics #1", UpcomingStart.AddDays(-28), SessionStatus.Published);
        past.AgendaItems.Add(new AgendaItem { Position = 0, Title = "Envoy in five minutes", Kind = AgendaItemKind.Lightning, DurationMinutes = 5, Speakers = [speaker] });
        past.CheckIns.Add(new CheckIn { Attendee = people[0], At = past.StartsAt, Method = CheckInMethod.Qr });
        past.CheckIns.Add(new CheckIn { Attendee = people[1], At = past.StartsAt, Method = CheckInMethod.Manual });

        var online = NewSession(ev, "Online: service mesh", UpcomingStart.AddDays(42), SessionStatus.Published);
        online.Format = SessionFormat.Online;
        online.VenueName = null;
        online.VenueAddress = null;
        online.OnlineUrl = OnlineUrl;
        online.RsvpOpensAt = UpcomingStart.AddDays(30);

        db.AddRange(speaker, ev);
        db.AddRange(people);
        await db.SaveChangesAsync();
        return new PublicSiteData
        {
            UpcomingId = upcoming.Id,
            CancelledId = cancelled.Id,
            DraftId = draft.Id,
            PastId = past.Id,
            OnlineId = online.Id,
            SpeakerId = speaker.Id,
        };
    }

    private static Session NewSession(Event ev, string title, DateTime startsAt, SessionStatus status)
    {
        var session = new Session
        {
            Title = title,
            StartsAt = startsAt,
            EndsAt = startsAt.AddMinutes(100),
            Status = status,
            Format = SessionFormat.InPerson,
            VenueName = "Room Fuji (7F)",
            VenueAddress = "2-11-3 Shibaura, Minato-ku, Tokyo",
            Capacity = 30,
            Languages = ["ja", "zh"],
            CreatedAt = startsAt.AddDays(-14),
            UpdatedAt = startsAt.AddDays(-14),
        };
        ev.Sessions.Add(session);
        return session;
    }

    public static string SessionPath(int id) => $"/events/{Slug}/sessions/{id}";

    /// <summary>The page's HTML with entities decoded, so assertions can use the text a visitor reads.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response)
        => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
