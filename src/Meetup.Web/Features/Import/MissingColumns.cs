namespace Meetup.Web.Features.Import;

/// <summary>What the organizer still has to say about a file that lacks a required column.</summary>
public enum MissingProblem { NoStart, StartSkipped, NoAccountColumn, NoSite }

/// <summary>
/// The organizer's answers for the columns a per-event export does not have: the start of its one
/// session (connpass and Luma write one file per event, without a date), and which column names
/// people when there is no e-mail (connpass's ユーザー名). Columns the file does have win; then
/// these answers are unused. <see cref="ToMapping"/> hands them to the parser.
/// </summary>
public sealed class MissingColumns
{
    // Header keys (ColumnMapping.Key) of the columns that hold a person's account, most telling first.
    private static readonly string[] AccountHeaders =
        ["ユーザー名", "利用id", "ユーザーid", "アカウント", "アカウント名", "username", "userid", "user", "account", "accountid", "login", "用户名", "用户id", "账号"];

    private string _site = "";

    /// <summary>The session's local date (the event's zone); only the date part counts.</summary>
    public DateTime? Date { get; set; }

    /// <summary>The session's local start time.</summary>
    public TimeSpan? Time { get; set; }

    /// <summary>The session's title (optional), when the file has no title column either.</summary>
    public string? Title { get; set; }

    /// <summary>The column of people's accounts, when the file has no e-mail column.</summary>
    public string? AccountColumn { get; set; }

    /// <summary>
    /// The site the accounts are on (a DNS label such as <c>connpass</c>); trimmed and lower-cased. A domain
    /// as people type it (<c>meetup.com</c>, <c>https://connpass.com/</c>) stands for its first label.
    /// </summary>
    public string Site
    {
        get => _site;
        set => _site = SiteOf(value);
    }

    /// <summary>
    /// People are matched by their account even though the file has an e-mail column: a platform whose
    /// people are their accounts (connpass with an e-mail question). The e-mail is then kept with them.
    /// </summary>
    public bool ByAccount { get; set; }

    /// <summary>The column that says when people checked in (connpass's 出席日時, Luma's <c>checked_in_at</c>), if the file has one.</summary>
    public string? CheckInColumn { get; set; }

    /// <summary>The start was suggested from the check-in times (the organizer has not changed it).</summary>
    public bool StartSuggested { get; set; }

    private static string SiteOf(string? value)
    {
        var site = (value ?? "").Trim().ToLowerInvariant();
        var scheme = site.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            site = site[(scheme + 3)..];
        }
        site = site.TrimEnd('/');
        if (site.StartsWith("www.", StringComparison.Ordinal))
        {
            site = site[4..];
        }
        var dot = site.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? site[..dot] : site;
    }

    /// <summary>Guessed from the headers, or as <paramref name="saved"/> (the mapping used last time for these columns) says.</summary>
    public static MissingColumns Guess(IReadOnlyList<string> headers, ColumnMapping? saved)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var keys = headers.Select(ColumnMapping.Key).ToList();
        var checkIns = keys.FindIndex(ValueAliases.IsTimestampHeader);
        var checkInColumn = checkIns >= 0 ? headers[checkIns] : null;
        if (saved?.Accounts is { } accounts)
        {
            return new MissingColumns { AccountColumn = accounts.Column, Site = accounts.Site, ByAccount = true, CheckInColumn = checkInColumn };
        }
        var account = AccountHeaders.Select(h => keys.IndexOf(ColumnMapping.Key(h))).FirstOrDefault(i => i >= 0, -1);
        // connpass and Meetup.com know people by their account; Luma and Doorkeeper by their e-mail.
        var site = ImportSources.AccountSite(ImportSources.Detect(headers));
        return new MissingColumns
        {
            AccountColumn = account >= 0 ? headers[account] : null,
            Site = site ?? "",
            ByAccount = site is not null && account >= 0,
            CheckInColumn = checkInColumn,
        };
    }

    /// <summary>Whether people are matched by an account column: the file has no e-mail column, or its platform knows people by account.</summary>
    public bool UsesAccounts(IReadOnlyDictionary<string, string?> columns) => NeedsAccounts(columns) || ByAccount;

    /// <summary>Fills in the session's date and time from the file's check-in times, unless the organizer gave them.</summary>
    public void SuggestStart(SessionSuggestion? suggestion)
    {
        if (suggestion is { } s && Date is null && Time is null)
        {
            Date = s.Date;
            Time = s.Time;
            StartSuggested = true;
        }
    }

    public static bool NeedsStart(IReadOnlyDictionary<string, string?> columns) => columns.GetValueOrDefault(ImportFields.SessionStart) is null;

    public static bool NeedsAccounts(IReadOnlyDictionary<string, string?> columns) => columns.GetValueOrDefault(ImportFields.Email) is null;

    /// <summary>What is still missing, in the order the screen asks; empty when the file can be checked.</summary>
    public IReadOnlyList<MissingProblem> Problems(IReadOnlyDictionary<string, string?> columns, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var problems = new List<MissingProblem>();
        if (NeedsStart(columns))
        {
            if (Date is null || Time is null)
            {
                problems.Add(MissingProblem.NoStart);
            }
            else if (zone.IsInvalidTime(Local(Date.Value, Time.Value)))
            {
                problems.Add(MissingProblem.StartSkipped);
            }
        }
        if (NeedsAccounts(columns))
        {
            if (string.IsNullOrEmpty(AccountColumn))
            {
                problems.Add(MissingProblem.NoAccountColumn);
            }
            if (!Shared.AccountAddress.IsSite(Site))
            {
                problems.Add(MissingProblem.NoSite);
            }
        }
        return problems;
    }

    /// <summary>The mapping with these answers where the file lacks the column and the answer is complete (else the check reports the column).</summary>
    public ColumnMapping ToMapping(IReadOnlyDictionary<string, string?> columns, IReadOnlyDictionary<string, ValueMapping> values, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(zone);
        DateTime? start = null;
        if (NeedsStart(columns) && Date is { } date && Time is { } time && !zone.IsInvalidTime(Local(date, time)))
        {
            start = TimeZoneInfo.ConvertTimeToUtc(Local(date, time), zone);
        }
        AccountColumn? accounts = null;
        if (UsesAccounts(columns) && !string.IsNullOrEmpty(AccountColumn) && Shared.AccountAddress.IsSite(Site))
        {
            accounts = new AccountColumn(AccountColumn, Site);
        }
        var title = columns.GetValueOrDefault(ImportFields.SessionTitle) is null && !string.IsNullOrWhiteSpace(Title) && start is not null
            ? Title.Trim()
            : null;
        return new ColumnMapping(columns, values, start, accounts, title, CheckInColumn);
    }

    /// <summary>Starts at the same time as an existing session of the event (<paramref name="startUtc"/>), so the file adds to it.</summary>
    public void UseSession(DateTime startUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), zone);
        Date = local.Date;
        StartSuggested = false;
        Time = local.TimeOfDay;
    }

    private static DateTime Local(DateTime date, TimeSpan time) => DateTime.SpecifyKind(date.Date + time, DateTimeKind.Unspecified);
}
