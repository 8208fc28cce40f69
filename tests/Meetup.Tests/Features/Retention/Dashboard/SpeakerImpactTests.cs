using Meetup.Web.Features.Retention;
using Meetup.Web.Features.Retention.Dashboard;

namespace Meetup.Tests.Features.Retention.Dashboard;

public class SpeakerImpactTests
{
    private static RetentionSessionRow Row(int index, int attended, int newcomers, double? firstTimerReturnRate, double? returnRate = 0.5) => new()
    {
        Index = index,
        SessionId = 100 + index,
        StartsAt = new DateTime(2018, 9, index, 10, 0, 0, DateTimeKind.Utc),
        Title = $"#{index}",
        Attended = attended,
        New = newcomers,
        Returning = attended - newcomers,
        Resurrecting = 0,
        Dormant = 0,
        ReturnRate = returnRate,
        FirstTimerReturnRate = firstTimerReturnRate,
        ConfirmedRsvps = 0,
        NoShows = 0,
        NoShowRate = null,
        WalkIns = attended,
    };

    [Fact]
    public void A_speaker_counts_each_of_their_sessions_once_with_its_turnout_and_newcomers()
    {
        SessionSpeaker[] speakers =
        [
            new(101, 1, "Lin", "Kubernetes 101"),
            new(101, 1, "Lin", "Pods in depth"),   // two talks, one session
            new(102, 1, "Lin", "Services"),
            new(102, 2, "Wu", "TiDB"),             // two speakers, one session
        ];

        var rows = SpeakerImpact.Compute([Row(1, 10, 4, 0.75), Row(2, 20, 6, 0.5)], speakers);

        var lin = Assert.Single(rows, r => r.Name == "Lin");
        Assert.Equal(2, lin.Sessions);
        Assert.Equal(15, lin.MeanAttendance, 12);
        Assert.Equal(10, lin.NewcomersBrought);
        Assert.Equal((3 + 3) / 10.0, lin.NewcomersReturnRate!.Value, 12);
        Assert.Equal(["Kubernetes 101", "Pods in depth", "Services"], lin.Topics);
        var wu = Assert.Single(rows, r => r.Name == "Wu");
        Assert.Equal(1, wu.Sessions);
        Assert.Equal(6, wu.NewcomersBrought);
        Assert.Equal(0.5, wu.NewcomersReturnRate!.Value, 12);
        Assert.Equal(["Lin", "Wu"], rows.Select(r => r.Name)); // most newcomers first
    }

    [Fact]
    public void Newcomers_of_the_latest_session_are_pending_not_lost()
    {
        var rows = SpeakerImpact.Compute(
            [Row(1, 10, 4, 0.5), Row(2, 12, 3, null, returnRate: null)],
            [new(101, 7, "Aya", "eBPF"), new(102, 7, "Aya", "Cilium"), new(102, 8, "Kai", "Kata")]);

        var aya = Assert.Single(rows, r => r.SpeakerId == 7);
        Assert.Equal(7, aya.NewcomersBrought);
        Assert.Equal(0.5, aya.NewcomersReturnRate!.Value, 12); // 2 of the 4 whose next session happened
        Assert.Equal(3, aya.NewcomersPending);
        var kai = Assert.Single(rows, r => r.SpeakerId == 8);
        Assert.Null(kai.NewcomersReturnRate);
        Assert.Equal(3, kai.NewcomersPending);
    }

    [Fact]
    public void Sessions_outside_the_rows_and_blank_topics_are_left_out()
    {
        var rows = SpeakerImpact.Compute(
            [Row(1, 10, 0, null)],
            [new(101, 1, "Lin", ""), new(999, 1, "Lin", "Not counted"), new(999, 2, "Ghost", "Cancelled talk")]);

        var lin = Assert.Single(rows);
        Assert.Equal(1, lin.Sessions);
        Assert.Empty(lin.Topics);
        Assert.Equal(0, lin.NewcomersBrought);
        Assert.Null(lin.NewcomersReturnRate);
        Assert.Equal(0, lin.NewcomersPending);
    }
}
