using Meetup.Data.Entities;
using Meetup.Web.Features.PublicSite;

namespace Meetup.Tests.Features.PublicSite;

public class RsvpWindowTests
{
    private static readonly DateTime Start = new(2026, 12, 16, 10, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Opens = Start.AddDays(-14);
    private static readonly DateTime Closes = Start.AddHours(-2);

    [Theory]
    [InlineData(-15 * 24, RsvpState.NotYetOpen)]
    [InlineData(-14 * 24, RsvpState.Open)]
    [InlineData(-3, RsvpState.Open)]
    [InlineData(-2, RsvpState.Closed)]
    [InlineData(0, RsvpState.Started)]
    public void Rsvp_is_open_inside_its_window_and_before_the_start(int hoursFromStart, RsvpState expected)
        => Assert.Equal(expected, RsvpWindow.StateAt(SessionStatus.Published, Start, Opens, Closes, Start.AddHours(hoursFromStart)));

    [Fact]
    public void Without_a_window_rsvp_is_open_until_the_start()
    {
        Assert.Equal(RsvpState.Open, RsvpWindow.StateAt(SessionStatus.Published, Start, null, null, Start.AddMinutes(-1)));
        Assert.Equal(RsvpState.Started, RsvpWindow.StateAt(SessionStatus.Published, Start, null, null, Start));
    }

    [Fact]
    public void A_cancelled_session_takes_no_rsvp()
        => Assert.Equal(RsvpState.Cancelled, RsvpWindow.StateAt(SessionStatus.Cancelled, Start, Opens, Closes, Start.AddDays(-1)));
}
