using Meetup.Web.Features.Rsvps.Admin;
using Meetup.Web.Features.Rsvps.Registering;
using Meetup.Web.Features.Shared;
namespace Meetup.Tests.Features.Rsvps;

public class RsvpCsvTests
{
    [Fact]
    public void Cells_a_spreadsheet_would_run_as_formulas_are_neutralized_and_answers_get_their_own_columns()
    {
        var rows = new List<RsvpListItem>
        {
            new()
            {
                RsvpId = 1, AttendeeId = 1, Name = "=HYPERLINK(\"http://evil\")", Email = "a@example.com", Status = "confirmed",
                CreatedAt = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc), CheckedIn = true, CheckInCode = "K7QM4X", Language = "ja",
                Answers = [new AnswerSnapshot(3, "Which track?", "+Advanced"), new AnswerSnapshot(4, "Diet", "@none")],
            },
            new()
            {
                RsvpId = 2, AttendeeId = 2, Name = "-1+2", Email = "b@example.com", Status = "waitlisted", WaitlistPosition = 1,
                CreatedAt = new DateTime(2026, 12, 1, 11, 0, 0, DateTimeKind.Utc), CheckedIn = false, Answers = [],
            },
        };

        var lines = RsvpCsv.Write(rows).Split("\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal("name,email,status,waitlist_position,rsvp_at_utc,checked_in,check_in_code,language,Which track?,Diet", lines[0]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil\"\")\",a@example.com,confirmed,,2026-12-01T10:00:00Z,yes,K7QM4X,ja,\"'+Advanced\",\"'@none\"", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("\"'-1+2\",b@example.com,waitlisted,1,", lines[2], StringComparison.Ordinal);
    }
}
