using System.Diagnostics.CodeAnalysis;
using Meetup.Data.Entities;

namespace Meetup.Web.Features.Demo;

/// <summary>
/// Builds the demo community in memory from <see cref="DemoCommunity"/> with one seeded random sequence, so it is
/// the same every run. Split by job: here the event, cohorts and habits; .Sessions the sessions and agendas;
/// .Attendance who comes and how; .People names and addresses; .Feedback their survey answers; .Follows who follows
/// the group and one at-risk invitation.
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness",
    Justification = "Demo data must come out the same on every run, so a seeded System.Random; nothing here is secret.")]
internal sealed partial class CommunityBuilder(DateTimeOffset now)
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
        var heldSessions = new List<Session>();
        foreach (var plan in DemoCommunity.History)
        {
            var session = NewSession(plan, previousTalk);
            ev.Sessions.Add(session);
            if (plan.CancelReason is null)
            {
                Attend(session, plan, held.IndexOf(plan.Date));
                heldSessions.Add(session);
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
        var (follows, announcements) = FollowsAndInvitation(ev, heldSessions);
        return new DemoData(ev, [.. DemoCommunity.Speakers.Select(p => _speakers[p.Key])], attendees, Survey(heldSessions), _rsvps, _checkIns)
        {
            Follows = follows,
            Announcements = announcements,
        };
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

    private DateTime ToUtc(DateOnly date, TimeOnly time)
        => TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), _zone);

    /// <summary>A random instant in [from, to), to the second.</summary>
    private DateTime Between(DateTime from, DateTime to)
        => from.AddSeconds(Math.Floor(_random.NextDouble() * (to - from).TotalSeconds));

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}

internal sealed record Habit(DateOnly From, DateOnly To, double Chance);

internal sealed class Person(Attendee attendee, Origin origin)
{
    public Attendee Attendee { get; } = attendee;
    public Origin Origin { get; } = origin;
    public List<Habit> Habits { get; } = [];

    /// <summary>Indexes (into the held sessions) of the first visit of each habit: people come at least once.</summary>
    public HashSet<int> SureVisits { get; } = [];

    public List<int> Attended { get; } = [];
}
