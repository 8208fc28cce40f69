using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Data;

/// <summary>
/// Fills <see cref="Attendee.SearchName"/> where a name has none: rows written before the column existed (the
/// AttendeeSearchName migration adds it empty, as neither SQLite nor a portable SQL can fold Unicode like
/// <see cref="SearchFolding.Fold"/>). Run by <see cref="DatabaseMigrator"/> after the migrations, so once in effect:
/// a filled row is never picked again, and an interrupted fill carries on at the next start. A change to the folding
/// rule ships as a migration that empties the column, and this refills it.
/// </summary>
public static class SearchNameFill
{
    private const int Batch = 1_000;

    /// <returns>How many rows it filled.</returns>
    public static async Task<int> RunAsync(MeetupDb db, CancellationToken ct = default)
    {
        var filled = 0;
        while (true)
        {
            var people = await db.Attendees.Where(a => a.DisplayName != null && a.SearchName == null)
                .OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
            if (people.Count == 0)
            {
                return filled;
            }
            foreach (var person in people)
            {
                person.DisplayName = person.DisplayName; // sets SearchName
            }
            await db.SaveChangesAsync(ct); // one transaction a batch
            db.ChangeTracker.Clear();
            filled += people.Count;
        }
    }
}
