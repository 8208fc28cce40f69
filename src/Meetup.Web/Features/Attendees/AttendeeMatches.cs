using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Attendees;

/// <summary>
/// Finds candidates for <see cref="AttendeeMerge"/> across events, by the rules of <see cref="PossibleDuplicates"/>
/// (same name, or an account placeholder named like an address), and a search by name or address. Erased people
/// are never candidates.
/// </summary>
public sealed class AttendeeMatches(IDbContextFactory<MeetupDb> dbFactory)
{
    private const int Limit = 10;

    /// <summary>The most <see cref="ListAsync"/> answers at once.</summary>
    public const int MaxListed = 1_000;

    /// <summary>People by name or address (all when <paramref name="search"/> is empty), by name, erased people left out.</summary>
    public async Task<IReadOnlyList<AttendeeResource>> ListAsync(string? search, int limit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(Matching(db.Attendees.AsNoTracking(), PeopleSearch.Of(search)), Math.Clamp(limit, 1, MaxListed)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<AttendeeResource>> SuggestAsync(int attendeeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Attendees.AsNoTracking().Where(a => a.Id == attendeeId)
            .Select(a => new { a.DisplayName, a.Email }).FirstOrDefaultAsync(ct);
        if (person?.Email is null)
        {
            return [];
        }
        // The database narrows (first word of the name, or the account name); the rules of PossibleDuplicates decide.
        var key = PossibleDuplicates.NameKey(person.DisplayName);
        var firstWord = SearchFolding.Fold(key?.Split(' ')[0]);
        var account = person.Email[..(person.Email.LastIndexOf('@') + 1)]; // "taro_y@"
        var nearby = await db.Attendees.AsNoTracking()
            .Where(a => a.Id != attendeeId && a.Email != null)
            .Where(a => (firstWord != null && a.SearchName != null && a.SearchName.Contains(firstWord)) || a.Email!.StartsWith(account))
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.DisplayName, a.Email })
            .Take(500)
            .ToListAsync(ct);
        var distinct = await PossibleDuplicates.DistinctPairsAsync(db, [attendeeId, .. nearby.Select(a => a.Id)], ct);
        var ids = nearby
            .Where(a => (key is not null && PossibleDuplicates.NameKey(a.DisplayName) == key) || PossibleDuplicates.SameAccount(person.Email, a.Email!))
            .Where(a => !distinct.Contains((Math.Min(attendeeId, a.Id), Math.Max(attendeeId, a.Id))))
            .Select(a => a.Id)
            .Take(Limit)
            .ToList();
        return await Project(db.Attendees.AsNoTracking().Where(a => ids.Contains(a.Id)), Limit).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<AttendeeResource>> SearchAsync(int attendeeId, string? text, CancellationToken ct = default)
    {
        if (PeopleSearch.Of(text) is not { } search || text!.Trim().Length < 2)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(Matching(db.Attendees.AsNoTracking().Where(a => a.Id != attendeeId), search), Limit).ToListAsync(ct);
    }

    /// <summary>The living (not erased) people whose address or name holds what was typed (all when nothing was).</summary>
    private static IQueryable<Attendee> Matching(IQueryable<Attendee> people, PeopleSearch? search)
    {
        people = people.Where(a => a.Email != null);
        return search is null ? people : search.Filter(people);
    }

    private static IQueryable<AttendeeResource> Project(IQueryable<Attendee> people, int limit) => people
        .OrderBy(a => a.DisplayName).ThenBy(a => a.Id)
        .Take(limit)
        .Select(a => new AttendeeResource(a.Id, a.DisplayName, a.Email,
            a.Rsvps.Select(r => r.SessionId).Union(a.CheckIns.Select(c => c.SessionId)).Count()));
}
