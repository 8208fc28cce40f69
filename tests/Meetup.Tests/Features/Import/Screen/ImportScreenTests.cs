using System.Text;
using Meetup.Data.Entities;
using Meetup.Testing;
using Meetup.Web.Features.Import;
using Meetup.Web.Features.Import.Screen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meetup.Tests.Features.Import.Screen;

/// <summary>The pieces of the import screen: samples for the mapping, saved mappings, and the preview against the database.</summary>
public class ImportScreenTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Fact]
    public void The_sample_shows_the_first_non_empty_value_of_a_column()
    {
        var sample = CsvSample.Read(new StringReader("開催日時,メールアドレス,表示名\n2018-09-02 14:00,a@example.com,\n2018-09-02 14:00,b@example.com,Bob\n"), 20);

        Assert.Equal(["開催日時", "メールアドレス", "表示名"], sample.Headers);
        Assert.Equal(2, sample.Rows.Count);
        Assert.Equal("2018-09-02 14:00", sample.ExampleOf("開催日時"));
        Assert.Equal("Bob", sample.ExampleOf("表示名"));
        Assert.Null(sample.ExampleOf("missing"));
        Assert.Null(sample.ExampleOf(null));
    }

    [Fact]
    public void A_file_that_is_not_csv_or_not_utf8_gives_an_empty_sample_instead_of_an_error()
    {
        var latin1 = new StreamReader(new MemoryStream([0x6E, 0x61, 0x6D, 0xE9, 0x0A]), new UTF8Encoding(false, throwOnInvalidBytes: true));

        Assert.Empty(CsvSample.Read(latin1, 20).Headers);
        Assert.Empty(CsvSample.Read(new StringReader(""), 20).Headers);
    }

    [Fact]
    public void A_saved_mapping_is_found_again_for_the_same_columns_in_any_order_or_width()
    {
        var key = SavedMappings.KeyOf(["開催日時", "Email", "Attended"]);

        Assert.Equal(key, SavedMappings.KeyOf(["attended", " email ", "開催日時"]));
        Assert.Equal(key, SavedMappings.KeyOf(["ＡＴＴＥＮＤＥＤ", "E-mail", "開催日時"]));
        Assert.NotEqual(key, SavedMappings.KeyOf(["開催日時", "Email"]));
        Assert.StartsWith("meetup.import-mapping.", key, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saved_mapping_keeps_only_known_fields_and_columns_the_file_has()
    {
        var saved = new Dictionary<string, string?>
        {
            [ImportFields.SessionStart] = "開催日時",
            [ImportFields.Email] = "gone",
            ["unknown_field"] = "Email",
            [ImportFields.Attended] = null,
        };

        var mapping = SavedMappings.Usable(saved, ["開催日時", "Email"]);

        Assert.NotNull(mapping);
        Assert.Equal(new Dictionary<string, string> { [ImportFields.SessionStart] = "開催日時" }, mapping.Sources);
        Assert.Null(SavedMappings.Usable(new Dictionary<string, string?> { [ImportFields.Email] = "gone" }, ["Email"]));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_preview_counts_what_the_import_will_create_and_nothing_once_imported(string provider)
    {
        await using var app = await HistoryApi.StartAsync(provider);
        var eventId = await HistoryApi.CreateEventAsync(app);
        await using (var db = app.Factory.CreateDbContext())
        {
            // Someone known from another event: not a new person.
            db.Attendees.Add(new Attendee { Email = "alice@example.com", DisplayName = "Alice", CreatedAt = HistoryApi.ExampleNow.UtcDateTime });
            await db.SaveChangesAsync();
        }
        var rows = ParseExample();

        var before = await PreviewAsync(app, eventId, rows);

        Assert.Equal((40, 8, 8, 13, 12), (before.Rows, before.Sessions, before.NewSessions, before.People, before.NewPeople));
        Assert.Equal(37, before.Rsvps);
        Assert.Equal(28, before.CheckIns);
        Assert.Equal(ImportPreviewService.SampleSize, before.FirstRows.Count);
        Assert.Equal(8, before.SessionSamples.Count);
        Assert.Equal(new DateTime(2018, 9, 2, 5, 0, 0, DateTimeKind.Utc), before.SessionSamples[0].StartsAt);
        Assert.Equal((6, 5), (before.SessionSamples[0].People, before.SessionSamples[0].Attended)); // 6 listed, 5 came
        Assert.DoesNotContain(before.NewPeopleSamples, p => p.Email == "alice@example.com");
        Assert.Equal(new ImportResult(SessionsCreated: 8, SessionsUpdated: 0, AttendeesCreated: 12, RsvpsWritten: 37, CheckInsWritten: 28), before.Changes);
        Assert.False(before.ChangesNothing);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Empty(db.Sessions.Where(s => s.EventId == eventId)); // a preview writes nothing
        }

        using var client = await app.ApiClientAsync();
        using var imported = await HistoryApi.ImportAsync(client, eventId, HistoryApi.ExampleCsv());
        imported.EnsureSuccessStatusCode();
        var after = await PreviewAsync(app, eventId, rows);

        Assert.Equal((8, 0, 13, 0), (after.Sessions, after.NewSessions, after.People, after.NewPeople));
        Assert.All(after.SessionSamples, s => Assert.True(s.Exists));
        // Imported before: the preview says nothing will change (not "37 RSVPs / 28 check-ins" again), and writes nothing itself.
        Assert.Equal(new ImportResult(0, 0, 0, 0, 0), after.Changes);
        Assert.True(after.ChangesNothing);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(28, await db.CheckIns.CountAsync());
        }
    }

    private static IReadOnlyList<ImportRow> ParseExample()
    {
        var parsed = ImportParser.Parse(new StringReader(HistoryApi.ExampleCsv()), ColumnMapping.Guess(
            ImportParser.ReadHeaders(new StringReader(HistoryApi.ExampleCsv()))), Tokyo);
        Assert.True(parsed.IsValid);
        return parsed.Rows;
    }

    private static async Task<ImportPreview> PreviewAsync(TestApp app, int eventId, IReadOnlyList<ImportRow> rows)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportPreviewService>().PreviewAsync(eventId, rows);
    }
}
