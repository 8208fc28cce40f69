using Meetup.Data;
using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Attendees;

/// <summary>
/// The one way to find people by (normalized) email: their own address first, then the addresses merges left
/// behind (<see cref="AttendeeAlias"/>), so that a merged person is never split again by a new RSVP, a walk-in
/// or a re-import. Each step is a lookup by unique index.
/// </summary>
public static class PeopleByEmail
{
    /// <summary>The tracked person with this address, or null.</summary>
    public static async Task<Attendee?> FindAsync(MeetupDb db, string email, CancellationToken ct)
        => await db.Attendees.FirstOrDefaultAsync(a => a.Email == email, ct)
            ?? await db.AttendeeAliases.Where(x => x.Email == email).Select(x => x.Attendee).FirstOrDefaultAsync(ct);

    /// <summary>The id of the person with this address, or null.</summary>
    public static async Task<int?> IdAsync(MeetupDb db, string email, CancellationToken ct)
        => await db.Attendees.Where(a => a.Email == email).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
            ?? await db.AttendeeAliases.Where(x => x.Email == email).Select(x => (int?)x.AttendeeId).FirstOrDefaultAsync(ct);

    /// <summary>The tracked people with these addresses, by the address asked for (two merged addresses give the same person).</summary>
    public static async Task<Dictionary<string, Attendee>> FindAllAsync(MeetupDb db, IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        var found = await db.Attendees.Where(a => emails.Contains(a.Email!)).ToDictionaryAsync(a => a.Email!, StringComparer.Ordinal, ct);
        if (found.Count < emails.Count)
        {
            var missing = emails.Where(e => !found.ContainsKey(e)).ToList();
            foreach (var alias in await db.AttendeeAliases.Where(x => missing.Contains(x.Email)).Include(x => x.Attendee).ToListAsync(ct))
            {
                found[alias.Email] = alias.Attendee!;
            }
        }
        return found;
    }

    /// <summary>Id and name of the people with these addresses (untracked, for bulk work such as an import).</summary>
    public static async Task<Dictionary<string, (int Id, string? Name)>> IdsAsync(MeetupDb db, IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        var found = new Dictionary<string, (int Id, string? Name)>(StringComparer.Ordinal);
        foreach (var chunk in emails.Chunk(EmailChunk))
        {
            foreach (var a in await db.Attendees.AsNoTracking().Where(a => chunk.Contains(a.Email))
                .Select(a => new { a.Id, a.Email, a.DisplayName }).ToListAsync(ct))
            {
                found[a.Email!] = (a.Id, a.DisplayName);
            }
        }
        if (found.Count < emails.Count && await db.AttendeeAliases.AnyAsync(ct))
        {
            foreach (var chunk in emails.Where(e => !found.ContainsKey(e)).Chunk(EmailChunk))
            {
                foreach (var x in await db.AttendeeAliases.AsNoTracking().Where(x => chunk.Contains(x.Email))
                    .Select(x => new { x.Email, x.AttendeeId, x.Attendee!.DisplayName }).ToListAsync(ct))
                {
                    found[x.Email] = (x.AttendeeId, x.DisplayName);
                }
            }
        }
        return found;
    }

    /// <summary>Emails per IN (…) query: well under SQLite's and PostgreSQL's parameter limits.</summary>
    private const int EmailChunk = 1_000;
}
