using Microsoft.Playwright;

namespace Meetup.E2E.Pages;

/// <summary>The retention dashboard (/admin/events/{id}/retention): KPI cards, sections, range, downloads.</summary>
public sealed class RetentionDashboardScreen(IPage page)
{
    public ILocator RangeSummary => page.GetByTestId("range-summary");
    public ILocator ReturnRate => Section("return-rate");
    public ILocator AtRisk => Section("at-risk");
    public ILocator NoShows => Section("no-shows");
    public ILocator FiguresDownload => page.Locator("a[href*='/retention.csv']");
    public ILocator HistoryDownload => page.Locator("a[href$='/attendance.csv']");

    /// <summary>A KPI card by its key (returnRate, firstTimerReturnRate, uniqueAttendees, regulars, atRisk).</summary>
    public ILocator Kpi(string key) => page.Locator($"[data-kpi={key}]");
    public ILocator KpiValue(string key) => Kpi(key).Locator(".rd-kpi-value");
    public ILocator KpiChange(string key) => Kpi(key).Locator(".rd-kpi-change");

    /// <summary>A section by its id (return-rate, lifecycle, cohorts, slots, speakers, at-risk, no-shows).</summary>
    public ILocator Section(string id) => page.Locator($"#{id}");

    /// <summary>Opens the dashboard, with a range query (e.g. <c>?from=…&amp;to=…</c>) when given.</summary>
    public static async Task<RetentionDashboardScreen> GotoAsync(IPage page, int eventId, string query = "")
    {
        await AdminSession.GotoAsync(page, $"/admin/events/{eventId}/retention{query}");
        return new RetentionDashboardScreen(page);
    }

    /// <summary>Switches the return-rate chart to its table and answers the table's rows.</summary>
    public async Task<ILocator> ReturnRateRowsAsync()
    {
        await ReturnRate.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        return ReturnRate.Locator("tbody tr");
    }

    /// <summary>Opens the Download menu (this period's figures, the history in the import format).</summary>
    public Task OpenDownloadsAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync();

    /// <summary>"Dates…": a range from and to the given days (yyyy-MM-dd).</summary>
    public async Task ChooseRangeAsync(string from, string to)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Dates…" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "From", Exact = true }).FillAsync(from);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "To", Exact = true }).FillAsync(to);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
    }

    public Task ShowAllHistoryAsync() => page.GetByRole(AriaRole.Button, new() { Name = "All history" }).ClickAsync();
}
