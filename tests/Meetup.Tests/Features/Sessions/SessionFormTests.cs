using Meetup.Web.Features.Sessions;

namespace Meetup.Tests.Features.Sessions;

public class SessionFormTests
{
    private static SessionForm WithWindow() => new()
    {
        Date = new DateTime(2027, 1, 20),
        Time = new TimeSpan(19, 30, 0),
        RsvpOpensDate = new DateTime(2027, 1, 13),
        RsvpOpensTime = new TimeSpan(12, 0, 0),
        RsvpClosesDate = new DateTime(2027, 1, 20),
        RsvpClosesTime = new TimeSpan(19, 30, 0),
    };

    [Fact]
    public void Moving_the_start_moves_the_rsvp_window_by_the_same_amount()
    {
        var form = WithWindow();

        form.MoveStart(new DateTime(2027, 1, 27), form.Time);
        form.MoveStart(form.Date, new TimeSpan(18, 0, 0));

        Assert.Equal(new DateTime(2027, 1, 20) + new TimeSpan(10, 30, 0), form.RsvpOpensDate + form.RsvpOpensTime);
        Assert.Equal(new DateTime(2027, 1, 27) + new TimeSpan(18, 0, 0), form.RsvpClosesDate + form.RsvpClosesTime);
        Assert.Equal(TimeSpan.Zero, form.BeforeStart(form.RsvpClosesDate, form.RsvpClosesTime));
        Assert.Equal(new TimeSpan(7, 7, 30, 0), form.BeforeStart(form.RsvpOpensDate, form.RsvpOpensTime)); // as before the moves
    }

    [Fact]
    public void Without_a_window_moving_the_start_sets_none_and_a_cleared_date_moves_nothing()
    {
        var bare = new SessionForm { Date = new DateTime(2027, 1, 20) };
        bare.MoveStart(new DateTime(2027, 2, 3), bare.Time);
        Assert.Null(bare.RsvpOpensDate);
        Assert.Null(bare.RsvpClosesDate);

        var form = WithWindow();
        form.MoveStart(null, form.Time);
        form.MoveStart(new DateTime(2027, 3, 3), form.Time);
        Assert.Equal(new DateTime(2027, 1, 13), form.RsvpOpensDate); // nothing to measure from: left as typed
    }
}
