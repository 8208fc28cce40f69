namespace Meetup.Data.Entities;

/// <summary>
/// A person who RSVPs or attends. Their personal data lives only in <see cref="Email"/>,
/// <see cref="DisplayName"/> (and its <see cref="SearchName"/>), <see cref="Rsvp.Answers"/> and <see cref="Aliases"/>:
/// erasing those erases them, while their anonymous check-ins keep the aggregate figures true.
/// </summary>
public class Attendee
{
    private string? _displayName;

    public int Id { get; set; }

    /// <summary>Normalized (NFKC, trimmed, lower-case); unique; null once erased.</summary>
    public string? Email { get; set; }

    /// <summary>Setting it sets <see cref="SearchName"/> too (EF reads the field, so loading a row does not).</summary>
    public string? DisplayName
    {
        get => _displayName;
        set
        {
            _displayName = value;
            SearchName = SearchFolding.Fold(value);
        }
    }

    /// <summary>
    /// <see cref="DisplayName"/> folded by <see cref="SearchFolding.Fold"/>, what searches compare with. Writes that
    /// bypass the entity (bulk inserts, ExecuteUpdate) set it with the name; the migrator fills it for older rows.
    /// </summary>
    public string? SearchName { get; private set; }

    public string? PreferredLanguage { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ErasedAt { get; set; }

    public List<Rsvp> Rsvps { get; set; } = [];
    public List<CheckIn> CheckIns { get; set; } = [];

    /// <summary>Their other addresses, from merges.</summary>
    public List<AttendeeAlias> Aliases { get; set; } = [];
}
