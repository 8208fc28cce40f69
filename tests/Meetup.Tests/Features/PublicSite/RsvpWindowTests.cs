using Meetup.Data.Entities;
using Meetup.Web.Features.Rsvps.Registering;

namespace Meetup.Tests.Features.PublicSite;

public class RsvpWindowTests
{
    private static readonly DateTime Start = new(2026, 12, 16, 10, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Opens = Start.AddDays(-14);
    private static readonly DateTime Closes = Start.AddHours(-2);

    [Theory]
    [InlineData(-15 * 24, NotOpenReason.NotYetOpen)]
    [InlineData(-14 * 24, null)]
    [InlineData(-3, null)]
    [InlineData(-2, NotOpenReason.Closed)]
    [InlineData(0, NotOpenReason.Started)]
    public void Rsvp_is_open_inside_its_window_and_before_the_start(int hoursFromStart, NotOpenReason? expected)
        => Assert.Equal(expected, RsvpRules.WhyNotOpen(SessionStatus.Published, Start, Opens, Closes, Start.AddHours(hoursFromStart)));

    [Fact]
    public void Without_a_window_rsvp_is_open_until_the_start()
    {
        Assert.Null(RsvpRules.WhyNotOpen(SessionStatus.Published, Start, null, null, Start.AddMinutes(-1)));
        Assert.Equal(NotOpenReason.Started, RsvpRules.WhyNotOpen(SessionStatus.Published, Start, null, null, Start));
    }

    [Fact]
    public void A_cancelled_session_takes_no_rsvp()
        => Assert.Equal(NotOpenReason.Cancelled, RsvpRules.WhyNotOpen(SessionStatus.Cancelled, Start, Opens, Closes, Start.AddDays(-1)));
}
