using Meetup.Web.Features.Import;
using Meetup.Web.Features.Import.Screen;

namespace Meetup.Tests.Features.Import.Screen;

/// <summary>The value step of the import screen: what a column holds, what it probably means, and what is remembered.</summary>
public class ValueChoicesTests
{
    private static ColumnValues Count(string csv, string column, int maxDistinct = 50)
        => ColumnValues.Count(new StringReader(csv), [column], maxDistinct)[column];

    private static string Column(string header, params string[] cells) => header + ",email\n" + string.Concat(cells.Select((c, i) => $"{c},p{i}@example.com\n"));

    [Fact]
    public void The_values_of_a_column_are_counted_once_per_spelling_most_frequent_first()
    {
        var counts = Count(Column("参加ステータス", "補欠", "参加", " 参加 ", "", "キャンセル", "参加"), "参加ステータス");

        Assert.Equal([new("参加", 3), new("補欠", 1), new("", 1), new("キャンセル", 1)], counts.Distinct);
        Assert.Equal((5, 1, false), (counts.Filled, counts.Empty, counts.TooMany));
        Assert.False(counts.AllTimestamps);
    }

    [Fact]
    public void A_column_of_many_different_values_is_cut_short_and_its_date_times_recognised()
    {
        var times = Enumerable.Range(0, 60).Select(i => $"2024-05-01T10:{i:00}:00.000Z").Concat(["", "", ""]).ToArray();

        var counts = Count(Column("checked_in_at", times), "checked_in_at", maxDistinct: 50);

        Assert.True(counts.TooMany);
        Assert.Equal(50, counts.Distinct.Count);
        Assert.Equal((60, 3), (counts.Filled, counts.Empty));
        Assert.True(counts.AllTimestamps);
    }

    [Fact]
    public void A_column_the_file_does_not_have_counts_nothing()
    {
        var counts = ColumnValues.Count(new StringReader("a,b\n1,2\n"), ["missing"], 50);

        Assert.Empty(counts["missing"].Distinct);
    }

    [Fact]
    public void Connpass_attendance_is_prefilled_and_an_empty_cell_beside_it_means_absent()
    {
        var counts = Count(Column("出欠ステータス", "出席", "", "出席", "", ""), "出欠ステータス");

        var choices = ValueChoices.Build(ImportFields.Attended, "出欠ステータス", counts);

        Assert.NotNull(choices);
        Assert.False(choices.FilledMeansYes);
        Assert.Equal([new("", 3), new("出席", 2)], choices.Unknown);
        Assert.Equal(("yes", "no"), (choices.MeaningOf("出席"), choices.MeaningOf("")));
        Assert.Equal(0, choices.Unanswered);
        var mapping = choices.ToMapping();
        Assert.Equal(("yes", "no"), (mapping.Translate("出席"), mapping.Translate("")));
    }

    [Fact]
    public void Connpass_participation_statuses_are_prefilled()
    {
        var counts = Count(Column("参加ステータス", "参加", "補欠", "キャンセル", "参加"), "参加ステータス");

        var choices = ValueChoices.Build(ImportFields.Rsvp, "参加ステータス", counts)!;

        Assert.Equal(("confirmed", "waitlisted", "cancelled"), (choices.MeaningOf("参加"), choices.MeaningOf("補欠"), choices.MeaningOf("キャンセル")));
    }

    [Theory]
    [InlineData(ImportFields.Attended, "yes", "no", "1", "FALSE")]
    [InlineData(ImportFields.Rsvp, "confirmed", "", "canceled", "none")]
    [InlineData(ImportFields.SessionFormat, "in_person", "online", "")]
    public void A_column_of_values_the_format_knows_needs_no_choices(string field, params string[] values)
    {
        Assert.Null(ValueChoices.Build(field, "col", Count(Column("col", values), "col")));
    }

    [Fact]
    public void A_check_in_time_is_read_as_filled_in_means_attended()
    {
        var luma = Count(Column("checked_in_at", "2024-05-01T10:05:31.123Z", "", "2024-05-01T10:20:00.000Z"), "checked_in_at");
        var spreadsheet = Count(Column("Came", "2024/5/1 19:05", "", "2024/5/1 19:10"), "Came");

        var fromHeader = ValueChoices.Build(ImportFields.Attended, "checked_in_at", luma)!;
        var fromValues = ValueChoices.Build(ImportFields.Attended, "Came", spreadsheet)!;

        Assert.True(fromHeader.FilledMeansYes);
        Assert.True(fromValues.FilledMeansYes);
        Assert.Equal(0, fromHeader.Unanswered);
        Assert.True(fromHeader.ToMapping().FilledMeansYes);
    }

