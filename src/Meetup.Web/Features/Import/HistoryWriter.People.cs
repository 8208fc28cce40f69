using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Attendees;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Import;

// People: matched by normalized email (or an address a merge left behind), new ones inserted in bulk, missing names filled in.
public sealed partial class HistoryWriter
{
    private static async Task<(int[] Ids, int Created)> WritePeopleAsync(MeetupDb db, ImportPlan plan, DateTime now, CancellationToken ct)
    {
        var known = await PeopleByEmail.IdsAsync(db, [.. plan.People.Select(p => p.Email)], ct);
        await MatchErasedAsync(db, plan, known, ct);

        var added = plan.People.Where(p => !known.ContainsKey(p.Email)).ToList();
        await new BulkInsert<PlannedPerson>(db, typeof(Attendee),
            [
                (nameof(Attendee.Email), p => p.Email),
                (nameof(Attendee.DisplayName), p => p.Name),
                (nameof(Attendee.CreatedAt), _ => now),
            ])
            .ExecuteAsync(db, added, null, ct);
        foreach (var (email, stored) in await PeopleByEmail.IdsAsync(db, [.. added.Select(p => p.Email)], ct))
        {
            known[email] = stored;
        }

        var ids = new int[plan.People.Count];
        var named = new HashSet<int>(); // two addresses of one merged person: their name is filled in once
        for (var p = 0; p < ids.Length; p++)
        {
            var person = plan.People[p];
            var stored = known[person.Email];
            ids[p] = stored.Id;
            if (string.IsNullOrEmpty(stored.Name) && person.Name is not null && !ErasedPeople.TryParse(person.Email, out _) && named.Add(stored.Id))
            {
                // Fill in a missing name (a walk-in checked in by email only); never overwrite one.
                var entry = db.Attendees.Attach(new Attendee { Id = stored.Id });
                entry.Entity.DisplayName = person.Name;
                entry.Property(a => a.DisplayName).IsModified = true;
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (ids, added.Count);
    }

    /// <summary>Placeholders of erased people (see <see cref="ErasedPeople"/>) match the anonymous attendee they stand for.</summary>
    private static async Task MatchErasedAsync(MeetupDb db, ImportPlan plan, Dictionary<string, (int Id, string? Name)> known, CancellationToken ct)
    {
        var placeholders = new Dictionary<int, string>();
        foreach (var person in plan.People)
        {
            if (!known.ContainsKey(person.Email) && ErasedPeople.TryParse(person.Email, out var id))
            {
                placeholders[id] = person.Email;
            }
        }
        foreach (var chunk in placeholders.Keys.Chunk(EmailChunk))
        {
            var erased = await db.Attendees.AsNoTracking().Where(a => chunk.Contains(a.Id) && a.Email == null)
                .Select(a => a.Id).ToListAsync(ct);
            foreach (var id in erased)
            {
                known[placeholders[id]] = (id, "");
            }
        }
    }
}
