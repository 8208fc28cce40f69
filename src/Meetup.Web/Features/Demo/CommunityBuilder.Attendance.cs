using Meetup.Data.Entities;

namespace Meetup.Web.Features.Demo;

internal sealed partial class CommunityBuilder
{
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
}
