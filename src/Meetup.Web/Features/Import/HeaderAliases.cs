namespace Meetup.Web.Features.Import;

/// <summary>
/// Header names that other tools' exports use for the canonical fields, in order of preference,
/// written as <see cref="ColumnMapping.Key"/> compares them (lower-case, no spaces or underscores).
/// Guesses only: the organizer confirms the mapping on the import screen.
/// </summary>
internal static class HeaderAliases
{
    private static readonly Dictionary<string, string[]> Aliases = new()
    {
        [ImportFields.SessionStart] =
            ["startsat", "start", "starttime", "startdate", "eventstart", "eventdate", "datetime", "date",
             "開催日時", "開始日時", "日時", "開催日", "开始时间", "活动时间", "日期"],
        [ImportFields.SessionTitle] =
            ["title", "sessiontitle", "eventtitle", "eventname", "event", "イベント名", "タイトル", "勉強会名", "活动名称", "标题"],
        [ImportFields.SessionFormat] = ["format", "開催形式", "形式", "活动形式"],
        [ImportFields.SessionLanguages] = ["languages", "language", "言語", "语言"],
        [ImportFields.SessionStatus] = ["sessionstatus", "eventstatus", "開催ステータス"],
        [ImportFields.Email] =
            ["email", "emailaddress", "mail", "mailaddress", "メールアドレス", "メール", "電子メール", "邮箱", "电子邮件", "邮件地址"],
        // connpass has both ユーザー名 (the account handle) and 表示名 (the name people see): prefer the latter.
        [ImportFields.Name] =
            ["name", "displayname", "fullname", "表示名", "氏名", "名前", "参加者名", "姓名", "名字", "ユーザー名", "username", "nickname"],
        [ImportFields.Rsvp] =
            ["rsvp", "rsvpstatus", "response", "参加ステータス", "申込ステータス", "参加状況", "approvalstatus", "报名状态", "ステータス"],
        // A status column first; else a column of check-in times (a filled cell means they came).
        [ImportFields.Attended] =
            ["attended", "attendance", "checkedin", "checkedinat", "checkin", "出欠", "出欠ステータス", "出席", "受付", "签到", "出席状态",
             "チェックイン", "チェックイン日時", "出席日時", "受付日時", "checkintime", "签到时间"],
    };

    public static string[] Of(string field) => Aliases.GetValueOrDefault(field, []);

    // Parts of a header (as ColumnMapping.Key writes it) that name an e-mail address.
    private static readonly string[] EmailParts = ["メールアドレス", "email", "mailaddress", "邮箱", "电子邮件"];

    /// <summary>Whether a header key names an e-mail address somewhere in it, as a question added to a form does.</summary>
    public static bool NamesAnEmail(string key) => EmailParts.Any(part => key.Contains(part, StringComparison.Ordinal));
}
