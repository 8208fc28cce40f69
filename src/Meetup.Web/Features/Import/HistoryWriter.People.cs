using Meetup.Data;
using Meetup.Data.Bulk;
using Meetup.Data.Entities;
using Meetup.Web.Features.Attendees;
using Meetup.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Import;

// People: matched by normalized email (or an address a merge left behind), new ones inserted in bulk, missing names filled in.
// People known by an account who also gave an e-mail keep it: see KeepContactsAsync.
public sealed partial class HistoryWriter
{
    private static async Task<(int[] Ids, int Created)> WritePeopleAsync(MeetupDb db, ImportPlan plan, DateTime now, CancellationToken ct)
    {
        var known = await PeopleByEmail.IdsAsync(db, [.. plan.People.Select(p => p.Email)], ct);
        await MatchErasedAsync(db, plan, known, ct);
        var contacts = await ContactsAsync(db, plan, known, ct);

        // A new person with a contact address is stored under it (mail can reach them); the account becomes an alias below.
        var added = plan.People.Where(p => !known.ContainsKey(p.Email) && !contacts.Found.ContainsKey(p)).ToList();
        await new BulkInsert<PlannedPerson>(db, typeof(Attendee),
            [
                (nameof(Attendee.Email), p => contacts.Free.Contains(p) ? p.ContactEmail : p.Email),
                (nameof(Attendee.DisplayName), p => p.Name),
                (nameof(Attendee.SearchName), p => SearchFolding.Fold(p.Name)),
                (nameof(Attendee.CreatedAt), _ => now),
            ])
            .ExecuteAsync(db, added, null, ct);
        var addedIds = await PeopleByEmail.IdsAsync(db, [.. added.Select(p => contacts.Free.Contains(p) ? p.ContactEmail! : p.Email)], ct);
        foreach (var person in added)
        {
            known[person.Email] = addedIds[contacts.Free.Contains(person) ? person.ContactEmail! : person.Email];
        }
        foreach (var (person, id) in contacts.Found)
        {
            known[person.Email] = id;
        }
        await KeepContactsAsync(db, plan, known, contacts, now, ct);

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
                entry.Property(a => a.SearchName).IsModified = true; // set with the name; changes are not detected here
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (ids, added.Count);
    }

    /// <param name="Found">People of the file not known by their account whose contact address is someone's already: that person.</param>
    /// <param name="Free">People of the file whose contact address is no one's yet (each address claimed by one person only).</param>
    private sealed record Contacts(Dictionary<PlannedPerson, (int Id, string? Name)> Found, HashSet<PlannedPerson> Free);

    private static async Task<Contacts> ContactsAsync(MeetupDb db, ImportPlan plan, Dictionary<string, (int Id, string? Name)> known, CancellationToken ct)
    {
        var withContact = plan.People.Where(p => p.ContactEmail is not null).ToList();
        var found = new Dictionary<PlannedPerson, (int, string?)>();
        var free = new HashSet<PlannedPerson>();
        if (withContact.Count == 0)
        {
            return new Contacts(found, free);
        }
        var owners = await PeopleByEmail.IdsAsync(db, [.. withContact.Select(p => p.ContactEmail!).Distinct()], ct);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in withContact)
        {
            if (owners.TryGetValue(person.ContactEmail!, out var owner))
            {
                if (!known.ContainsKey(person.Email))
                {
                    found[person] = owner; // e.g. they RSVP'd here with that address: the same person
                }
            }
            else if (claimed.Add(person.ContactEmail!))
            {
                free.Add(person);
            }
        }
        return new Contacts(found, free);
    }

    /// <summary>
    /// Ties each account to its contact address, as a merge would: a new person is stored under the
    /// address with the account as an alias; a known person stored under the account (an undeliverable
    /// address) gets the contact as their address and keeps the account as an alias; anyone else gets the
    /// missing one as an alias. So the account still finds them in the next file, and an RSVP with the
    /// address finds them too. An address that is already someone else's is left alone.
    /// </summary>
    private static async Task KeepContactsAsync(
        MeetupDb db, ImportPlan plan, Dictionary<string, (int Id, string? Name)> known, Contacts contacts, DateTime now, CancellationToken ct)
    {
        var aliases = new List<AttendeeAlias>();
        var promoted = new HashSet<int>();
        var primaries = new Dictionary<int, string?>();
        foreach (var chunk in contacts.Free.Select(p => known[p.Email].Id).Distinct().Chunk(EmailChunk))
        {
            foreach (var a in await db.Attendees.AsNoTracking().Where(a => chunk.Contains(a.Id)).Select(a => new { a.Id, a.Email }).ToListAsync(ct))
            {
                primaries[a.Id] = a.Email;
            }
        }
        foreach (var person in plan.People)
        {
            if (person.ContactEmail is not { } contact || !known.TryGetValue(person.Email, out var stored))
            {
                continue;
            }
            if (contacts.Found.ContainsKey(person))
            {
                aliases.Add(new AttendeeAlias { Email = person.Email, AttendeeId = stored.Id, CreatedAt = now });
            }
            else if (contacts.Free.Contains(person))
            {
                var primary = primaries.GetValueOrDefault(stored.Id);
                if (primary == contact)
                {
                    aliases.Add(new AttendeeAlias { Email = person.Email, AttendeeId = stored.Id, CreatedAt = now }); // new: stored under the address
                }
                else if (primary is not null && !AccountAddress.IsDeliverable(primary) && promoted.Add(stored.Id))
                {
                    await db.Attendees.Where(a => a.Id == stored.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Email, contact), ct);
                    aliases.Add(new AttendeeAlias { Email = primary, AttendeeId = stored.Id, CreatedAt = now });
                }
                else
                {
                    aliases.Add(new AttendeeAlias { Email = contact, AttendeeId = stored.Id, CreatedAt = now });
                }
            }
        }
        db.AttendeeAliases.AddRange(aliases);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
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
