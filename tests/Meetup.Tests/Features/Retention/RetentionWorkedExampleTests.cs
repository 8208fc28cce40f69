using System.Text.Json.Nodes;
using Meetup.Web.Features.Retention;

namespace Meetup.Tests.Features.Retention;

/// <summary>tests/Meetup.Tests/TestData/retention-example: attendance.csv must give expected.json, to the last digit.</summary>
public class RetentionWorkedExampleTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    // The fields our rows carry beyond expected.json's.
    private static readonly HashSet<string> Ids = ["sessionId", "attendeeId", "name", "lateCancellations"];

    private static string ExampleFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "retention-example", name);

    private static RetentionInput ExampleInput() => AttendanceCsv.Load(ExampleFile("attendance.csv"), Tokyo, Now);

    private static JsonNode Expected() => JsonNode.Parse(File.ReadAllText(ExampleFile("expected.json")))!;

    [Fact]
    public void Worked_example_matches_expected_json()
    {
        var report = RetentionCalculator.Compute(ExampleInput());

        ReportJson.AssertMatches(Expected(), ReportJson.Serialize(report), Ids);
    }

    [Fact]
    public void Worked_example_matches_the_naive_reference()
    {
        var input = ExampleInput();

        ReportJson.AssertMatches(
            ReportJson.Serialize(NaiveRetention.Compute(input)),
            ReportJson.Serialize(RetentionCalculator.Compute(input)));
    }

    [Fact]
    public void Full_width_and_padded_emails_are_one_attendee_with_the_normalized_email()
    {
        var report = RetentionCalculator.Compute(ExampleInput());

        var gao = Assert.Single(report.Attendees, a => a.Email == "gao@example.com");
        Assert.Equal("高远 (Gao Yuan)", gao.Name);
        Assert.Equal(4, gao.Attended);
        var alice = Assert.Single(report.Attendees, a => a.Email == "alice@example.com");
        Assert.Equal(5, alice.Attended);
    }

    [Fact]
    public void Date_range_shows_the_rows_in_range_with_figures_from_the_full_history()
    {
        var report = RetentionCalculator.Compute(ExampleInput() with
        {
            From = new DateOnly(2018, 9, 12),
            To = new DateOnly(2018, 10, 10),
        });

        var expected = Expected();
        var json = ReportJson.Serialize(report);
        // Rows 2..4 unchanged: session 4's return rate still looks at session 5, session 2's "new" at session 1.
        ReportJson.AssertMatches(new JsonArray(expected["sessions"]!.AsArray().Skip(1).Take(3).Select(r => r!.DeepClone()).ToArray()), json["sessions"], Ids);
        // Overall sums the rows shown: A(2) ∪ A(3) ∪ A(4) has 9 people; (5 + 4 + 3) / (5 + 7 + 6); (2 + 1 + 0) / (2 + 1 + 2).
        Assert.Equal(3, report.Overall.CountedSessions);
        Assert.Equal(9, report.Overall.UniqueAttendees);
        Assert.Equal(12.0 / 18, report.Overall.ReturnRate!.Value, ReportJson.Tolerance);
        Assert.Equal(3.0 / 5, report.Overall.FirstTimerReturnRate!.Value, ReportJson.Tolerance);
        // Everything else is about the whole history.
        foreach (var section in new[] { "excludedSessions", "cohorts", "regulars", "atRisk", "attendees", "slots" })
        {
            ReportJson.AssertMatches(expected[section], json[section], Ids, section);
        }
    }

    [Fact]
    public void Csv_reader_handles_quotes_commas_and_a_byte_order_mark()
    {
        var records = AttendanceCsv.ParseRecords("\uFEFFa,b\r\n\"x, \"\"y\"\"\",\"line\nbreak\"\n");

        Assert.Equal(["a", "b"], records[0]);
        Assert.Equal(["x, \"y\"", "line\nbreak"], records[1]);
    }
}
