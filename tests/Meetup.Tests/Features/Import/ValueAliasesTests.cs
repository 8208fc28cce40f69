using Meetup.Web.Features.Import;

namespace Meetup.Tests.Features.Import;

/// <summary>Guesses for the values other tools write into the enumerated columns.</summary>
public class ValueAliasesTests
{
    [Theory]
    // connpass 参加ステータス
    [InlineData("参加", "confirmed")]
    [InlineData("参加者", "confirmed")]
    [InlineData("補欠", "waitlisted")]
    [InlineData("キャンセル待ち", "waitlisted")]
    [InlineData("キャンセル", "cancelled")]
    // Meetup.com's RSVP column
    [InlineData("Yes", "confirmed")]
    [InlineData("No", "cancelled")]
    [InlineData("Waitlist", "waitlisted")]
    // Luma's approval_status
    [InlineData("approved", "confirmed")]
    [InlineData("waitlist", "waitlisted")]
    [InlineData("declined", "cancelled")]
    [InlineData("pending_approval", "none")]
    [InlineData("invited", "none")]
    // Doorkeeper and spreadsheets, in any case or width
    [InlineData("Attending", "confirmed")]
    [InlineData("ＣＡＮＣＥＬＥＤ", "cancelled")]
    [InlineData("Wait-listed", "waitlisted")]
    public void Rsvp_statuses_of_common_tools_are_guessed(string value, string expected)
    {
        Assert.Equal(expected, ValueAliases.Guess(ImportFields.Rsvp, value));
    }

    [Theory]
    // connpass 出欠ステータス
    [InlineData("出席", "yes")]
    [InlineData("欠席", "no")]
    [InlineData("未出席", "no")]
    [InlineData("参加", "yes")]
    // Doorkeeper, Meetup.com, spreadsheets
    [InlineData("Checked in", "yes")]
    [InlineData("checked-in", "yes")]
    [InlineData("Not checked in", "no")]
    [InlineData("Attended", "yes")]
    [InlineData("No show", "no")]
    [InlineData("noshow", "no")]
    [InlineData("Absent", "no")]
    [InlineData("✓", "yes")]
    [InlineData("○", "yes")]
    [InlineData("×", "no")]
    [InlineData("已签到", "yes")]
    [InlineData("未签到", "no")]
    public void Attendance_values_of_common_tools_are_guessed(string value, string expected)
    {
        Assert.Equal(expected, ValueAliases.Guess(ImportFields.Attended, value));
    }

    [Theory]
    [InlineData(ImportFields.SessionFormat, "オンライン", "online")]
    [InlineData(ImportFields.SessionFormat, "Online event", "online")]
    [InlineData(ImportFields.SessionFormat, "In person", "in_person")]
    [InlineData(ImportFields.SessionFormat, "オフライン", "in_person")]
    [InlineData(ImportFields.SessionFormat, "ハイブリッド", "hybrid")]
    [InlineData(ImportFields.SessionStatus, "中止", "cancelled")]
    [InlineData(ImportFields.SessionStatus, "開催済み", "held")]
    public void Session_formats_and_statuses_are_guessed(string field, string value, string expected)
    {
        Assert.Equal(expected, ValueAliases.Guess(field, value));
    }

    [Theory]
    [InlineData(ImportFields.Attended, "maybe")]
    [InlineData(ImportFields.Attended, "")]
    [InlineData(ImportFields.Rsvp, "抽選")]
    [InlineData(ImportFields.Email, "参加")]
    public void A_value_no_tool_is_known_to_write_is_left_for_the_organizer(string field, string value)
    {
        Assert.Null(ValueAliases.Guess(field, value));
    }

    [Theory]
    [InlineData("checked_in_at", true)]
    [InlineData("Checked In At", true)]
    [InlineData("出席日時", true)]
    [InlineData("check-in time", true)]
    [InlineData("出欠ステータス", false)]
    [InlineData("attended", false)]
    public void Check_in_time_columns_are_recognised_by_their_header(string header, bool expected)
    {
        Assert.Equal(expected, ValueAliases.IsTimestampHeader(header));
    }

    [Theory]
    [InlineData("2024-05-01T10:05:31.123Z", true)]
    [InlineData("2024/5/1 19:05", true)]
    [InlineData("2018年8月30日 10時00分", true)]
    [InlineData("2024-05-01", true)]
    [InlineData("出席", false)]
    [InlineData("yes", false)]
    [InlineData("1", false)]
    [InlineData("", false)]
    public void Date_times_are_recognised_by_their_shape(string value, bool expected)
    {
        Assert.Equal(expected, ValueAliases.LooksLikeTimestamp(value));
    }
}
