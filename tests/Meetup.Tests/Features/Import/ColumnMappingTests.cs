using Meetup.Web.Features.Import;

namespace Meetup.Tests.Features.Import;

public class ColumnMappingTests
{
    [Fact]
    public void Canonical_headers_map_to_their_own_fields_in_any_order()
    {
        var mapping = ColumnMapping.Guess([.. ImportFields.All.Reverse()]);

        foreach (var field in ImportFields.All)
        {
            Assert.Equal(field, mapping.SourceOf(field));
        }
    }

    [Fact]
    public void A_connpass_participant_list_maps_its_japanese_headers()
    {
        var mapping = ColumnMapping.Guess(["参加枠名", "ユーザー名", "表示名", "利用した決済方法", "参加ステータス", "出欠", "メールアドレス", "更新日時"]);

        Assert.Equal("表示名", mapping.SourceOf(ImportFields.Name)); // the shown name, not the account handle
        Assert.Equal("参加ステータス", mapping.SourceOf(ImportFields.Rsvp));
        Assert.Equal("出欠", mapping.SourceOf(ImportFields.Attended));
        Assert.Equal("メールアドレス", mapping.SourceOf(ImportFields.Email));
        Assert.Null(mapping.SourceOf(ImportFields.SessionStart)); // the organizer chooses it
    }

    [Fact]
    public void A_luma_guest_list_maps_name_email_approval_and_check_in()
    {
        var mapping = ColumnMapping.Guess(["api_id", "name", "first_name", "last_name", "email", "created_at", "approval_status", "checked_in_at"]);

        Assert.Equal(("name", "email", "approval_status", "checked_in_at"),
            (mapping.SourceOf(ImportFields.Name), mapping.SourceOf(ImportFields.Email), mapping.SourceOf(ImportFields.Rsvp), mapping.SourceOf(ImportFields.Attended)));
    }

    [Fact]
    public void Headers_match_whatever_their_case_width_spaces_and_underscores()
    {
        var mapping = ColumnMapping.Guess(["Session Start", "ＥＭＡＩＬ", "RSVP", "Attended", "氏名", "Event Title"]);

        Assert.Equal("Session Start", mapping.SourceOf(ImportFields.SessionStart));
        Assert.Equal("ＥＭＡＩＬ", mapping.SourceOf(ImportFields.Email));
        Assert.Equal("RSVP", mapping.SourceOf(ImportFields.Rsvp));
        Assert.Equal("Attended", mapping.SourceOf(ImportFields.Attended));
        Assert.Equal("氏名", mapping.SourceOf(ImportFields.Name));
        Assert.Equal("Event Title", mapping.SourceOf(ImportFields.SessionTitle));
    }

    [Fact]
    public void Each_header_is_used_for_one_field_at_most()
    {
        var mapping = ColumnMapping.Guess(["title", "session_title", "email", "attended"]);

        // session_title takes its own column; "title" is not given to any other field.
        Assert.Equal("session_title", mapping.SourceOf(ImportFields.SessionTitle));
        Assert.DoesNotContain("title", mapping.Sources.Values);
    }

    [Fact]
    public void Fields_no_header_resembles_stay_unmapped()
    {
        var mapping = ColumnMapping.Guess(["foo", "bar"]);

        Assert.Empty(mapping.Sources);
    }

    [Fact]
    public void A_mapping_of_an_unknown_field_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ColumnMapping(new Dictionary<string, string?> { ["shoe_size"] = "Shoe" }));
    }

    [Fact]
    public void A_fixed_session_start_stands_in_for_a_missing_start_column_but_not_beside_one()
    {
        var start = new DateTime(2018, 9, 2, 5, 0, 0, DateTimeKind.Utc);

        var mapping = new ColumnMapping(new Dictionary<string, string?> { [ImportFields.Email] = "mail" }, sessionStart: start);

        Assert.Equal(start, mapping.SessionStart);
        Assert.Throws<ArgumentException>(() => new ColumnMapping(
            new Dictionary<string, string?> { [ImportFields.SessionStart] = "date" }, sessionStart: start));
        Assert.Throws<ArgumentException>(() => new ColumnMapping(
            new Dictionary<string, string?>(), sessionStart: new DateTime(2018, 9, 2, 14, 0, 0, DateTimeKind.Local)));
    }

    [Fact]
    public void People_known_by_an_account_column_need_no_email_column_and_an_email_column_beside_it_is_kept()
    {
        var accounts = new AccountColumn("ユーザー名", "connpass");

        var mapping = new ColumnMapping(new Dictionary<string, string?>(), accounts: accounts);
        var both = new ColumnMapping(new Dictionary<string, string?> { [ImportFields.Email] = "mail" }, accounts: accounts);

        Assert.Equal(accounts, mapping.Accounts);
        Assert.Equal(accounts, both.Accounts);
        Assert.Equal("mail", both.SourceOf(ImportFields.Email));
    }
}
