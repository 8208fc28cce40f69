using Meetup.Data.Entities;

namespace Meetup.Web.Features.Import;

/// <summary>
/// The rows of a file grouped into what they describe: sessions (by start instant), people (by
/// normalized email) and one entry per (session, person). Several rows may describe the same
/// thing; they merge as documented on each member.
/// </summary>
internal sealed class ImportPlan
{
    public List<PlannedSession> Sessions { get; } = [];
    public List<PlannedPerson> People { get; } = [];

    /// <summary>In the order of the file (the order new waitlist positions follow).</summary>
    public List<PlannedPair> Pairs { get; } = [];

    public static ImportPlan Build(IReadOnlyList<ImportRow> rows)
    {
        var plan = new ImportPlan();
        var sessions = new Dictionary<DateTime, int>();
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new Dictionary<(int, int), int>();
        foreach (var row in rows)
        {
            if (!sessions.TryGetValue(row.SessionStart, out var s))
            {
                s = plan.Sessions.Count;
                sessions.Add(row.SessionStart, s);
                plan.Sessions.Add(new PlannedSession(row.SessionStart));
            }
            plan.Sessions[s].Merge(row);

            if (!people.TryGetValue(row.Email, out var p))
            {
                p = plan.People.Count;
                people.Add(row.Email, p);
                plan.People.Add(new PlannedPerson(row.Email));
            }
            plan.People[p].Name ??= row.Name;
            plan.People[p].ContactEmail ??= row.ContactEmail;

            if (pairs.TryGetValue((s, p), out var existing))
            {
                plan.Pairs[existing] = plan.Pairs[existing].Merge(row);
            }
            else
            {
                pairs.Add((s, p), plan.Pairs.Count);
                plan.Pairs.Add(new PlannedPair(s, p, row.Rsvp, row.Attended, row.Attended ? row.CheckedInAt : null));
            }
        }
        return plan;
    }
}

/// <summary>A session of the file. Each field takes the first non-empty value among its rows.</summary>
internal sealed class PlannedSession(DateTime start)
{
    public DateTime Start { get; } = start;
    public string? Title { get; private set; }
    public SessionFormat? Format { get; private set; }
    public IReadOnlyList<string>? Languages { get; private set; }
    public SessionStatus? Status { get; private set; }

    public void Merge(ImportRow row)
    {
        Title ??= row.SessionTitle;
        Format ??= row.SessionFormat;
        Languages ??= row.SessionLanguages;
        Status ??= row.SessionStatus;
    }
}

/// <summary>A person of the file (by <see cref="Email"/>, an account's address for people known by an account); the first name and contact address given win.</summary>
internal sealed class PlannedPerson(string email)
{
    public string Email { get; } = email;
    public string? Name { get; set; }

    /// <summary>The e-mail a file of accounts also gives for this person.</summary>
    public string? ContactEmail { get; set; }
}

/// <summary>
/// One person at one session. Rows repeated for the pair (e.g. the same person typed once in
/// full-width) merge: attended if any row says so, and the strongest RSVP
/// (confirmed, then waitlisted, then cancelled, then none), and the earliest check-in time.
/// </summary>
internal readonly record struct PlannedPair(int Session, int Person, ImportRsvp Rsvp, bool Attended, DateTime? CheckedInAt = null)
{
    public PlannedPair Merge(ImportRow row) => this with
    {
        Rsvp = Strength(row.Rsvp) > Strength(Rsvp) ? row.Rsvp : Rsvp,
        Attended = Attended || row.Attended,
        CheckedInAt = Earliest(CheckedInAt, row.Attended ? row.CheckedInAt : null),
    };

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>Confirmed, then waitlisted, then cancelled, then none.</summary>
    public static int Strength(ImportRsvp rsvp) => rsvp switch
    {
        ImportRsvp.Confirmed => 3,
        ImportRsvp.Waitlisted => 2,
        ImportRsvp.Cancelled => 1,
        _ => 0,
    };
}
