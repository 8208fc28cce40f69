using Meetup.Data;
using Meetup.Web.Features.Attendees;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Import.Screen;

/// <summary>What a valid file will do to an event, before anything is written.</summary>
/// <param name="Rows">Data rows (one person at one session each).</param>
/// <param name="Sessions">Different sessions (by start instant) in the file.</param>
/// <param name="NewSessions">Of those, sessions the event does not have yet.</param>
/// <param name="People">Different people (by normalized email) in the file.</param>
/// <param name="NewPeople">Of those, people not known yet.</param>
/// <param name="Rsvps">(session, person) pairs with an RSVP in the file.</param>
/// <param name="CheckIns">(session, person) pairs who attended, in the file.</param>
/// <param name="Changes">What the import will write (a rolled-back run of it): all zero when the file was imported before.</param>
/// <param name="Withdrawn">People who left the site the file comes from (connpass's "(退会ユーザー)"): each row one person.</param>
public sealed record ImportPreview(
    int Rows,
    int Sessions,
    int NewSessions,
    int People,
    int NewPeople,
    int Rsvps,
    int CheckIns,
    IReadOnlyList<PreviewSession> SessionSamples,
    IReadOnlyList<PreviewPerson> NewPeopleSamples,
    IReadOnlyList<ImportRow> FirstRows,
    ImportResult? Changes = null,
    int Withdrawn = 0)
{
    /// <summary>The import would write nothing: everything in the file is there already.</summary>
    public bool ChangesNothing => Changes is { SessionsCreated: 0, SessionsUpdated: 0, AttendeesCreated: 0, RsvpsWritten: 0, CheckInsWritten: 0 };
}

/// <summary>A session of the file: whether the event has it already, and how many people it lists.</summary>
public sealed record PreviewSession(DateTime StartsAt, string? Title, int People, int Attended, bool Exists);

public sealed record PreviewPerson(string Email, string? Name);

/// <summary>An existing session of the event, which a file of one session can add to.</summary>
public sealed record SessionChoice(int Id, DateTime StartsAt, string? Title);

/// <summary>Compares a parsed file with the event's sessions and the known people: two queries, whatever the file's size.</summary>
public sealed class ImportPreviewService(IDbContextFactory<MeetupDb> dbFactory, HistoryWriter writer)
{
    public const int SampleSize = 10;

    public async Task<ImportPreview> PreviewAsync(int eventId, IReadOnlyList<ImportRow> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var plan = ImportPlan.Build(rows);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existingStarts = (await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).Select(s => s.StartsAt).ToListAsync(ct))
            .Select(AsUtc).ToHashSet();
        var emails = plan.People.Select(p => p.Email).Concat(plan.People.Where(p => p.ContactEmail is not null).Select(p => p.ContactEmail!)).ToArray();
        var knownEmails = (await PeopleByEmail.IdsAsync(db, emails, ct)).Keys.ToHashSet(StringComparer.Ordinal);
        var changes = await writer.DryRunAsync(eventId, rows, ct);

        var peoplePerSession = new int[plan.Sessions.Count];
        var attendedPerSession = new int[plan.Sessions.Count];
        int rsvps = 0, checkIns = 0;
        foreach (var pair in plan.Pairs)
        {
            peoplePerSession[pair.Session]++;
            if (pair.Attended)
            {
                attendedPerSession[pair.Session]++;
                checkIns++;
            }
            if (pair.Rsvp != ImportRsvp.None)
            {
                rsvps++;
            }
        }

        var sessions = plan.Sessions
            .Select((s, i) => new PreviewSession(s.Start, s.Title, peoplePerSession[i], attendedPerSession[i], existingStarts.Contains(AsUtc(s.Start))))
            .ToList();
        var newPeople = plan.People
            .Where(p => !knownEmails.Contains(p.Email) && (p.ContactEmail is null || !knownEmails.Contains(p.ContactEmail)))
            .ToList();
        return new ImportPreview(
            rows.Count,
            sessions.Count,
            sessions.Count(s => !s.Exists),
            plan.People.Count,
            newPeople.Count,
            rsvps,
            checkIns,
            // New sessions first (what the import creates), then the ones it adds to, each by date.
            [.. sessions.OrderBy(s => s.Exists).ThenBy(s => s.StartsAt).Take(SampleSize)],
            [.. newPeople.Take(SampleSize).Select(p => new PreviewPerson(p.Email, p.Name))],
            [.. rows.Take(SampleSize)],
            changes,
            plan.People.Count(p => Shared.AccountAddress.IsWithdrawn(p.Email)));
    }

    /// <summary>The event's sessions, latest first: a per-event file can add to one of them.</summary>
    public async Task<IReadOnlyList<SessionChoice>> SessionsAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EventId == eventId)
            .OrderByDescending(s => s.StartsAt)
            .Select(s => new SessionChoice(s.Id, s.StartsAt, s.Title))
            .ToListAsync(ct);
        return [.. sessions.Select(s => s with { StartsAt = AsUtc(s.StartsAt) })];
    }

    private static DateTime AsUtc(DateTime instant) => DateTime.SpecifyKind(instant, DateTimeKind.Utc);
}
