using System.Globalization;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Attendees;

public enum DuplicateReason { SameName, SameAccount }

/// <summary>People of one event who may be one person: why, and who (with how much history each carries).</summary>
public sealed record DuplicateGroup(DuplicateReason Reason, IReadOnlyList<DuplicateCandidate> People)
{
    /// <summary>Whom to keep unless the organizer says otherwise: a deliverable address first, then the longest history.</summary>
    public int SuggestedKeepId => People
        .OrderByDescending(p => p.Email is not null && AccountAddress.IsDeliverable(p.Email))
        .ThenByDescending(p => p.Sessions).ThenBy(p => p.Id)
        .First().Id;
}

public sealed record DuplicateCandidate(int Id, string? Name, string? Email, int Sessions, DateTime? LastCame);

/// <summary>
/// Finds the people of an event (an RSVP or a check-in at one of its sessions) who share a name (ignoring case and
/// spacing), or whose account placeholder has the same account name as another's address
/// (<c>taro_y@connpass.invalid</c>, <c>taro_y@example.com</c>). Names are compared in memory: one read of the
/// event's people, then the figures of the candidates only.
/// </summary>
public sealed class PossibleDuplicates(IDbContextFactory<MeetupDb> dbFactory, TimeProvider time)
{
    private const int IdChunk = 1_000;

    public async Task<IReadOnlyList<DuplicateGroup>> ForEventAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = db.Rsvps.Where(r => r.Session!.EventId == eventId).Select(r => r.AttendeeId)
            .Union(db.CheckIns.Where(c => c.Session!.EventId == eventId).Select(c => c.AttendeeId));
        var people = await db.Attendees.AsNoTracking()
            .Where(a => a.Email != null && ids.Contains(a.Id))
            .Select(a => new { a.Id, a.DisplayName, a.Email })
            .ToListAsync(ct);

        var byName = people.Where(p => NameKey(p.DisplayName) is not null)
            .GroupBy(p => NameKey(p.DisplayName)!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => (DuplicateReason.SameName, Ids: g.Select(p => p.Id).Order().ToList()));
        var byAccount = people
            .GroupBy(p => AccountKey(p.Email!), StringComparer.Ordinal)
            .Where(g => g.Count() > 1 && g.Any(p => !AccountAddress.IsDeliverable(p.Email!)))
            .Select(g => (DuplicateReason.SameAccount, Ids: g.Select(p => p.Id).Order().ToList()));
        var groups = byName.Concat(byAccount)
            .DistinctBy(g => string.Join(',', g.Ids)) // the same people for both reasons: listed once
            .ToList();
        if (groups.Count == 0)
        {
            return [];
        }
        // A group whose every pair the organizer called "not the same" is settled; a newcomer to it reopens it.
        var distinct = await DistinctPairsAsync(db, [.. groups.SelectMany(g => g.Ids).Distinct()], ct);
        groups = [.. groups.Where(g => !Pairs(g.Ids).All(distinct.Contains))];

        var candidates = new Dictionary<int, DuplicateCandidate>();
        foreach (var chunk in groups.SelectMany(g => g.Ids).Distinct().Chunk(IdChunk))
        {
            foreach (var c in await db.Attendees.AsNoTracking().Where(a => chunk.Contains(a.Id) && a.Email != null)
                .Select(a => new DuplicateCandidate(a.Id, a.DisplayName, a.Email,
                    a.Rsvps.Select(r => r.SessionId).Union(a.CheckIns.Select(c => c.SessionId)).Count(),
                    a.CheckIns.Max(c => (DateTime?)c.At)))
                .ToListAsync(ct))
            {
                candidates[c.Id] = c;
            }
        }
        // Someone merged or erased between the two reads drops out; a group left with one person is no group.
        return [.. groups
            .Select(g => new DuplicateGroup(g.Item1, [.. g.Ids.Where(candidates.ContainsKey).Select(id => candidates[id])]))
            .Where(g => g.People.Count > 1)
            .OrderBy(g => g.People[0].Name ?? g.People[0].Email, StringComparer.CurrentCulture)];
    }

    /// <summary>"Not the same person": none of these people is offered as a duplicate of another again. False when it could not be saved.</summary>
    public async Task<bool> NotTheSameAsync(IReadOnlyCollection<int> attendeeIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var known = await DistinctPairsAsync(db, attendeeIds, ct);
        var now = time.GetUtcNow().UtcDateTime;
        db.DistinctPeople.AddRange(Pairs([.. attendeeIds.Distinct().Order()]).Where(p => !known.Contains(p))
            .Select(p => DistinctPeople.Pair(p.Item1, p.Item2, now)));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another organizer said the same at the same moment, one of them was merged meanwhile, or the database
            // was busy: nothing was saved; the page says so, and the group is still there to try again.
            return false;
        }
    }

    /// <summary>The pairs among these people already called distinct, lower id first.</summary>
    internal static async Task<HashSet<(int, int)>> DistinctPairsAsync(MeetupDb db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var pairs = new HashSet<(int, int)>();
        foreach (var chunk in ids.Chunk(IdChunk))
        {
            foreach (var d in await db.DistinctPeople.AsNoTracking().Where(d => chunk.Contains(d.AttendeeId))
                .Select(d => new { d.AttendeeId, d.OtherAttendeeId }).ToListAsync(ct))
            {
                pairs.Add((d.AttendeeId, d.OtherAttendeeId));
            }
        }
        return pairs;
    }

    /// <summary>Every pair of a sorted list, lower id first.</summary>
    private static IEnumerable<(int, int)> Pairs(IReadOnlyList<int> sorted)
        => sorted.SelectMany((a, i) => sorted.Skip(i + 1).Select(b => (a, b)));

    /// <summary>"Wang  Li " and "wang li" are the same name; an empty name is nobody's.</summary>
    internal static string? NameKey(string? name)
    {
        var words = name?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words is null || words.Length == 0 ? null : string.Join(' ', words).ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>An account placeholder and another address with the same account name (two real addresses never).</summary>
    internal static bool SameAccount(string email, string other)
        => (!AccountAddress.IsDeliverable(email) || !AccountAddress.IsDeliverable(other))
            && string.Equals(AccountKey(email), AccountKey(other), StringComparison.Ordinal);

    /// <summary>The account name: what comes before the @ (<c>taro_y</c>; placeholders keep it URL-escaped).</summary>
    internal static string AccountKey(string email)
    {
        var local = email[..Math.Max(0, email.LastIndexOf('@'))];
        return AccountAddress.IsDeliverable(email) ? local : Uri.UnescapeDataString(local);
    }
}
