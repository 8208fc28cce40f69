using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Meetup.Data.Entities;
using FeedbackRow = Meetup.Data.Entities.Feedback;
using Meetup.Testing;
using static Meetup.Tests.Features.Import.HistoryApi;

namespace Meetup.Tests.Features.Retention;

/// <summary>
/// GET /api/events/{id}/feedback-effect: the return rate of people by their survey answers, against
/// <see cref="NaiveFeedbackEffect"/> on generated histories written to a real database.
/// </summary>
public class FeedbackEffectApiTests
{
    private const int Histories = 12;
    private static readonly DateTime Now = ExampleNow.UtcDateTime;
    private static readonly string[] Zones = ["Asia/Tokyo", "UTC", "America/New_York"];

    private sealed record EffectRow(string Question, string Answer, int Responses, int Returned, double ReturnRate);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Feedback_effect_matches_the_naive_reference_on_generated_histories(string provider)
    {
        await using var app = await StartAsync(provider);
        var client = await app.ApiClientAsync();
        var nonEmpty = 0;

        for (var seed = 1; seed <= Histories; seed++)
        {
            var rng = new Random(seed);
            var history = await SeedRandomHistoryAsync(app, seed, rng);
            var (from, to) = (RandomBound(rng, history.Sessions), RandomBound(rng, history.Sessions));
            if (from > to)
            {
                (from, to) = (to, from);
            }
            var query = string.Join('&', new[] { ("from", from), ("to", to) }
                .Where(b => b.Item2 is not null)
                .Select(b => $"{b.Item1}={b.Item2!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));

            var response = await client.GetAsync($"/api/events/{history.EventId}/feedback-effect?{query}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var actual = await response.Content.ReadFromJsonAsync<List<EffectRow>>() ?? [];
            var expected = NaiveFeedbackEffect.Compute(history.Sessions, history.CheckIns, history.Answers, Now,
                TimeZoneInfo.FindSystemTimeZoneById(history.Zone), from, to);
            var because = $"seed {seed}, ?{query}";
            Assert.True(expected.Select(r => (r.Question, r.Answer, r.Responses, r.Returned))
                    .SequenceEqual(actual.Select(r => (r.Question, r.Answer, r.Responses, r.Returned))),
                $"{because}: expected [{string.Join(", ", expected)}] but got [{string.Join(", ", actual)}]");
            foreach (var row in actual)
            {
                Assert.Equal((double)row.Returned / row.Responses, row.ReturnRate, 12);
            }
            nonEmpty += expected.Count > 0 ? 1 : 0;
        }
        Assert.True(nonEmpty >= Histories / 2, $"only {nonEmpty} of {Histories} histories had rows: the generator proves little");
    }

    [Fact]
    public async Task Rows_follow_the_questions_and_answers_in_order_and_only_answers_given_appear()
    {
        await using var app = await StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        // Three weekly sessions; Ann and Ben answer about the first, Ann comes back to the second and Ben does not;
        // Ann answers about the third too, which has no next session (not counted in any row).
        var eventId = await CreateEventAsync(app);
        await using (var db = app.Factory.CreateDbContext())
        {
            var ann = Person("ann@example.com");
            var ben = Person("ben@example.com");
            var sessions = Enumerable.Range(0, 3).Select(i => Held(eventId, new DateTime(2026, 9, 1, 10, 0, 0, DateTimeKind.Utc).AddDays(7 * i))).ToList();
            sessions[0].CheckIns.Add(CheckInOf(ann));
            sessions[0].CheckIns.Add(CheckInOf(ben)); // came: no RSVP, a walk-in
            sessions[1].CheckIns.Add(CheckInOf(ann));
            sessions[2].CheckIns.Add(CheckInOf(ann));
            db.Sessions.AddRange(sessions);
            db.Feedback.AddRange(
                Answer(sessions[0], ann, 5, 4, FeedbackPace.JustRight, FeedbackLength.TooLong, FeedbackComeNext.Yes),
                Answer(sessions[0], ben, 2, 4, FeedbackPace.TooFast, FeedbackLength.TooLong, FeedbackComeNext.Maybe),
                Answer(sessions[2], ann, 1, 1, FeedbackPace.TooSlow, FeedbackLength.TooShort, FeedbackComeNext.No));
            await db.SaveChangesAsync();
        }

        var rows = await client.GetFromJsonAsync<List<EffectRow>>($"/api/events/{eventId}/feedback-effect");

        Assert.Equal(
        [
            new("overall", "2", 1, 0, 0), new("overall", "5", 1, 1, 1),
            new("understanding", "4", 2, 1, 0.5),
            new("pace", "just_right", 1, 1, 1), new("pace", "too_fast", 1, 0, 0),
            new("length", "too_long", 2, 1, 0.5),
            new("comeNext", "yes", 1, 1, 1), new("comeNext", "maybe", 1, 0, 0),
        ], rows);
        // The range picks the answered session by its local date: the second session (nobody answered) only.
        Assert.Empty((await client.GetFromJsonAsync<List<EffectRow>>($"/api/events/{eventId}/feedback-effect?from=2026-09-08&to=2026-09-08"))!);
    }

    [Theory]
    [InlineData("from=2018-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2018-10-10&to=2018-09-01", "to")]
    public async Task A_bad_date_gets_a_validation_problem_naming_the_field(string query, string field)
    {
        await using var app = await StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);

        var response = await client.GetAsync($"/api/events/{eventId}/feedback-effect?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await JsonAsync(response))["errors"]![field]);
    }

    [Fact]
    public async Task An_unknown_event_gets_404_problem_details_and_an_event_without_feedback_an_empty_list()
    {
        await using var app = await StartAsync("Sqlite");
        var client = await app.ApiClientAsync();
        var eventId = await CreateEventAsync(app);

        var missing = await client.GetAsync("/api/events/4242/feedback-effect");
        var empty = await client.GetFromJsonAsync<List<EffectRow>>($"/api/events/{eventId}/feedback-effect");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Empty(empty!);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_door_helpers_403()
    {
        await using var app = await StartAsync("Sqlite");
        var eventId = await CreateEventAsync(app);
        var doorHelper = await DoorHelperClientAsync(app);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync($"/api/events/{eventId}/feedback-effect")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await doorHelper.GetAsync($"/api/events/{eventId}/feedback-effect")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_route()
    {
        await using var app = await StartAsync("Sqlite");

        var document = await app.Client().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/events/{id}/feedback-effect\"", document, StringComparison.Ordinal);
    }

    private sealed record History(int EventId, string Zone, List<Session> Sessions, List<CheckIn> CheckIns, List<FeedbackRow> Answers);

    /// <summary>
    /// A small random event: weekly-ish sessions around "now" (some cancelled, some drafts, some upcoming, some nobody
    /// checked in to), people of varying loyalty, walk-ins (no RSVP), and answers mostly by people checked in, a few by
    /// people who were not (the rule counts every answer given), including answers about sessions that do not count.
    /// </summary>
    private static async Task<History> SeedRandomHistoryAsync(TestApp app, int seed, Random rng)
    {
        var zone = Zones[rng.Next(Zones.Length)];
        var eventId = await CreateEventAsync(app, $"random-{seed}", zone);
        await using var db = app.Factory.CreateDbContext();
        var people = Enumerable.Range(0, rng.Next(3, 12)).Select(p => Person($"s{seed}p{p}@example.com")).ToList();
        var loyalty = people.Select(_ => rng.NextDouble()).ToArray();
        var start = Now.AddDays(-rng.Next(40, 90)).AddMinutes(rng.Next(24 * 60));
        var sessions = new List<Session>();
        var answers = new List<FeedbackRow>();
        for (var s = 0; s < rng.Next(2, 10); s++)
        {
            var session = Held(eventId, start);
            session.Status = rng.Next(10) switch { 0 => SessionStatus.Cancelled, 1 => SessionStatus.Draft, _ => SessionStatus.Published };
            var quiet = rng.Next(6) == 0; // held, but nobody checked in: skipped
            for (var p = 0; p < people.Count; p++)
            {
                var came = !quiet && rng.NextDouble() < loyalty[p];
                if (came)
                {
                    session.CheckIns.Add(CheckInOf(people[p]));
                }
                if (came ? rng.Next(4) != 0 : rng.Next(4) == 0) // else a walk-in, or a no-show
                {
                    session.Rsvps.Add(new Rsvp { Attendee = people[p], Status = RsvpStatus.Confirmed, CreatedAt = start, UpdatedAt = start });
                }
                if (rng.NextDouble() < (came ? 0.7 : 0.05))
                {
                    answers.Add(Answer(session, people[p], rng.Next(1, 6), rng.Next(1, 6),
                        (FeedbackPace)rng.Next(3), (FeedbackLength)rng.Next(3), (FeedbackComeNext)rng.Next(3)));
                }
            }
            sessions.Add(session);
            // Same start now and then; the last sessions may lie ahead of "now" (upcoming).
            start = rng.Next(8) == 0 ? start : start.AddDays(rng.Next(3, 15)).AddMinutes(rng.Next(-300, 300));
        }
        db.Sessions.AddRange(sessions);
        db.Feedback.AddRange(answers);
        await db.SaveChangesAsync();
        return new History(eventId, zone, sessions, [.. sessions.SelectMany(s => s.CheckIns)], answers);
    }

    private static DateOnly? RandomBound(Random rng, List<Session> sessions)
        => sessions.Count == 0 || rng.Next(2) == 0 ? null
            : DateOnly.FromDateTime(sessions[rng.Next(sessions.Count)].StartsAt.AddDays(rng.Next(-1, 2)));

    private static Attendee Person(string email) => new() { Email = email, DisplayName = email, CreatedAt = Now };

    private static Session Held(int eventId, DateTime start) => new()
    {
        EventId = eventId,
        Title = $"Session {start:yyyy-MM-dd}",
        StartsAt = start,
        EndsAt = start.AddHours(2),
        Status = SessionStatus.Published,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    private static CheckIn CheckInOf(Attendee person) => new() { Attendee = person, At = Now, Method = CheckInMethod.Manual };

    private static FeedbackRow Answer(Session session, Attendee person, int overall, int understanding, FeedbackPace pace, FeedbackLength length, FeedbackComeNext comeNext)
        => new()
        {
            Session = session,
            Attendee = person,
            Overall = overall,
            Understanding = understanding,
            Pace = pace,
            Length = length,
            ComeNext = comeNext,
            Language = "en",
            CreatedAt = Now,
            UpdatedAt = Now,
        };
}
