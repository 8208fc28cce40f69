using Meetup.Web.Features.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Meetup.Tests.Features.Auth;

/// <summary>The throttle's rules on a fake clock: five free failures per (account, address), then waits that double up to a cap.</summary>
public class SignInThrottleRulesTests
{
    private const string Email = "admin@test.example";
    private const string Address = "203.0.113.5";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));

    private SignInThrottle Throttle() => new(Options.Create(new SignInThrottleSettings()), _time);

    [Fact]
    public void Five_failures_are_free_then_the_wait_doubles_from_30_seconds_up_to_15_minutes()
    {
        var throttle = Throttle();
        var waits = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            throttle.Failed(Email, Address);
            var wait = throttle.WaitFor(Email, Address);
            waits.Add(wait.TotalSeconds);
            _time.Advance(wait);
        }

        Assert.Equal([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900], waits);
    }

    [Fact]
    public void The_wait_counts_down_and_binds_only_that_account_at_that_address()
    {
        var throttle = Throttle();
        for (var i = 0; i < 5; i++)
        {
            throttle.Failed(Email, Address);
        }
        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(TimeSpan.FromSeconds(10), throttle.WaitFor(Email, Address));
        Assert.Equal(TimeSpan.FromSeconds(10), throttle.WaitFor("  ADMIN@Test.Example ", Address));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Email, "198.51.100.9"));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("other@test.example", Address));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Email, Address));
    }

    [Fact]
    public void A_success_or_an_hour_without_failures_starts_afresh()
    {
        var throttle = Throttle();
        for (var i = 0; i < 5; i++)
        {
            throttle.Failed(Email, Address);
            throttle.Failed(Email, "198.51.100.9");
        }
        _time.Advance(TimeSpan.FromSeconds(30));
        throttle.Succeeded(Email, Address);
        _time.Advance(TimeSpan.FromHours(1));

        for (var i = 0; i < 4; i++)
        {
            throttle.Failed(Email, Address);
            throttle.Failed(Email, "198.51.100.9");
        }

        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Email, Address));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Email, "198.51.100.9"));
    }
}
