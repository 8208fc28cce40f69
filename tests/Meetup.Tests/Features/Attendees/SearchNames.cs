using Meetup.Data.Entities;
using Meetup.Testing;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Tests.Features.Attendees;

/// <summary>The invariant every writer of a name keeps: a stored search name is the stored name, folded.</summary>
internal static class SearchNames
{
    public static async Task AssertFollowNamesAsync(TestApp app)
    {
        await using var db = app.Factory.CreateDbContext();
        var rows = await db.Attendees.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.DisplayName, a.SearchName }).ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal((r.Id, SearchFolding.Fold(r.DisplayName)), (r.Id, r.SearchName)));
    }
}
