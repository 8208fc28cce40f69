using Meetup.Data.Entities;
using Meetup.Web.Features.Import;

namespace Meetup.Tests.Features.Import;

public class ImportPlanTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static ImportPlan Plan(string csv)
    {
        var parsed = ImportParser.Parse(new StringReader(csv), ColumnMapping.Canonical, Tokyo);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return ImportPlan.Build(parsed.Rows);
    }

    [Fact]
    public void The_same_person_twice_at_a_session_is_one_entry_attended_with_the_strongest_rsvp()
    {
        var plan = Plan("""
            session_start,email,name,rsvp,attended
            2018-09-02T14:00,ｇａｏ＠ｅｘａｍｐｌｅ．ｃｏｍ,,waitlisted,no
            2018-09-02T14:00,Gao@Example.com,高远,confirmed,yes
            2018-09-02T14:00,gao@example.com,Someone else,cancelled,no
            """);

        var person = Assert.Single(plan.People);
        Assert.Equal(("gao@example.com", "高远"), (person.Email, person.Name));
        var pair = Assert.Single(plan.Pairs);
        Assert.Equal((ImportRsvp.Confirmed, true), (pair.Rsvp, pair.Attended));
    }

    [Fact]
    public void A_session_takes_the_first_value_given_for_each_field()
    {
        var plan = Plan("""
            session_start,session_title,session_format,session_languages,session_status,email,attended
            2018-09-02T14:00,,online,,,a@example.com,yes
            2018-09-02T14:00,First title,hybrid,ja zh,,b@example.com,yes
            2018-09-02T05:00Z,Second title,in_person,en,cancelled,c@example.com,yes
            """);

        // 14:00 in Tokyo and 05:00Z are the same instant: one session.
        var session = Assert.Single(plan.Sessions);
        Assert.Equal("First title", session.Title);
        Assert.Equal(SessionFormat.Online, session.Format);
        Assert.Equal(["ja", "zh"], session.Languages);
        Assert.Equal(SessionStatus.Cancelled, session.Status);
        Assert.Equal(3, plan.Pairs.Count);
    }
}
