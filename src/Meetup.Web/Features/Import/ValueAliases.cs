using System.Text.RegularExpressions;

namespace Meetup.Web.Features.Import;

/// <summary>
/// Values that other tools' exports write into the enumerated columns, and what they mean, written
/// as <see cref="ColumnMapping.Key"/> compares them (lower-case, no spaces, hyphens or underscores).
/// Guesses only: the organizer confirms them on the import screen.
/// </summary>
/// <remarks>
/// connpass: 参加ステータス (参加, 補欠, キャンセル…) and 出欠ステータス (出席…), as the scripts people
/// publish to read its participant CSV show. Meetup.com: RSVP Yes/No/Waitlist. Luma: approval_status
/// approved/waitlist/declined/pending_approval/invited and a checked_in_at time. Doorkeeper and
/// spreadsheets: attending, checked in, ✓, ○…
/// </remarks>
internal static partial class ValueAliases
{
    private static readonly Dictionary<string, string> Rsvp = Table(
        ("confirmed", ["参加", "参加者", "参加確定", "参加予定", "当選", "yes", "going", "attending", "approved", "accepted", "registered", "已报名"]),
        ("waitlisted", ["補欠", "キャンセル待ち", "waitlist", "waitlisted", "waiting", "waitinglist", "候补", "候補"]),
        ("cancelled", ["キャンセル", "キャンセル済み", "参加キャンセル", "no", "notgoing", "declined", "rejected", "cancelled", "canceled", "已取消"]),
        ("none", ["pendingapproval", "pending", "invited", "interested", "maybe"]));

    private static readonly Dictionary<string, string> Attended = Table(
        ("yes", ["出席", "出席済", "出席済み", "参加", "来場", "来場済み", "受付済", "受付済み", "チェックイン済", "チェックイン済み", "済",
                 "attended", "checkedin", "present", "showed", "y", "x", "✓", "✔", "○", "◯", "〇", "已签到", "已到"]),
        ("no", ["欠席", "未出席", "不参加", "未来場", "未受付", "未チェックイン", "noshow", "absent", "notcheckedin", "notattended",
                "n", "×", "✗", "✕", "未签到", "缺席"]));

    private static readonly Dictionary<string, string> Format = Table(
        ("in_person", ["inperson", "offline", "onsite", "venue", "オフライン", "現地", "会場", "現地開催", "線下", "线下"]),
        ("online", ["online", "onlineevent", "virtual", "remote", "オンライン", "オンライン開催", "線上", "线上"]),
        ("hybrid", ["hybrid", "ハイブリッド", "ハイブリッド開催", "混合"]));

    private static readonly Dictionary<string, string> Status = Table(
        ("held", ["held", "done", "past", "ended", "開催", "開催済", "開催済み", "終了", "已举办", "已结束"]),
        ("cancelled", ["cancelled", "canceled", "中止", "開催中止", "キャンセル", "取消", "已取消"]));

    // The columns in which a tool records when someone checked in: a time means they came.
    private static readonly HashSet<string> TimestampHeaders =
        ["checkedinat", "checkedintime", "checkintime", "checkinat", "checkindate", "attendedat", "出席日時", "チェックイン日時", "受付日時", "签到时间"];

    /// <summary>The canonical value <paramref name="value"/> probably means in <paramref name="field"/>, or null when no tool is known to write it.</summary>
    public static string? Guess(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var table = field switch
        {
            ImportFields.Rsvp => Rsvp,
            ImportFields.Attended => Attended,
            ImportFields.SessionFormat => Format,
            ImportFields.SessionStatus => Status,
            _ => null,
        };
        var key = ColumnMapping.Key(value);
        return table is null || key.Length == 0 ? null : table.GetValueOrDefault(key);
    }

    /// <summary>Whether the header names a check-in time (Luma's <c>checked_in_at</c>, connpass's 出席日時).</summary>
    public static bool IsTimestampHeader(string header) => TimestampHeaders.Contains(ColumnMapping.Key(header));

    /// <summary>Whether a cell looks like a date, with or without a time: 2024-05-01T10:05Z, 2024/5/1 19:05, 2018年8月30日 10時00分.</summary>
    public static bool LooksLikeTimestamp(string value) => DatePattern().IsMatch(value);

    [GeneratedRegex(@"^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    private static Dictionary<string, string> Table(params (string Meaning, string[] Values)[] rows)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (meaning, values) in rows)
        {
            foreach (var value in values)
            {
                table.Add(ColumnMapping.Key(value), meaning);
            }
        }
        return table;
    }
}
