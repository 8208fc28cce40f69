using System.Net;
using System.Net.Http.Json;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Meetup.Tests.Features.Rsvps.RsvpKit;

namespace Meetup.Tests.Features.Rsvps;

/// <summary>Whoever knows an email can have the link sent again, but never stop the link its owner holds.</summary>
public class ManageLinkKeepingTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_resend_or_a_repeated_rsvp_adds_a_link_and_the_links_sent_before_keep_working_the_newest_five(string provider)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(provider, time, new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        var session = await PublishedSessionAsync(await app.ApiClientAsync(), 5, time.GetUtcNow().AddDays(10));
        var client = app.Client();
        var links = new List<string> { (await OutcomeAsync(await RsvpAsync(client, session.Id, "Gao Lin", "gao@example.com"))).ManageToken! };

        for (var i = 1; i < 6; i++)
        {
            time.Advance(TimeSpan.FromMinutes(11)); // re-sends are spaced ten minutes apart
            var again = i % 2 == 1
                ? await client.PostAsJsonAsync($"/api/sessions/{session.Id}/rsvps/resend", new { email = "gao@example.com" })
                : await RsvpAsync(client, session.Id, "Someone", "gao@example.com");
            again.EnsureSuccessStatusCode();
            links.Add(await NewestEmailedLinkAsync(app));
            if (i == 2)
            {
                // After a re-send and a repeated RSVP: all three links open the RSVP.
                foreach (var link in links)
                {
                    Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/rsvps/{link}")).StatusCode);
                }
            }
        }

        Assert.Equal(6, links.Distinct().Count());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/rsvps/{links[0]}")).StatusCode); // the oldest of six
        foreach (var link in links.Skip(1))
        {
            var details = (await client.GetFromJsonAsync<Meetup.Web.Features.Rsvps.Registering.RsvpDetails>($"/api/rsvps/{link}"))!;
            Assert.Equal(("Gao Lin", "confirmed"), (details.Name, details.Status));
        }
    }

    /// <summary>The token in the newest manage-link email waiting in the outbox (decrypted here, as the sender would).</summary>
    private static async Task<string> NewestEmailedLinkAsync(TestApp app)
    {
        await using var db = app.Factory.CreateDbContext();
        var secret = await db.OutboxMessages.Where(o => o.Kind == NotificationKind.ManageLink && o.Secret != null)
            .OrderByDescending(o => o.Id).Select(o => o.Secret).FirstAsync();
        return app.Factory.Services.GetRequiredService<Outbox>().Unprotect(secret)!;
    }
}
