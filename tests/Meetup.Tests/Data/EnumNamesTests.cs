using Meetup.Data.Entities;

namespace Meetup.Tests.Data;

public class EnumNamesTests
{
    [Fact]
    public void Enum_values_use_the_snake_case_names_of_the_api()
    {
        Assert.Equal("in_person", SessionFormat.InPerson.ToSnakeCase());
        Assert.Equal("online_join", CheckInMethod.OnlineJoin.ToSnakeCase());
        Assert.Equal("walk_in", CheckInMethod.WalkIn.ToSnakeCase());
        Assert.Equal("qa", AgendaItemKind.Qa.ToSnakeCase());
    }

    [Theory]
    [InlineData("in_person", true, SessionFormat.InPerson)]
    [InlineData(" HYBRID ", true, SessionFormat.Hybrid)]
    [InlineData("Online", true, SessionFormat.Online)]
    [InlineData("1", false, SessionFormat.InPerson)]
    [InlineData("on_site", false, SessionFormat.InPerson)]
    [InlineData("", false, SessionFormat.InPerson)]
    public void Parsing_accepts_names_in_any_case_and_nothing_else(string text, bool ok, SessionFormat expected)
    {
        Assert.Equal(ok, EnumNames.TryParseSnakeCase<SessionFormat>(text, out var value));
        if (ok)
        {
            Assert.Equal(expected, value);
        }
    }

    [Fact]
    public void Every_value_round_trips()
    {
        foreach (var method in Enum.GetValues<CheckInMethod>())
        {
            Assert.Equal(method, EnumNames.ParseSnakeCase<CheckInMethod>(method.ToSnakeCase()));
        }
    }
}
