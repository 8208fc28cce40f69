using System.Text.Json;
using Meetup.Web.Features.Import;

namespace Meetup.Tests.Features.Import;

/// <summary>A file's problems: English for the API, their text and values apart for the screen to translate.</summary>
public class ImportErrorTextTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Fact]
    public void A_problem_keeps_its_English_message_and_its_values_apart_for_translation()
    {
        var result = ImportParser.Parse(new StringReader("session_start,email,attended\n2018-13-40 14:00,a@example.com,maybe\n"),
            ColumnMapping.Canonical, Tokyo);

        var date = result.Errors.Single(e => e.Column == "session_start");
        Assert.Equal("'{0}' is not a date and time: write it in ISO 8601 like 2018-09-02 14:00 or 2018-09-02T14:00+09:00, or as 2018年9月2日 14時00分 (in the event's time zone unless it carries an offset).", date.Format);
        Assert.Equal(["2018-13-40 14:00"], date.Args);
        Assert.StartsWith("'2018-13-40 14:00' is not a date and time: write it in ISO 8601", date.Message, StringComparison.Ordinal);
        var attended = result.Errors.Single(e => e.Column == "attended");
        Assert.Equal("'maybe' is not yes or no (true/false and 1/0 work too).", attended.Message);
        Assert.Equal("'{0}' is not yes or no (true/false and 1/0 work too).", attended.Format);
    }

    [Fact]
    public void The_API_sends_a_problem_as_line_column_and_English_message_only()
    {
        var error = ImportError.Of(3, "attended", new ImportText("'{0}' is not yes or no (true/false and 1/0 work too).", "maybe"));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(error, JsonSerializerOptions.Web));

        Assert.Equal(["line", "column", "message"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("'maybe' is not yes or no (true/false and 1/0 work too).", json.RootElement.GetProperty("message").GetString());
    }
}
