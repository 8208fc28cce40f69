using System.Text.RegularExpressions;
using Meetup.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>The notices around an RSVP say bad news in the warning colour, and each thing once.</summary>
public partial class RsvpNoticeTests
{
    private static readonly DateTimeOffset InThreeWeeks = DateTimeOffset.UtcNow.AddDays(21);

    [Fact]
    public async Task A_full_room_is_announced_in_the_warning_colour_not_the_seats_left_green()
    {
        await using var app = await StartAsync("Sqlite");
        var admin = await app.ApiClientAsync();
        var session = await PublishedSessionAsync(admin, 1, InThreeWeeks);
        var open = await app.Client().GetStringAsync($"/rsvp/new/{session.Id}");
        await RsvpAsync(app.Client(), session.Id, "A", "a@example.com");

        var full = await app.Client().GetStringAsync($"/rsvp/new/{session.Id}");
        var home = await app.Client().GetStringAsync("/");

        Assert.Matches(SeatsLine("seats-line"), open);
        Assert.Matches(SeatsLine("seats-line seats-full"), full);
        Assert.Contains("The room is full", SeatsLine("seats-line seats-full").Match(full).Value, StringComparison.Ordinal);
        Assert.Matches(SeatsLine("seats seats-full"), home);
        var css = await app.Client().GetStringAsync("/app.css");
        Assert.Contains(".seats-line.seats-full { color: var(--warn); }", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_cancelling_the_rsvp_page_says_it_is_cancelled_once()
    {
        await using var app = await StartAsync("Sqlite");
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, InThreeWeeks);
        var mine = await OutcomeAsync(await RsvpAsync(app.Client(), session.Id, "A", "a@example.com"));
        var url = $"/rsvp/{mine.ManageToken}";

        var html = await (await FormPost.SubmitAsync(app.Client(), $"{url}?cancel=1", "cancel", new Dictionary<string, string> { ["CancelRequest"] = "yes" })).Content.ReadAsStringAsync();

        Assert.Contains("data-status=\"cancelled\"", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "RSVP is cancelled"));
        Assert.Contains("Thank you for letting us know.", html, StringComparison.Ordinal);
    }

    private static Regex SeatsLine(string classes) => new($"<(p|div) class=\"{Regex.Escape(classes)}\"[^>]*>[^<]*(<strong>)?[^<]*");
}
