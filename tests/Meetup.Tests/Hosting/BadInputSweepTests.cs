using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meetup.Testing;
using Meetup.Tests.Features.Rsvps;

namespace Meetup.Tests.Hosting;

/// <summary>
/// An attacker's sweep over every /api endpoint and the static forms: malformed JSON, wrong types,
/// huge numbers and strings, control characters, out-of-range dates and ids, wrong content types.
/// Nothing may answer 5xx; a bad field answers 400 naming it.
/// </summary>
public class BadInputSweepTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task No_malformed_request_to_the_api_gets_a_server_error(string provider)
    {
        await using var app = await RsvpKit.StartAsync(provider);
        var client = await app.ApiClientAsync();
        var world = await SweepWorld.CreateAsync(client);
        var failures = new List<string>();

        foreach (var target in world.Targets())
        {
            foreach (var (contentType, body) in BodyMutations(target))
            {
                await ProbeAsync(client, target.Method, target.Url, contentType, body, expectField: null, failures);
            }
            foreach (var field in target.Fields)
            {
                foreach (var (value, expectError) in FieldMutations(field.Kind))
                {
                    var body = target.With(field.Path, value);
                    var shown = value?.ToJsonString() is { } v && v.Length > 40 ? $"({v.Length} chars)" : value?.ToJsonString() ?? "null";
                    await ProbeAsync(client, target.Method, target.Url, "application/json", body, expectError ? field.ErrorKey : null, failures, $"{field.ErrorKey}={shown}");
                }
            }
        }
        foreach (var (method, url) in world.RouteAndQueryProbes())
        {
            await ProbeAsync(client, method, url, null, null, expectField: null, failures);
        }
        const string header = "session_start,session_title,email,name,rsvp,attended\n";
        foreach (var row in new[]
        {
            "9999-12-31T23:00Z,T,a@example.com,A,confirmed,yes", "0001-01-01T00:00+14:00,T,a@example.com,A,none,yes",
            "1999-12-31T23:00,T,a@example.com,A,none,yes", "2019-01-01T19:00,T\0,a@example.com,A,none,yes",
            "2019-01-01T19:00,T,a\u0007@example.com,A,none,yes", "2019-01-01T19:00,T,a@example.com,A\r\nB,none,yes",
            "2019-01-01T19:00,\"T\r\nU\",a@example.com,\"A\u001bB\",none,yes", "2019-01-01T19:00,T,\"x <a@example.com>\",A,none,yes",
        })
        {
            await ProbeAsync(client, HttpMethod.Post, $"/api/events/{world.EventId}/import", "text/csv", header + row + "\n", expectField: null, failures);
        }
        foreach (var (contentType, body) in new (string?, string)[] { ("text/csv", "\0\0\0"), ("text/csv; charset=bogus", header), ("application/json", "{}"), ("text/csv", "\ufeff\ufeff" + header), (null, "") })
        {
            await ProbeAsync(client, HttpMethod.Post, $"/api/events/{world.EventId}/import", contentType, body, expectField: null, failures);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task No_malformed_post_to_the_static_forms_gets_a_server_error(string provider)
    {
        await using var app = await RsvpKit.StartAsync(provider);
        var admin = await app.ApiClientAsync();
        var world = await SweepWorld.CreateAsync(admin);
        var client = app.Client();
        var failures = new List<string>();

        var forms = new (string Url, string Form, Dictionary<string, string> Fields)[]
        {
            ($"/rsvp/new/{world.SessionId}", "rsvp", new() { ["Form.Name"] = "Mallory", ["Form.Email"] = "mallory@example.com", [$"Form.Answers[{world.QuestionId}]"] = "ACME" }),
            ($"/rsvp/{world.ManageToken}", "profile", new() { ["Profile.Name"] = "Alice", ["Profile.Language"] = "ja" }),
            ("/account/login", "login", new() { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "wrong-password" }),
        };
        foreach (var (url, form, fields) in forms)
        {
            foreach (var variant in FormVariants(fields))
            {
                var response = await FormPost.SubmitAsync(client, url, form, variant);
                await Record(response, $"POST {url} ({form}) {Describe(variant)}", null, failures);
            }
            // Without the page's antiforgery token, as raw bytes, and with the wrong content type.
            foreach (var (contentType, body) in new (string, string)[]
            {
                ("application/x-www-form-urlencoded", $"_handler={form}&Form.Name=%00%ZZ&&=&Form.Answers%5Babc%5D=1"),
                ("application/x-www-form-urlencoded", "%"),
                ("multipart/form-data", "--x\r\nbroken"),
                ("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"_handler\"\r\n\r\n" + form + "\r\n--"),
                ("application/json", "{}"),
                ("text/plain; charset=bogus", "x"),
            })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                var response = await client.SendAsync(request);
                await Record(response, $"POST {url} [{contentType}] {body}", null, failures);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n" + string.Join("\n", failures));
    }

    private static IEnumerable<Dictionary<string, string>> FormVariants(Dictionary<string, string> fields)
    {
        foreach (var key in fields.Keys)
        {
            foreach (var value in new[] { "a\0b", "a\u0007b", "a\r\nb", new string('x', 100_000), "\ud800", "" })
            {
                yield return new Dictionary<string, string>(fields) { [key] = value };
            }
        }
        yield return new Dictionary<string, string>(fields) { ["Form.Answers[abc]"] = "x", ["Form.Answers[99999999999]"] = "x" };
        yield return new Dictionary<string, string>(fields) { ["Form.Answers"] = "x", ["Form"] = "x" };
        yield return new Dictionary<string, string>(fields) { ["_handler"] = "nonexistent" };
    }

    private static string Describe(Dictionary<string, string> fields)
        => string.Join("&", fields.Select(f => $"{f.Key}={(f.Value.Length > 20 ? $"({f.Value.Length} chars)" : Escape(f.Value))}"));

    /// <summary>Whole-body mutations: every target gets each of them.</summary>
    private static IEnumerable<(string? ContentType, string Body)> BodyMutations(Target target)
    {
        var valid = target.Body.ToJsonString();
        yield return ("application/json", "{");
        yield return ("application/json", "");
        yield return ("application/json", "null");
        yield return ("application/json", "[]");
        yield return ("application/json", "{}");
        yield return ("application/json", "[null]");
        yield return ("application/json", "\"text\"");
        yield return ("application/json", "42");
        yield return ("application/json", new string('[', 200) + new string(']', 200));
        yield return ("application/json", "{\"a\":\"\\ud800\"}");
        yield return ("application/json", "\u00ff\u00fe{}");
        yield return ("text/plain", valid);
        yield return ("application/xml", "<a/>");
        yield return (null, valid);
        yield return ("application/json; charset=bogus", valid);
        yield return ("application/json; charset=utf-16", valid);
        yield return ("application/json; charset=\"", valid);
        yield return ("application/x-www-form-urlencoded", "a=1");
        yield return ("multipart/form-data; boundary=x", "--x--");
    }

    private const string Surrogate = "@@lone-surrogate@@";

    /// <summary>Values put into one field of an otherwise valid body, and whether they must get a 400 naming that field.</summary>
    private static IEnumerable<(JsonNode? Value, bool ExpectError)> FieldMutations(FieldKind kind)
    {
        var text = kind is FieldKind.SingleLine or FieldKind.MultiLine or FieldKind.Email;
        yield return (JsonValue.Create("a\0b"), text);
        yield return (JsonValue.Create("a\u0007b"), text);
        yield return (JsonValue.Create("a\r\nb"), kind is FieldKind.SingleLine or FieldKind.Email);
        yield return (JsonValue.Create("a\tb"), kind is FieldKind.SingleLine or FieldKind.Email);
        yield return (JsonValue.Create(Surrogate), false);
        yield return (JsonValue.Create(new string('x', 100_000)), false);
        yield return (null, false);
        yield return (JsonValue.Create(12), false);
        yield return (JsonValue.Create(99999999999L), false);
        yield return (JsonNode.Parse("1e400"), false);
        yield return (new JsonArray((JsonNode?)null), false);
        yield return (new JsonObject(), false);
        if (kind == FieldKind.Instant)
        {
            foreach (var date in new[]
            {
                "9999-12-31T23:00Z", "9999-12-31T23:00", "0001-01-01T00:00Z", "0001-01-01T00:00+14:00", "9999-12-31T23:59-14:00",
                "1999-12-31T23:00Z", "2200-01-01T00:00Z", "2026-02-30T19:30", "2026-12-16T25:00", "+002026-12-16T19:30Z",
            })
            {
                yield return (JsonValue.Create(date), true);
            }
        }
    }

    private static async Task ProbeAsync(HttpClient client, HttpMethod method, string url, string? contentType, string? body, string? expectField, List<string> failures, string? label = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body.Replace($"\"{Surrogate}\"", "\"\\ud800\"", StringComparison.Ordinal));
            request.Content = new ByteArrayContent(bytes);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }
        var response = await client.SendAsync(request);
        var shown = label ?? (body is null ? "" : body.Length > 120 ? $"{Escape(body[..100])}… ({body.Length} chars)" : Escape(body));
        await Record(response, $"{method} {url} [{contentType}] {shown}", expectField, failures);
    }

    private static async Task Record(HttpResponseMessage response, string what, string? expectField, List<string> failures)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            failures.Add($"{what} → {status} {text[..Math.Min(300, text.Length)]}");
            return;
        }
        if (expectField is null)
        {
            return;
        }
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            failures.Add($"{what} → {status}, expected 400 naming '{expectField}'");
            return;
        }
        using var json = JsonDocument.Parse(text);
        if (!json.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object
            || !errors.EnumerateObject().Any(e => string.Equals(e.Name, expectField, StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"{what} → 400 not naming '{expectField}': {text[..Math.Min(300, text.Length)]}");
        }
    }

    private static string Escape(string s) => JsonSerializer.Serialize(s);

    internal enum FieldKind { SingleLine, MultiLine, Email, Instant, Other }

    internal sealed record Field(string ErrorKey, FieldKind Kind, params object[] Path);

    internal sealed record Target(HttpMethod Method, string Url, JsonNode Body, params Field[] Fields)
    {
        public string With(object[] path, JsonNode? value)
        {
            var copy = Body.DeepClone();
            var parent = copy;
            for (var i = 0; i < path.Length - 1; i++)
            {
                parent = path[i] is int index ? parent[index]! : parent[(string)path[i]]!;
            }
            if (path[^1] is int last)
            {
                parent[last] = value?.DeepClone();
            }
            else
            {
                parent[(string)path[^1]] = value?.DeepClone();
            }
            return copy.ToJsonString();
        }
    }

    /// <summary>What the sweep needs to exist: an event with a question, a published session, a speaker, an RSVP.</summary>
    internal sealed record SweepWorld(int EventId, string Slug, int SessionId, int DraftSessionId, int QuestionId, int SpeakerId, string ManageToken, int AttendeeId)
    {
        public static async Task<SweepWorld> CreateAsync(HttpClient admin)
        {
            var ev = await Features.Sessions.SessionApiTests.CreateEventAsync(admin);
            var questions = await admin.PutAsJsonAsync($"/api/events/{ev.Id}/questions", new[] { new { prompt = "Company?", kind = "short_text" } });
            questions.EnsureSuccessStatusCode();
            var questionId = (await RsvpKit.JsonAsync(questions))[0].GetProperty("id").GetInt32();
            var session = await RsvpKit.PublishedSessionAsync(admin, 50, DateTimeOffset.UtcNow.AddDays(30), eventId: ev.Id);
            var draft = await RsvpKit.PublishedSessionAsync(admin, 50, DateTimeOffset.UtcNow.AddDays(60), publish: false, eventId: ev.Id);
            var speaker = await admin.PostAsJsonAsync("/api/speakers", new { name = "Ada" });
            speaker.EnsureSuccessStatusCode();
            var rsvp = await RsvpKit.OutcomeAsync(await RsvpKit.RsvpAsync(admin, session.Id, "Alice", "alice@example.com", answers: new Dictionary<string, string> { [questionId.ToString(System.Globalization.CultureInfo.InvariantCulture)] = "ACME" }));
            var list = await RsvpKit.JsonAsync(await admin.GetAsync($"/api/sessions/{session.Id}/rsvps"));
            return new SweepWorld(ev.Id, ev.Slug, session.Id, draft.Id, questionId, (await RsvpKit.JsonAsync(speaker)).GetProperty("id").GetInt32(),
                rsvp.ManageToken!, list[0].GetProperty("attendeeId").GetInt32());
        }

        public IEnumerable<Target> Targets()
        {
            var q = QuestionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            JsonNode Event(string? slug) => JsonNode.Parse(JsonSerializer.Serialize(new
            {
                name = "Sweep",
                slug,
                timeZone = "Asia/Tokyo",
                description = "About",
                defaultCapacity = 20,
                defaultLanguages = new[] { "ja" },
                defaultVenueName = "Room",
                defaultVenueAddress = "Tokyo",
                cadenceWeeks = 2,
                regularMinSessions = 3,
                regularMinRatio = 0.75,
                atRiskMissedSessions = 2,
            }))!;
            Field[] eventFields =
            [
                new("name", FieldKind.SingleLine, "name"), new("timeZone", FieldKind.SingleLine, "timeZone"), new("description", FieldKind.MultiLine, "description"),
                new("defaultVenueName", FieldKind.SingleLine, "defaultVenueName"), new("defaultVenueAddress", FieldKind.SingleLine, "defaultVenueAddress"),
                new("defaultLanguages", FieldKind.SingleLine, "defaultLanguages", 0), new("defaultCapacity", FieldKind.Other, "defaultCapacity"),
                new("cadenceWeeks", FieldKind.Other, "cadenceWeeks"), new("regularMinRatio", FieldKind.Other, "regularMinRatio"),
            ];
            yield return new Target(HttpMethod.Post, "/api/events", Event("sweep"), [new("slug", FieldKind.SingleLine, "slug"), .. eventFields]);
            yield return new Target(HttpMethod.Put, $"/api/events/{EventId}", Event(null), eventFields);

            var session = JsonNode.Parse(JsonSerializer.Serialize(new
            {
                title = "Sweep #1",
                description = "Talks",
                startsAt = "2030-01-10T19:00",
                endsAt = "2030-01-10T21:00",
                format = "hybrid",
                venueName = "Room",
                venueAddress = "Tokyo",
                onlineUrl = "https://meet.example.com/x",
                capacity = 50,
                languages = new[] { "ja" },
                rsvpOpensAt = "2030-01-01T00:00",
                rsvpClosesAt = "2030-01-10T18:00",
            }))!;
            Field[] sessionFields =
            [
                new("title", FieldKind.SingleLine, "title"), new("description", FieldKind.MultiLine, "description"),
                new("startsAt", FieldKind.Instant, "startsAt"), new("endsAt", FieldKind.Instant, "endsAt"), new("format", FieldKind.SingleLine, "format"),
                new("venueName", FieldKind.SingleLine, "venueName"), new("venueAddress", FieldKind.SingleLine, "venueAddress"),
                new("onlineUrl", FieldKind.SingleLine, "onlineUrl"), new("capacity", FieldKind.Other, "capacity"),
                new("languages", FieldKind.SingleLine, "languages", 0), new("rsvpOpensAt", FieldKind.Instant, "rsvpOpensAt"),
                new("rsvpClosesAt", FieldKind.Instant, "rsvpClosesAt"), new("durationMinutes", FieldKind.Other, "durationMinutes"),
            ];
            yield return new Target(HttpMethod.Post, $"/api/events/{EventId}/sessions", session, sessionFields);
            yield return new Target(HttpMethod.Put, $"/api/sessions/{DraftSessionId}", session, sessionFields);
            yield return new Target(HttpMethod.Post, $"/api/sessions/{SessionId}/repeat", JsonNode.Parse("""{"count":2}""")!, new Field("count", FieldKind.Other, "count"));
            yield return new Target(HttpMethod.Post, $"/api/sessions/99999/cancel", JsonNode.Parse("""{"reason":"Snow"}""")!, new Field("reason", FieldKind.Other, "reason"));

            var agenda = JsonNode.Parse($$"""[{"title":"Talk","kind":"talk","durationMinutes":30,"speakerIds":[{{SpeakerId}}]}]""")!;
            yield return new Target(HttpMethod.Put, $"/api/sessions/{SessionId}/agenda", agenda,
                new("agenda[0].title", FieldKind.SingleLine, 0, "title"), new("agenda[0].kind", FieldKind.SingleLine, 0, "kind"),
                new("agenda[0].durationMinutes", FieldKind.Other, 0, "durationMinutes"), new("agenda[0].speakerIds", FieldKind.Other, 0, "speakerIds", 0),
                new("agenda[0]", FieldKind.Other, 0));

            var speaker = JsonNode.Parse("""{"name":"Ada","company":"ACME","jobTitle":"Engineer","bio":"Line one\nLine two","links":["https://example.com/ada"]}""")!;
            Field[] speakerFields =
            [
                new("name", FieldKind.SingleLine, "name"), new("company", FieldKind.SingleLine, "company"), new("jobTitle", FieldKind.SingleLine, "jobTitle"),
                new("bio", FieldKind.MultiLine, "bio"), new("links", FieldKind.SingleLine, "links", 0),
            ];
            yield return new Target(HttpMethod.Post, "/api/speakers", speaker, speakerFields);
            yield return new Target(HttpMethod.Put, $"/api/speakers/{SpeakerId}", speaker, speakerFields);

            var rsvp = new JsonObject { ["name"] = "Mallory", ["email"] = "mallory@example.com", ["language"] = "ja", ["answers"] = new JsonObject { [q] = "ACME" } };
            yield return new Target(HttpMethod.Post, $"/api/sessions/{SessionId}/rsvps", rsvp,
                new("name", FieldKind.SingleLine, "name"), new("email", FieldKind.Email, "email"), new("language", FieldKind.SingleLine, "language"),
                new($"answers.{q}", FieldKind.SingleLine, "answers", q));
            yield return new Target(HttpMethod.Post, $"/api/sessions/{SessionId}/rsvps/resend", JsonNode.Parse("""{"email":"alice@example.com"}""")!,
                new Field("email", FieldKind.Other, "email"));
            yield return new Target(HttpMethod.Put, $"/api/rsvps/{ManageToken}", JsonNode.Parse("""{"name":"Alice","language":"en"}""")!,
                new("name", FieldKind.SingleLine, "name"), new("language", FieldKind.SingleLine, "language"));

            yield return new Target(HttpMethod.Post, $"/api/sessions/{SessionId}/checkins", JsonNode.Parse("""{"email":"walkin@example.com","name":"Walk In"}""")!,
                new("email", FieldKind.Email, "email"), new("name", FieldKind.SingleLine, "name"));
            yield return new Target(HttpMethod.Post, $"/api/sessions/{SessionId}/checkins", JsonNode.Parse("""{"code":"K7Q-M4X","method":"qr"}""")!,
                new("code", FieldKind.Other, "code"), new("method", FieldKind.Other, "method"));
            yield return new Target(HttpMethod.Post, $"/api/sessions/{SessionId}/checkins", JsonNode.Parse("""{"manageToken":"abc"}""")!,
                new Field("manageToken", FieldKind.Other, "manageToken"));
            yield return new Target(HttpMethod.Post, $"/api/sessions/{SessionId}/checkins", new JsonObject { ["attendeeId"] = AttendeeId },
                new Field("attendeeId", FieldKind.Other, "attendeeId"));
            yield return new Target(HttpMethod.Post, "/api/auth/token", JsonNode.Parse("""{"email":"nobody@example.com","password":"wrong"}""")!,
                new("email", FieldKind.Other, "email"), new("password", FieldKind.Other, "password"));
            yield return new Target(HttpMethod.Post, "/api/attendees/999999/merge", new JsonObject { ["intoAttendeeId"] = AttendeeId },
                new Field("intoAttendeeId", FieldKind.Other, "intoAttendeeId"));
            // Last: its mutations replace the question the RSVP targets answer.
            var questions = JsonNode.Parse($$"""[{"id":{{QuestionId}},"prompt":"Company?","kind":"single_choice","options":["A","B"],"required":false}]""")!;
            yield return new Target(HttpMethod.Put, $"/api/events/{EventId}/questions", questions,
                new("[0].prompt", FieldKind.SingleLine, 0, "prompt"), new("[0].kind", FieldKind.Other, 0, "kind"),
                new("[0].options", FieldKind.SingleLine, 0, "options", 0), new("[0].id", FieldKind.Other, 0, "id"), new("[0].required", FieldKind.Other, 0, "required"));
        }

        public IEnumerable<(HttpMethod, string)> RouteAndQueryProbes()
        {
            foreach (var id in new[] { "-1", "0", "2147483648", "99999999999999999999", "abc", "1.5", "%2F" })
            {
                foreach (var url in new[]
                {
                    "/api/events/{0}", "/api/events/{0}/sessions", "/api/sessions/{0}", "/api/sessions/{0}/agenda", "/api/speakers/{0}",
                    "/api/sessions/{0}/rsvps", "/api/sessions/{0}/checkins", "/api/attendees/{0}", "/api/events/{0}/retention",
                    "/api/events/{0}/retention.csv", "/api/events/{0}/attendance.csv", "/api/events/{0}/questions", "/api/rsvps/{0}",
                    "/api/rsvps/{0}/my-data", "/events/{0}/calendar.ics", "/events/x/sessions/{0}.ics",
                })
                {
                    yield return (HttpMethod.Get, url.Replace("{0}", id, StringComparison.Ordinal));
                }
                yield return (HttpMethod.Post, $"/api/sessions/{id}/publish");
                yield return (HttpMethod.Post, $"/api/sessions/{id}/schedule-next");
                yield return (HttpMethod.Delete, $"/api/sessions/{SessionId}/checkins/{id}");
                yield return (HttpMethod.Delete, $"/api/events/{id}");
                yield return (HttpMethod.Post, $"/api/attendees/{id}/erase");
                yield return (HttpMethod.Post, $"/api/rsvps/{id}/cancel");
                yield return (HttpMethod.Post, $"/api/rsvps/{id}/join");
                yield return (HttpMethod.Post, $"/api/rsvps/{id}/erase");
            }
            foreach (var value in new[] { "%00", "%07", "a%0D%0Ab", "%FF%FE", "%ED%A0%80", new string('x', 5000), "-1", "99999999999", "1e400", "9999-12-31", "0001-01-01", "2026-02-30" })
            {
                yield return (HttpMethod.Get, $"/api/attendees?search={value}");
                yield return (HttpMethod.Get, $"/api/attendees?limit={value}");
                yield return (HttpMethod.Get, $"/api/speakers?search={value}");
                yield return (HttpMethod.Get, $"/api/sessions/{SessionId}/rsvps?search={value}");
                yield return (HttpMethod.Get, $"/api/sessions/{SessionId}/rsvps?status={value}");
                yield return (HttpMethod.Get, $"/api/sessions/{SessionId}/checkins?search={value}");
                yield return (HttpMethod.Get, $"/api/events/{EventId}/retention?from={value}&to={value}");
                yield return (HttpMethod.Get, $"/api/events/{EventId}/retention.csv?from={value}");
                if (!value.StartsWith("%0", StringComparison.Ordinal))
                {
                    yield return (HttpMethod.Get, $"/events/{value}/calendar.ics"); // TestHost itself refuses a NUL in the path
                }
            }
            yield return (HttpMethod.Get, $"/api/events/{EventId}/retention?from=0001-01-01&to=9999-12-31");
            yield return (HttpMethod.Post, $"/api/sessions/{SessionId}/schedule-next");
        }
    }
}
