using Meetup.Web.Features.Import;
using Meetup.Web.Features.Import.Screen;

namespace Meetup.Tests.Features.Import.Screen;

/// <summary>What the organizer says for the columns a per-event export lacks: the session's start, and who people are.</summary>
public class MissingColumnsTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly string[] ConnpassHeaders = ["参加枠名", "ユーザー名", "表示名", "利用ID", "参加ステータス", "出欠ステータス", "出席日時"];

    private static Dictionary<string, string?> Columns(IReadOnlyList<string> headers)
        => ColumnMapping.Guess(headers).Sources.ToDictionary(p => p.Key, p => (string?)p.Value);

    [Fact]
    public void A_connpass_list_is_guessed_to_know_people_by_their_connpass_user_name()
    {
        var missing = MissingColumns.Guess(ConnpassHeaders, saved: null);

        Assert.Equal(("ユーザー名", "connpass"), (missing.AccountColumn, missing.Site));
    }

    [Fact]
    public void Another_tools_user_column_is_guessed_but_its_site_is_left_to_the_organizer()
    {
        var missing = MissingColumns.Guess(["Name", "User ID", "Attended"], saved: null);

        Assert.Equal(("User ID", ""), (missing.AccountColumn, missing.Site));
    }

    [Fact]
    public void The_start_is_read_in_the_events_zone_and_both_answers_reach_the_mapping()
    {
        var missing = MissingColumns.Guess(ConnpassHeaders, saved: null);
        missing.Date = new DateTime(2018, 9, 2);
        missing.Time = new TimeSpan(14, 0, 0);
        var columns = Columns(ConnpassHeaders);

        var mapping = missing.ToMapping(columns, new Dictionary<string, ValueMapping>(), Tokyo);

        Assert.Empty(missing.Problems(columns, Tokyo));
        Assert.Equal(new DateTime(2018, 9, 2, 5, 0, 0, DateTimeKind.Utc), mapping.SessionStart);
        Assert.Equal(new AccountColumn("ユーザー名", "connpass"), mapping.Accounts);
    }

    [Fact]
    public void A_title_given_with_the_start_names_the_session_and_a_blank_one_leaves_it_untitled()
    {
        var missing = MissingColumns.Guess(ConnpassHeaders, saved: null);
        missing.Date = new DateTime(2018, 9, 2);
        missing.Time = new TimeSpan(14, 0, 0);
        missing.Title = "  Kubernetes 入門 #1 ";
        var columns = Columns(ConnpassHeaders);

        var titled = missing.ToMapping(columns, new Dictionary<string, ValueMapping>(), Tokyo);
        missing.Title = "   ";
        var untitled = missing.ToMapping(columns, new Dictionary<string, ValueMapping>(), Tokyo);

        Assert.Equal("Kubernetes 入門 #1", titled.SessionTitle);
        Assert.Null(untitled.SessionTitle);
    }

    [Fact]
    public void Columns_in_the_file_win_and_the_answers_are_then_unused()
    {
        var missing = MissingColumns.Guess(ConnpassHeaders, saved: null);
        missing.Date = new DateTime(2018, 9, 2);
        missing.Time = new TimeSpan(14, 0, 0);
        missing.Title = "Kubernetes 入門 #1";
        var columns = Columns(["開催日時", "メールアドレス", "出欠"]);

        var mapping = missing.ToMapping(columns, new Dictionary<string, ValueMapping>(), Tokyo);

        Assert.False(MissingColumns.NeedsStart(columns) || MissingColumns.NeedsAccounts(columns));
        Assert.Equal((null, null), (mapping.SessionStart, mapping.SessionTitle));
        // connpass knows people by their account: with an e-mail column too, they are matched by it and the address is kept.
        Assert.Equal(new AccountColumn("ユーザー名", "connpass"), mapping.Accounts);
        Assert.Equal("メールアドレス", mapping.SourceOf(ImportFields.Email));
    }

    [Fact]
    public void Missing_or_impossible_answers_are_problems_the_screen_names()
    {
        var missing = MissingColumns.Guess(["Name", "Attended"], saved: null);
        var columns = Columns(["Name", "Attended"]);

        Assert.Equal([MissingProblem.NoStart, MissingProblem.NoAccountColumn, MissingProblem.NoSite], missing.Problems(columns, Tokyo));

        missing.Date = new DateTime(2019, 3, 10);
        missing.Time = new TimeSpan(2, 30, 0);
        missing.AccountColumn = "Name";
        missing.Site = "Meetup.com"; // a domain as people type it: its name
        Assert.Equal("meetup", missing.Site);
        Assert.Equal([MissingProblem.StartSkipped], missing.Problems(columns, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")));
        missing.Site = "-";
        Assert.Equal([MissingProblem.StartSkipped, MissingProblem.NoSite], missing.Problems(columns, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")));
    }

    [Fact]
    public void Picking_an_existing_session_sets_its_local_date_and_time()
    {
        var missing = MissingColumns.Guess(ConnpassHeaders, saved: null);

        missing.UseSession(new DateTime(2018, 10, 7, 5, 0, 0, DateTimeKind.Utc), Tokyo);

        Assert.Equal((new DateTime(2018, 10, 7), new TimeSpan(14, 0, 0)), (missing.Date, missing.Time));
    }

    [Fact]
    public void The_account_column_and_site_are_remembered_with_the_mapping_but_the_start_is_not()
    {
        var missing = MissingColumns.Guess(ConnpassHeaders, saved: null);
        missing.Date = new DateTime(2018, 9, 2);
        missing.Time = new TimeSpan(14, 0, 0);
        missing.Site = "connpass-jp";
        var mapping = missing.ToMapping(Columns(ConnpassHeaders), new Dictionary<string, ValueMapping>(), Tokyo);

        var saved = SavedMappings.Usable(SavedMappings.ToSaved(mapping), ConnpassHeaders);
        var again = MissingColumns.Guess(ConnpassHeaders, saved);

        Assert.NotNull(saved);
        Assert.Null(saved.SessionStart);
        Assert.Equal(("ユーザー名", "connpass-jp", null), (again.AccountColumn, again.Site, again.Date));
        Assert.Null(SavedMappings.Usable(SavedMappings.ToSaved(mapping), ["参加枠名", "表示名"])?.Accounts); // the column is gone
    }
}
