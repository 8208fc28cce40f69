namespace Meetup.Web.Features.Import.Screen;

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

    // Columns only connpass's participant list has.
    private static readonly string[] ConnpassHeaders = ["参加枠名", "利用id", "利用した決済方法", "受付番号"];

    private string _site = "";

    /// <summary>The session's local date (the event's zone); only the date part counts.</summary>
    public DateTime? Date { get; set; }

    /// <summary>The session's local start time.</summary>
    public TimeSpan? Time { get; set; }

    /// <summary>The session's title (optional), when the file has no title column either.</summary>
    public string? Title { get; set; }

    /// <summary>The column of people's accounts, when the file has no e-mail column.</summary>
    public string? AccountColumn { get; set; }

    /// <summary>The site the accounts are on (a DNS label such as <c>connpass</c>); trimmed and lower-cased.</summary>
    public string Site
    {
        get => _site;
        set => _site = (value ?? "").Trim().ToLowerInvariant();
    }

    /// <summary>Guessed from the headers, or as <paramref name="saved"/> (the mapping used last time for these columns) says.</summary>
    public static MissingColumns Guess(IReadOnlyList<string> headers, ColumnMapping? saved)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (saved?.Accounts is { } accounts)
        {
            return new MissingColumns { AccountColumn = accounts.Column, Site = accounts.Site };
        }
        var keys = headers.Select(ColumnMapping.Key).ToList();
        var account = AccountHeaders.Select(h => keys.IndexOf(ColumnMapping.Key(h))).FirstOrDefault(i => i >= 0, -1);
        var connpass = ConnpassHeaders.Any(h => keys.Contains(ColumnMapping.Key(h)));
        return new MissingColumns
        {
            AccountColumn = account >= 0 ? headers[account] : null,
            Site = connpass ? "connpass" : "",
        };
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
        if (NeedsAccounts(columns) && !string.IsNullOrEmpty(AccountColumn) && Shared.AccountAddress.IsSite(Site))
        {
            accounts = new AccountColumn(AccountColumn, Site);
        }
        var title = columns.GetValueOrDefault(ImportFields.SessionTitle) is null && !string.IsNullOrWhiteSpace(Title) && start is not null
            ? Title.Trim()
            : null;
        return new ColumnMapping(columns, values, start, accounts, title);
    }

    /// <summary>Starts at the same time as an existing session of the event (<paramref name="startUtc"/>), so the file adds to it.</summary>
    public void UseSession(DateTime startUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), zone);
        Date = local.Date;
        Time = local.TimeOfDay;
    }

    private static DateTime Local(DateTime date, TimeSpan time) => DateTime.SpecifyKind(date.Date + time, DateTimeKind.Unspecified);
}
