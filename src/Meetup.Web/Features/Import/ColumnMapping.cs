using System.Text;

namespace Meetup.Web.Features.Import;

/// <summary>
/// Which column of the source file holds each canonical field (<see cref="ImportFields"/>), so that
/// an export of connpass, Doorkeeper, Meetup.com or Luma can be read without editing it first.
/// Fields without a column are absent. An enumerated field can also carry a <see cref="ValueMapping"/>
/// that says what the tool's values mean. A mapping is plain data: the import screen can save it.
/// </summary>
public sealed class ColumnMapping
{
    private readonly Dictionary<string, string> _sources;
    private readonly Dictionary<string, ValueMapping> _values = new(StringComparer.Ordinal);

    /// <param name="sources">Canonical field → source column name; null or empty names are left out.</param>
    /// <param name="values">Enumerated field (<see cref="ImportValues.Enumerated"/>) → what its values mean; each must lead to canonical values.</param>
    /// <param name="sessionStart">For a file of one session without a start column (connpass, Luma): every row's start, UTC.</param>
    /// <param name="accounts">The column of each person's account on the site the file comes from (connpass's ユーザー名): people are
    /// matched by it; an <c>email</c> column, if mapped too, is then their contact address, kept with them.</param>
    /// <param name="sessionTitle">For a file without a title column: every row's session title (a per-event export's event name).</param>
    /// <param name="checkInTimes">The column that says when each person checked in (connpass's 出席日時, Luma's <c>checked_in_at</c>), if any.</param>
    public ColumnMapping(
        IReadOnlyDictionary<string, string?> sources,
        IReadOnlyDictionary<string, ValueMapping>? values = null,
        DateTime? sessionStart = null,
        AccountColumn? accounts = null,
        string? sessionTitle = null,
        string? checkInTimes = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, source) in sources)
        {
            if (!ImportFields.All.Contains(field))
            {
                throw new ArgumentException($"'{field}' is not a field of the import format.", nameof(sources));
            }
            if (!string.IsNullOrWhiteSpace(source))
            {
                _sources[field] = source;
            }
        }
        foreach (var (field, mapping) in values ?? new Dictionary<string, ValueMapping>())
        {
            _values[field] = Checked(field, mapping);
        }
        if (sessionStart is { } start && (start.Kind != DateTimeKind.Utc || _sources.ContainsKey(ImportFields.SessionStart)))
        {
            throw new ArgumentException("A fixed session start is a UTC instant, and only for a file without a start column.", nameof(sessionStart));
        }
        if (sessionTitle is not null && (string.IsNullOrWhiteSpace(sessionTitle) || _sources.ContainsKey(ImportFields.SessionTitle)))
        {
            throw new ArgumentException("A fixed session title is some text, and only for a file without a title column.", nameof(sessionTitle));
        }
        SessionStart = sessionStart;
        Accounts = accounts;
        SessionTitle = sessionTitle?.Trim();
        CheckInTimes = string.IsNullOrWhiteSpace(checkInTimes) ? null : checkInTimes;
    }

    private static ValueMapping Checked(string field, ValueMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var choices = ImportValues.Choices(field);
        if (choices.Count == 0)
        {
            throw new ArgumentException($"'{field}' has no fixed list of values to map onto.", nameof(mapping));
        }
        if (mapping.FilledMeansYes && field != ImportFields.Attended)
        {
            throw new ArgumentException($"Only '{ImportFields.Attended}' can be read as filled in or empty, not '{field}'.", nameof(mapping));
        }
        if (mapping.Meanings.Values.FirstOrDefault(m => !choices.Contains(m)) is { } wrong)
        {
            throw new ArgumentException($"'{wrong}' is not a value of '{field}': use {string.Join(", ", choices)}.", nameof(mapping));
        }
        return mapping;
    }

    /// <summary>The canonical format: each field in the column of its own name.</summary>
    public static ColumnMapping Canonical { get; } = new(ImportFields.All.ToDictionary(f => f, f => (string?)f));

    /// <summary>Canonical field → source column name, for the fields that have one.</summary>
    public IReadOnlyDictionary<string, string> Sources => _sources;

    /// <summary>The source column of <paramref name="field"/>, or null when no column holds it.</summary>
    public string? SourceOf(string field) => _sources.GetValueOrDefault(field);

    /// <summary>Enumerated field → what its values mean, for the fields whose values need translating.</summary>
    public IReadOnlyDictionary<string, ValueMapping> Values => _values;

    /// <summary>Every row's session start (UTC) when the file has no start column: it lists one session.</summary>
    public DateTime? SessionStart { get; }

    /// <summary>Every row's session title when the file has no title column; null otherwise.</summary>
    public string? SessionTitle { get; }

    /// <summary>Where people's accounts are when the file has no e-mail column; each becomes an <see cref="Shared.AccountAddress"/>.</summary>
    public AccountColumn? Accounts { get; }

    /// <summary>The column of check-in times, or null: a filled cell is when that person arrived.</summary>
    public string? CheckInTimes { get; }

    /// <summary>What the values of <paramref name="field"/> mean, or null when they are canonical already.</summary>
    public ValueMapping? ValuesOf(string field) => _values.GetValueOrDefault(field);

    /// <summary>
    /// Guesses the mapping from header names: the canonical names first, then names that common
    /// exports use (English, Japanese, Chinese). Each header is used for at most one field; a field
    /// whose name no header resembles stays unmapped, for the organizer to choose.
    /// </summary>
    public static ColumnMapping Guess(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var source = ImportSources.Detect(headers);
        var keys = headers.Select(Key).ToList();
        var used = new bool[headers.Count];
        var guessed = new Dictionary<string, string?>();
        // Exact canonical names first, so that an alias of one field never steals another field's own column.
        foreach (var pass in new[] { true, false })
        {
            foreach (var field in ImportFields.All)
            {
                if (guessed.ContainsKey(field))
                {
                    continue;
                }
                // Meetup.com's Title is the member's title in the group ("Organizer"), not the session's.
                if (field == ImportFields.SessionTitle && source == ImportSources.Meetup)
                {
                    continue;
                }
                var names = pass ? [Key(field)] : HeaderAliases.Of(field);
                foreach (var name in names)
                {
                    var index = FindUnused(keys, used, name);
                    if (index >= 0)
                    {
                        used[index] = true;
                        guessed[field] = headers[index];
                        break;
                    }
                }
            }
        }
        // A question added to the form ("連絡先メールアドレス（任意）", "Email (work)"): a header that names an address.
        if (!guessed.ContainsKey(ImportFields.Email))
        {
            var index = keys.FindIndex(k => HeaderAliases.NamesAnEmail(k));
            if (index >= 0 && !used[index])
            {
                guessed[ImportFields.Email] = headers[index];
            }
        }
        return new ColumnMapping(guessed);
    }

    private static int FindUnused(List<string> keys, bool[] used, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (!used[i] && keys[i] == key)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>A header as it is compared: NFKC, lower-case, without spaces, underscores, hyphens and dots.</summary>
    internal static string Key(string header)
    {
        var normalized = header.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c) && c is not ('_' or '-' or '.'))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}

/// <summary>
/// The column that holds each person's account on <see cref="Site"/> (connpass's ユーザー名):
/// it stands in for <c>email</c> as <c>{account}@{site}.invalid</c> (<see cref="Shared.AccountAddress"/>).
/// </summary>
public sealed record AccountColumn
{
    public AccountColumn(string column, string site)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        if (!Shared.AccountAddress.IsSite(site))
        {
            throw new ArgumentException($"'{site}' is not a site name: lower-case letters, digits and hyphens.", nameof(site));
        }
        Column = column;
        Site = site;
    }

    public string Column { get; }
    /// <summary>A lower-case DNS label (<see cref="Shared.AccountAddress.IsSite"/>), e.g. <c>connpass</c>.</summary>
    public string Site { get; }
}
