using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meetup.E2E.Pages;

/// <summary>The import screen (/admin/events/{id}/import): file, columns, value meanings, check, preview, import.</summary>
public sealed class ImportScreen(IPage page)
{
    public IPage Page => page;

    public ILocator FileName => page.GetByTestId("file-name");
    public ILocator FileEncoding => page.GetByTestId("file-encoding");
    public ILocator ValueMapping => page.GetByTestId("value-mapping");
    public ILocator MissingColumns => page.GetByTestId("missing-columns");
    public ILocator SameColumnsAsLastTime => page.GetByText("These are the columns you chose last time for a file with the same columns.");
    public ILocator Errors => page.Locator(".im-errors tbody tr");
    public ILocator MoreErrors => page.GetByTestId("more-errors");
    public ILocator PreviewCounts => page.GetByTestId("preview-counts");
    public ILocator PreviewNothing => page.GetByTestId("preview-nothing");
    public ILocator ImportButton => page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true });
    public ILocator Outcome => page.GetByTestId("import-outcome");

    /// <summary>The mapping row of one of our fields (session_start, email, attended, …): the column chosen for it and a sample.</summary>
    public ILocator Column(string field) => page.Locator($"[data-field={field}]");

    /// <summary>The value meanings of one field.</summary>
    public ILocator Values(string field) => page.Locator($"[data-values={field}]");

    public ILocator ValueRow(string field, string value) => page.Locator($"[data-values={field}] [data-value=\"{value}\"]");

    public ILocator ValueSelect(string field, string value) => ValueRow(field, value).Locator(".im-select");

    public static async Task<ImportScreen> GotoAsync(IPage page, int eventId)
    {
        await AdminSession.GotoAsync(page, $"/admin/events/{eventId}/import");
        return new ImportScreen(page);
    }

    /// <summary>Through the browser's file chooser, as the organizer does (MudFileUpload swaps its input after each pick).</summary>
    public async Task ChooseFileAsync(string path)
    {
        var chooser = await OpenFileChooserAsync();
        await chooser.SetFilesAsync(path);
    }

    /// <inheritdoc cref="ChooseFileAsync(string)"/>
    public async Task ChooseFileAsync(FilePayload file)
    {
        var chooser = await OpenFileChooserAsync();
        await chooser.SetFilesAsync(file);
    }

    /// <summary>Reads the file again in another encoding (the name the screen lists, e.g. "Unicode (UTF-8)").</summary>
    public Task ChooseEncodingAsync(string encoding) => AdminSession.ChooseAsync(page, FileEncoding.Locator(".im-select"), encoding);

    /// <summary>Gives a value of <paramref name="field"/> another meaning.</summary>
    public Task ChooseMeaningAsync(string field, string value, string meaning) => AdminSession.ChooseAsync(page, ValueSelect(field, value), meaning);

    /// <summary>The value is listed with its count of rows and the meaning chosen for it.</summary>
    public async Task ExpectValueAsync(string field, string value, string count, string meaning)
    {
        await Expect(ValueRow(field, value)).ToContainTextAsync(count);
        await Expect(ValueSelect(field, value)).ToContainTextAsync(meaning);
    }

    /// <summary>For a file without a start column: the one session's date and start time.</summary>
    public async Task FillStartAsync(string date, string time)
    {
        await MissingColumns.GetByLabel("Session date").FillAsync(date);
        await MissingColumns.GetByLabel("Session date").PressAsync("Tab");
        await MissingColumns.GetByLabel("Start time").FillAsync(time);
        await MissingColumns.GetByLabel("Start time").PressAsync("Tab");
    }

    public Task CheckAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

    public Task ImportAsync() => ImportButton.ClickAsync();

    /// <summary>From the outcome to the dashboard.</summary>
    public async Task<RetentionDashboardScreen> SeeWhoComesBackAsync()
    {
        await Outcome.GetByRole(AriaRole.Link, new() { Name = "See who comes back" }).ClickAsync();
        return new RetentionDashboardScreen(page);
    }

    private Task<IFileChooser> OpenFileChooserAsync()
        => page.RunAndWaitForFileChooserAsync(() =>
            page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Choose (a|another) file$") }).ClickAsync());
}
