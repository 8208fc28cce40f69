using System.Diagnostics.CodeAnalysis;
using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Demo;

/// <summary>
/// Inserts the demo community of <see cref="DemoCommunity"/>: one event, its history since 2018 with
/// RSVPs and check-ins shaped like real people (a core that always comes, one-timers, people who drift
/// away and come back), and one upcoming session open for RSVPs.
/// </summary>
public static class DemoSeeder
{
    public const string EventSlug = "cloud-native-study-group-tokyo";

    /// <summary>
    /// Seeds the demo community unless an event with <see cref="EventSlug"/> exists. The same community every
    /// time; only the upcoming session (and its RSVPs) depends on <paramref name="time"/>.
    /// </summary>
    /// <returns>true when it inserted the community, false when it was already there.</returns>
    public static async Task<bool> SeedAsync(MeetupDb db, TimeProvider time, ILogger logger, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);

        if (await db.Events.AnyAsync(e => e.Slug == EventSlug, ct))
        {
            logger.LogInformation("Demo event {Slug} already exists; nothing seeded", EventSlug);
            return false;
        }

        var demo = new CommunityBuilder(time.GetUtcNow()).Build();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Events.Add(demo.Event);
        db.Speakers.AddRange(demo.Speakers);
        db.Attendees.AddRange(demo.Attendees);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two instances starting at once: the unique slug stops the second, which is then simply done.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (!await db.Events.AnyAsync(e => e.Slug == EventSlug, ct))
            {
                throw;
            }
            return false;
        }

        logger.LogInformation(
            "Seeded demo event {Slug}: {Sessions} sessions, {Speakers} speakers, {Attendees} attendees, {Rsvps} RSVPs, {CheckIns} check-ins",
            EventSlug, demo.Event.Sessions.Count, demo.Speakers.Count, demo.Attendees.Count, demo.Rsvps, demo.CheckIns);
        return true;
    }
}

file sealed record DemoData(Event Event, IReadOnlyList<Speaker> Speakers, IReadOnlyList<Attendee> Attendees, int Rsvps, int CheckIns);

file sealed record Habit(DateOnly From, DateOnly To, double Chance);

file sealed class Person(Attendee attendee, Origin origin)
{
    public Attendee Attendee { get; } = attendee;
    public Origin Origin { get; } = origin;
    public List<Habit> Habits { get; } = [];

    /// <summary>Indexes (into the held sessions) of the first visit of each habit: people come at least once.</summary>
    public HashSet<int> SureVisits { get; } = [];

    public List<int> Attended { get; } = [];
}

[SuppressMessage("Security", "CA5394:Do not use insecure randomness",
    Justification = "Demo data must come out the same on every run, so a seeded System.Random; nothing here is secret.")]
