using Meetup.Data.Entities;

namespace Meetup.Web.Features.Shared;

/// <summary>
/// What someone typed to find a person, folded as the stored side is (docs/i18n.md, Search): <see cref="Name"/> as
/// <see cref="Attendee.SearchName"/> (<see cref="SearchFolding.Fold"/>), <see cref="Email"/> as addresses are stored
/// (<see cref="EmailAddress.Normalize"/>). The queries test with Contains, which both providers run as a plain
/// substring test (instr, strpos): '%' and '_' are text.
/// </summary>
public sealed record PeopleSearch(string Name, string Email)
{
    /// <summary>Null when nothing but spaces was typed.</summary>
    public static PeopleSearch? Of(string? typed)
    {
        var text = typed?.Trim();
        return string.IsNullOrEmpty(text) ? null : new PeopleSearch(SearchFolding.Fold(text)!, EmailAddress.Normalize(text));
    }

    /// <summary>The people whose name or address holds what was typed.</summary>
    public IQueryable<Attendee> Filter(IQueryable<Attendee> people)
        => people.Where(a => (a.SearchName != null && a.SearchName.Contains(Name)) || (a.Email != null && a.Email.Contains(Email)));

    /// <summary>The same test for text already in memory (a door list, the speaker directory).</summary>
    public bool NameHolds(string? text) => SearchFolding.Fold(text)?.Contains(Name, StringComparison.Ordinal) == true;
}