    [Fact]
    public void An_unknown_value_is_left_unchosen_and_then_reported_by_the_check()
    {
        var choices = ValueChoices.Build(ImportFields.Attended, "出欠", Count(Column("出欠", "yes", "maybe", "no"), "出欠"))!;

        Assert.Equal([new("maybe", 1)], choices.Unknown);
        Assert.Null(choices.MeaningOf("maybe"));
        Assert.Equal(1, choices.Unanswered);
        Assert.Equal("maybe", choices.ToMapping().Translate("maybe"));

        choices.Choose("maybe", "no");

        Assert.Equal((0, "no"), (choices.Unanswered, choices.ToMapping().Translate("maybe")));
    }

    [Fact]
    public void Only_attended_can_be_read_as_filled_in_or_empty()
    {
        var rsvp = ValueChoices.Build(ImportFields.Rsvp, "RSVPed on", Count(Column("RSVPed on", "2024-05-01", "2024-05-02"), "RSVPed on"))!;

        Assert.False(rsvp.CanUseFilled);
        Assert.False(rsvp.FilledMeansYes);
    }

    [Fact]
    public void Saved_meanings_win_over_guesses_and_new_values_are_still_guessed()
    {
        var saved = new ValueMapping(new Dictionary<string, string> { ["参加"] = "waitlisted", ["gone"] = "none" });

        var choices = ValueChoices.Build(ImportFields.Rsvp, "参加ステータス", Count(Column("参加ステータス", "参加", "キャンセル"), "参加ステータス"), saved)!;

        Assert.Equal(("waitlisted", "cancelled"), (choices.MeaningOf("参加"), choices.MeaningOf("キャンセル")));
    }

    [Fact]
    public void A_saved_mapping_keeps_the_meanings_of_values_for_the_columns_the_file_still_has()
    {
        var saved = new SavedMapping(
            new Dictionary<string, string?> { [ImportFields.Rsvp] = "approval_status", [ImportFields.Attended] = "checked_in_at", [ImportFields.SessionStatus] = "gone" },
            new Dictionary<string, SavedValues>
            {
                [ImportFields.Rsvp] = new(new Dictionary<string, string> { ["approved"] = "confirmed", ["odd"] = "not-a-status" }, false),
                [ImportFields.Attended] = new(null, true),
                [ImportFields.SessionStatus] = new(new Dictionary<string, string> { ["中止"] = "cancelled" }, false),
                ["shoe_size"] = new(new Dictionary<string, string> { ["42"] = "yes" }, false),
            });

        var mapping = SavedMappings.Usable(saved, ["approval_status", "checked_in_at"]);

        Assert.NotNull(mapping);
        Assert.Equal(new Dictionary<string, string> { ["approved"] = "confirmed" }, mapping.ValuesOf(ImportFields.Rsvp)!.Meanings);
        Assert.True(mapping.ValuesOf(ImportFields.Attended)!.FilledMeansYes);
        Assert.Null(mapping.ValuesOf(ImportFields.SessionStatus));
        var again = SavedMappings.ToSaved(mapping);
        Assert.Equal(new Dictionary<string, string?> { [ImportFields.Rsvp] = "approval_status", [ImportFields.Attended] = "checked_in_at" }, again.Columns);
        Assert.Equal(new Dictionary<string, string> { ["approved"] = "confirmed" }, again.Values![ImportFields.Rsvp].Meanings);
        Assert.True(again.Values[ImportFields.Attended].FilledMeansYes);
    }

    [Fact]
    public async Task The_value_step_of_an_uploaded_connpass_list_gives_the_parser_what_it_needs()
    {
        const string csv = "開催日時,表示名,メールアドレス,参加ステータス,出欠ステータス\n2018-09-02 14:00,A,a@example.com,参加,出席\n2018-09-02 14:00,B,b@example.com,補欠,\n";
        var file = new UploadedFile("connpass.csv", [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(csv)]);
        var headers = ImportParser.ReadHeaders(file.OpenText());
        var columns = ImportFields.All.ToDictionary(f => f, f => ColumnMapping.Guess(headers).SourceOf(f));
        var step = new ValueStep();

        await step.RefreshAsync(file, columns, ImportValues.Enumerated, saved: null, CancellationToken.None);

        Assert.Equal([ImportFields.Rsvp, ImportFields.Attended], step.Fields.Select(f => f.Field));
        var parsed = ImportParser.Parse(file.OpenText(), new ColumnMapping(columns, step.ToMappings()), TimeZoneInfo.Utc);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal([(ImportRsvp.Confirmed, true), (ImportRsvp.Waitlisted, false)], parsed.Rows.Select(r => (r.Rsvp, r.Attended)));

        columns[ImportFields.Rsvp] = null;
        await step.RefreshAsync(file, columns, [ImportFields.Rsvp], saved: null, CancellationToken.None);

        Assert.Equal([ImportFields.Attended], step.Fields.Select(f => f.Field));
    }

    [Fact]
    public void A_mapping_saved_before_values_could_be_mapped_gives_no_mapping()
    {
        Assert.Null(SavedMappings.Usable(new SavedMapping(null, null), ["a"]));
    }
}