file sealed class CommunityBuilder(DateTimeOffset now)
{
    // Any fixed number would do; this one is the date of the first session.
    private const int Seed = 20180715;
    private const int UpcomingRsvps = 18;
    private const double RegularLoyalty = 0.8;

    private readonly DateTime _now = now.UtcDateTime;
    private readonly Random _random = new(Seed);
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(DemoCommunity.TimeZoneId);
    private readonly Dictionary<string, Speaker> _speakers = [];
    private readonly List<Person> _people = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);
    private int _rsvps;
    private int _checkIns;

    public DemoData Build()
    {
        var founded = ToUtc(DemoCommunity.Founded, new TimeOnly(10, 0));
        var ev = new Event
        {
            Name = DemoCommunity.EventName,
            Slug = DemoSeeder.EventSlug,
            Description = DemoCommunity.Description,
            TimeZone = DemoCommunity.TimeZoneId,
            DefaultCapacity = DemoCommunity.DefaultCapacity,
            DefaultLanguages = [.. DemoCommunity.JaZh],
            DefaultVenueName = DemoCommunity.Fuji.Name,
            DefaultVenueAddress = DemoCommunity.Fuji.Address,
            CadenceWeeks = DemoCommunity.CadenceWeeks,
            CreatedAt = founded,
            UpdatedAt = founded,
        };
        foreach (var profile in DemoCommunity.Speakers)
        {
            _speakers[profile.Key] = new Speaker
            {
                Name = profile.Name,
                Company = profile.Company,
                JobTitle = profile.JobTitle,
                Bio = profile.Bio,
                Links = [.. profile.Links],
            };
        }

        var held = DemoCommunity.History.Where(p => p.CancelReason is null).Select(p => p.Date).ToList();
        CreateCohorts(held);

        string? previousTalk = null;
        foreach (var plan in DemoCommunity.History)
        {
            var session = NewSession(plan, previousTalk);
            ev.Sessions.Add(session);
            if (plan.CancelReason is null)
            {
                Attend(session, plan, held.IndexOf(plan.Date));
            }
            previousTalk = plan.Agenda.FirstOrDefault(a => a.Kind == AgendaItemKind.Talk)?.Title ?? previousTalk;
        }
        ev.UpdatedAt = ev.Sessions[^1].UpdatedAt;

        // Everything above is fixed; only from here on does "now" matter.
        ev.Sessions.Add(NewUpcomingSession(held.Count));

        foreach (var speaker in _speakers.Values.Where(s => s.CreatedAt == default))
        {
            speaker.CreatedAt = founded;
        }
        // Someone turned away at a full door left no trace, so they are no attendee of ours.
        var attendees = _people.Select(p => p.Attendee).Where(a => a.CreatedAt != default).ToList();
        return new DemoData(ev, [.. DemoCommunity.Speakers.Select(p => _speakers[p.Key])], attendees, _rsvps, _checkIns);
    }

    private void CreateCohorts(List<DateOnly> held)
    {
        foreach (var cohort in DemoCommunity.Cohorts)
        {
            for (var i = 0; i < cohort.Size; i++)
            {
                var span = cohort.LatestStart.DayNumber - cohort.EarliestStart.DayNumber;
                var start = cohort.EarliestStart.AddDays(_random.Next(span + 1));
                var person = NewPerson(cohort.Origin, start);
                var end = start.AddMonths(_random.Next(cohort.MinMonths, cohort.MaxMonths + 1));
                AddHabit(person, new Habit(start, end, cohort.Chance), held);
                if (cohort.ComesBack)
                {
                    var back = end.AddMonths(_random.Next(4, 11));
                    AddHabit(person, new Habit(back, back.AddMonths(_random.Next(2, 7)), cohort.Chance), held);
                }
            }
        }
    }

    private static void AddHabit(Person person, Habit habit, List<DateOnly> held)
    {
        person.Habits.Add(habit);
        // The first session on or after the start, even when a pause pushes it past the habit's end.
        var first = held.FindIndex(d => d >= habit.From);
        if (first >= 0)
        {
            person.SureVisits.Add(first);
        }
    }

    private Session NewSession(SessionPlan plan, string? previousTalk)
    {
        var startsAt = ToUtc(plan.Date, plan.Date.DayOfWeek == DayOfWeek.Sunday
            ? DemoCommunity.SundayStart
            : DemoCommunity.WeekdayStart);
        var createdAt = startsAt.AddDays(-14);
        var cancelled = plan.CancelReason is not null;
        var session = new Session
        {
            Title = plan.Title,
            StartsAt = startsAt,
            EndsAt = startsAt.AddMinutes(plan.Agenda.Sum(a => a.Minutes)),
            Format = plan.Format,
            VenueName = plan.Room?.Name,
            VenueAddress = plan.Room?.Address,
            OnlineUrl = plan.Format == SessionFormat.InPerson ? null : DemoCommunity.OnlineUrl,
            Capacity = plan.Format switch
            {
                SessionFormat.Online => DemoCommunity.OnlineCapacity,
                SessionFormat.Hybrid => plan.Room!.Capacity + DemoCommunity.HybridOnlineSeats,
                _ => plan.Room!.Capacity,
            },
            Languages = [.. plan.Languages],
            RsvpOpensAt = createdAt,
            RsvpClosesAt = startsAt,
            Status = cancelled ? SessionStatus.Cancelled : SessionStatus.Published,
            CancelReason = plan.CancelReason,
            // Cancelling is a change attendees' calendars must learn about.
            Sequence = cancelled ? 1 : 0,
            CreatedAt = createdAt,
            UpdatedAt = cancelled ? startsAt.AddDays(-5) : createdAt,
        };
        session.AgendaItems.AddRange(NewAgenda(plan.Agenda, previousTalk, createdAt));
        return session;
    }

    private IEnumerable<AgendaItem> NewAgenda(IReadOnlyList<AgendaPlan> agenda, string? previousTalk, DateTime createdAt)
        => agenda.Select((item, position) => new AgendaItem
        {
            Position = position,
            Kind = item.Kind,
            DurationMinutes = item.Minutes,
            Title = item.Title ?? (previousTalk is null ? "Review of last session" : $"Review of last session: {previousTalk}"),
            Speakers = [.. item.SpeakerKeys.Select(key => SpeakerFor(key, createdAt))],
        });

    private Speaker SpeakerFor(string key, DateTime createdAt)
    {
        var speaker = _speakers[key];
        // Sessions are built oldest first, so the first talk dates the profile.
        if (speaker.CreatedAt == default)
        {
            speaker.CreatedAt = createdAt;
        }
        return speaker;
    }

    /// <summary>Decides who comes to a held session and how (RSVP, no-show, waitlist, walk-in).</summary>
    private void Attend(Session session, SessionPlan plan, int index)
    {
        // Loyalty: how faithful the person is right now (0 for a one-time visitor).
        var comers = new List<(Person Person, bool Sure, double Loyalty)>();
        foreach (var person in _people)
        {
            var habit = person.Habits.FirstOrDefault(h => h.From <= plan.Date && plan.Date <= h.To);
            if (person.SureVisits.Contains(index) || (plan.EveryRegularCame && habit?.Chance >= RegularLoyalty))
            {
                comers.Add((person, true, habit?.Chance ?? 0));
            }
            else if (habit is not null && Chance(habit.Chance * LanguageFit(person.Origin, plan.Languages)))
            {
                comers.Add((person, false, habit.Chance));
            }
        }
        for (var i = 0; i < plan.Visitors; i++)
        {
            comers.Add((NewPerson(Origin.Any, plan.Date), false, 0));
        }

        var online = plan.Format == SessionFormat.Online;
        // Online RSVPs cost nothing, so more of them are forgotten; dropping in unannounced is rarer online.
        var noShowChance = online ? 0.25 : 0.16;
        var walkInChance = online ? 0.06 : 0.1;

        var walkIns = new List<Person>();
        var rsvps = new List<(Person Person, bool Sure, double Loyalty, DateTime At)>();
        foreach (var comer in comers)
        {
            if (Chance(walkInChance))
            {
                walkIns.Add(comer.Person);
            }
            else
            {
                rsvps.Add((comer.Person, comer.Sure, comer.Loyalty, Between(session.CreatedAt, session.StartsAt.AddMinutes(-30))));
            }
        }

        var confirmed = 0;
        var waitlisted = 0;
        foreach (var (person, sure, loyalty, at) in rsvps.OrderBy(r => r.At))
        {
            var rsvp = new Rsvp { Attendee = person.Attendee, CreatedAt = at, UpdatedAt = at };
            if (!sure && Chance(0.05))
            {
                rsvp.Status = RsvpStatus.Cancelled;
                rsvp.UpdatedAt = Between(at, session.StartsAt);
            }
            else if (confirmed < session.Capacity)
            {
                // Cancelled seats went to the waitlist, so in the end only a full session has one.
                rsvp.Status = RsvpStatus.Confirmed;
                confirmed++;
                // The faithful forget less: a regular rarely, a first-timer most often.
                if (sure || !Chance(noShowChance * (1.2 - loyalty)))
                {
                    CheckIn(session, person, index, walkIn: false);
                }
            }
            else
            {
                rsvp.Status = RsvpStatus.Waitlisted;
                rsvp.WaitlistPosition = ++waitlisted;
            }
            session.Rsvps.Add(rsvp);
            Seen(person, at);
            _rsvps++;
        }

        foreach (var person in walkIns)
        {
            // A full room turns walk-ins away.
            if (session.CheckIns.Count >= session.Capacity)
            {
                break;
            }
            CheckIn(session, person, index, walkIn: true);
        }
    }

    private void CheckIn(Session session, Person person, int index, bool walkIn)
    {
        var online = session.Format == SessionFormat.Online
            || (session.Format == SessionFormat.Hybrid && !walkIn && Chance(0.55));
        var method = online ? CheckInMethod.OnlineJoin
            : walkIn ? CheckInMethod.WalkIn
            : _random.NextDouble() switch { < 0.6 => CheckInMethod.Qr, < 0.75 => CheckInMethod.Code, _ => CheckInMethod.Manual };
        // Online people join just before the start; at the door most arrive early, walk-ins rather late.
        var (from, to) = online ? (-5, 10) : walkIn ? (0, 30) : (-20, 15);
        var at = Between(session.StartsAt.AddMinutes(from), session.StartsAt.AddMinutes(to));
        session.CheckIns.Add(new CheckIn { Attendee = person.Attendee, At = at, Method = method });
        person.Attended.Add(index);
        Seen(person, at);
        _checkIns++;
    }

    private Session NewUpcomingSession(int heldCount)
    {
        var plan = DemoCommunity.Upcoming;
        var startsAt = ToUtc(NextUpcomingDate(), DemoCommunity.WeekdayStart);
        var createdAt = _now.AddDays(-6);
        var opensAt = _now.AddDays(-5);
        var session = new Session
        {
            Title = plan.Title,
            Description = plan.Description,
            StartsAt = startsAt,
            EndsAt = startsAt.AddMinutes(plan.Agenda.Sum(a => a.Minutes)),
            Format = SessionFormat.InPerson,
            VenueName = plan.Room.Name,
            VenueAddress = plan.Room.Address,
            Capacity = plan.Room.Capacity,
            Languages = [.. plan.Languages],
            RsvpOpensAt = opensAt,
            RsvpClosesAt = startsAt,
            Status = SessionStatus.Published,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
        session.AgendaItems.AddRange(NewAgenda(plan.Agenda, null, createdAt));

        // The regulars answer first: those who came most to the recent sessions, then overall.
        var recent = heldCount - 8;
        var regulars = _people
            .Where(p => p.Attended.Count > 0)
            .OrderByDescending(p => p.Attended.Count(i => i >= recent))
            .ThenByDescending(p => p.Attended.Count)
            .Take(UpcomingRsvps);
        foreach (var person in regulars)
        {
            var at = Between(opensAt, _now);
            session.Rsvps.Add(new Rsvp { Attendee = person.Attendee, Status = RsvpStatus.Confirmed, CreatedAt = at, UpdatedAt = at });
            _rsvps++;
        }
        return session;
    }

    /// <summary>The first Wednesday, at the usual 19:30 Tokyo time, at least ten days from now.</summary>
    private DateOnly NextUpcomingDate()
    {
        var earliest = TimeZoneInfo.ConvertTime(_now.AddDays(10), _zone);
        var day = DateOnly.FromDateTime(earliest);
        while (day.DayOfWeek != DayOfWeek.Wednesday || day.ToDateTime(DemoCommunity.WeekdayStart) < earliest)
        {
            day = day.AddDays(1);
        }
        return day;
    }

    private Person NewPerson(Origin origin, DateOnly since)
    {
        if (origin == Origin.Any)
        {
            // The group was Chinese-speaking until two Japanese engineers came to the fourth session.
            var r = _random.NextDouble();
            origin = since < DemoCommunity.FirstJapaneseVisit ? Origin.Chinese
                : r < 0.08 ? Origin.Western
                : r < 0.5 ? Origin.Japanese
                : Origin.Chinese;
        }
        var (displayName, family, given) = NewName(origin);
        string[] locals = origin switch
        {
            Origin.Chinese => [$"{family}.{given}", $"{given}.{family}", $"{family}{given}", $"{given[0]}{family}",
                $"{family}{given}{_random.Next(10, 100)}"],
            Origin.Japanese => [$"{given}.{family}", $"{family}.{given}", $"{given[0]}.{family}", $"{family}-{given}"],
            _ => [$"{given}.{family}", $"{given[0]}{family}", given],
        };
        var local = Pick(locals);
        var domain = origin switch
        {
            Origin.Chinese => Pick(["example.com", "example.com", "example.cn", "example.jp"]),
            Origin.Japanese => Pick(["example.jp", "example.jp", "example.com"]),
            _ => "example.com",
        };
        var language = origin switch
        {
            // Some Chinese engineers have lived in Japan long enough to prefer Japanese.
            Origin.Chinese => Pick(["zh", "zh", "zh", "zh", "zh", "zh", "zh", "ja", "ja", "en"]),
            Origin.Japanese => Pick(["ja", "ja", "ja", "ja", "ja", "ja", "ja", "ja", "ja", "en"]),
            _ => Pick(["en", "en", "en", "ja"]),
        };
        var person = new Person(
            new Attendee { Email = UniqueEmail(local, domain), DisplayName = displayName, PreferredLanguage = language },
            origin);
        _people.Add(person);
        return person;
    }

    /// <returns>The display name, and the family and given names in lower-case ASCII for the email.</returns>
    private (string DisplayName, string Family, string Given) NewName(Origin origin)
    {
        while (true)
        {
            var (displayName, family, given) = origin switch
            {
                Origin.Chinese => ChineseName(Pick(DemoCommunity.ChineseSurnames), Pick(DemoCommunity.ChineseGivenNames)),
                Origin.Japanese => JapaneseName(Pick(DemoCommunity.JapaneseSurnames), Pick(DemoCommunity.JapaneseGivenNames)),
                _ => WesternName(Pick(DemoCommunity.WesternNames).Given, Pick(DemoCommunity.WesternNames).Family),
            };
            // Two people of one name exist in real life, but in a demo they only look like a bug.
            if (_names.Add(displayName))
            {
                return (displayName, Ascii(family), Ascii(given));
            }
        }

        static (string, string, string) ChineseName((string Native, string Latin) family, (string Native, string Latin) given)
            => ($"{family.Native}{given.Native} ({family.Latin} {given.Latin})", family.Latin, given.Latin);

        static (string, string, string) JapaneseName((string Native, string Latin) family, (string Native, string Latin) given)
            => ($"{family.Native} {given.Native} ({family.Latin} {given.Latin})", family.Latin, given.Latin);

        static (string, string, string) WesternName(string given, string family)
            => ($"{given} {family}", family, given);

        static string Ascii(string name) => new([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
    }

    private string UniqueEmail(string local, string domain)
    {
        var email = EmailAddress.Normalize($"{local}@{domain}");
        for (var n = 2; !_emails.Add(email); n++)
        {
            email = EmailAddress.Normalize($"{local}{n}@{domain}");
        }
        return email;
    }

    /// <summary>People come less to sessions held only in a language they are less at home in.</summary>
    private static double LanguageFit(Origin origin, IReadOnlyList<string> languages) => origin switch
    {
        Origin.Japanese when !languages.Contains("ja") => 0.4,
        Origin.Chinese when !languages.Contains("zh") => 0.75,
        Origin.Western => 0.7,
        _ => 1.0,
    };

    private static void Seen(Person person, DateTime at)
    {
        if (person.Attendee.CreatedAt == default || at < person.Attendee.CreatedAt)
        {
            person.Attendee.CreatedAt = at;
        }
    }

    private DateTime ToUtc(DateOnly date, TimeOnly time)
        => TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), _zone);

    /// <summary>A random instant in [from, to), to the second.</summary>
    private DateTime Between(DateTime from, DateTime to)
        => from.AddSeconds(Math.Floor(_random.NextDouble() * (to - from).TotalSeconds));

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
