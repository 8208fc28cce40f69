using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace Meetup.Web.Features.Import.Screen;

/// <summary>
/// Mappings the organizer confirmed, remembered in their browser (localStorage, encrypted by Data
/// Protection) and keyed by the file's set of columns: the next export from the same tool gets the
/// same mapping back — columns and what their values mean — for any event. No table, so no
/// migration; the cost is that a mapping stays in the browser where it was made.
/// </summary>
public sealed class SavedMappings(ProtectedLocalStorage storage, ILogger<SavedMappings> logger)
{
    public async Task<ColumnMapping?> FindAsync(IReadOnlyList<string> headers)
    {
        try
        {
            var stored = await storage.GetAsync<SavedMapping>(KeyOf(headers));
            return stored.Success && stored.Value is { } saved ? Usable(saved, headers) : null;
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException or System.Text.Json.JsonException or JSException or JSDisconnectedException or TaskCanceledException)
        {
            // Unreadable (keys rotated, storage cleared or the circuit going away): guess again.
            logger.LogDebug(e, "A saved import mapping could not be read");
            return null;
        }
    }

    public async Task SaveAsync(IReadOnlyList<string> headers, ColumnMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        try
        {
            await storage.SetAsync(KeyOf(headers), ToSaved(mapping));
        }
        catch (Exception e) when (e is InvalidOperationException or JSException or JSDisconnectedException or TaskCanceledException)
        {
            logger.LogDebug(e, "An import mapping could not be saved");
        }
    }

    /// <summary>The storage key of a set of columns: their compared names (<see cref="ColumnMapping.Key"/>), sorted, hashed.</summary>
    public static string KeyOf(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var signature = string.Join('\u001f', headers.Select(ColumnMapping.Key).Order(StringComparer.Ordinal));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(signature));
        return "meetup.import-mapping." + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    public static SavedMapping ToSaved(ColumnMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return new SavedMapping(
            mapping.Sources.ToDictionary(p => p.Key, p => (string?)p.Value),
            mapping.Values.ToDictionary(p => p.Key, p => new SavedValues(p.Value.Meanings.ToDictionary(), p.Value.FilledMeansYes)),
            mapping.Accounts is { } accounts ? new SavedAccounts(accounts.Column, accounts.Site) : null);
    }

    /// <summary>The saved columns restricted to known fields and to columns this file has; null when nothing is left.</summary>
    public static ColumnMapping? Usable(IReadOnlyDictionary<string, string?> sources, IReadOnlyList<string> headers)
        => Usable(new SavedMapping(sources.ToDictionary(), null), headers);

    /// <summary>
    /// A saved mapping as far as it still fits: known fields, columns this file has, and the value
    /// meanings of those fields that lead to canonical values (storage is the user's; it may hold anything).
    /// Null when no column is left — also for a mapping saved before values were remembered.
    /// </summary>
    public static ColumnMapping? Usable(SavedMapping saved, IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(headers);
        var columns = (saved.Columns ?? [])
            .Where(p => ImportFields.All.Contains(p.Key) && p.Value is not null && headers.Contains(p.Value))
            .ToDictionary(p => p.Key, p => p.Value);
        if (columns.Count == 0)
        {
            return null;
        }
        var values = new Dictionary<string, ValueMapping>();
        foreach (var (field, stored) in saved.Values ?? [])
        {
            var choices = ImportValues.Choices(field);
            if (!columns.ContainsKey(field) || choices.Count == 0 || stored is null)
            {
                continue;
            }
            var meanings = (stored.Meanings ?? []).Where(p => p.Value is not null && choices.Contains(p.Value)).ToDictionary();
            values[field] = new ValueMapping(meanings, stored.FilledMeansYes && field == ImportFields.Attended);
        }
        var accounts = saved.Accounts is { Column: { } column, Site: { } site }
            && headers.Contains(column) && Shared.AccountAddress.IsSite(site) && !columns.ContainsKey(ImportFields.Email)
            ? new AccountColumn(column, site)
            : null;
        return new ColumnMapping(columns, values, accounts: accounts);
    }
}

/// <summary>A mapping as the browser stores it (JSON).</summary>
/// <param name="Columns">Canonical field → source column.</param>
/// <param name="Values">Enumerated field → what its values meant.</param>
/// <param name="Accounts">The column and site people were known by, for a file without e-mail (the session start is per file: not saved).</param>
public sealed record SavedMapping(Dictionary<string, string?>? Columns, Dictionary<string, SavedValues>? Values, SavedAccounts? Accounts = null);

/// <param name="Column">The column of people's accounts.</param>
/// <param name="Site">The site they are accounts on.</param>
public sealed record SavedAccounts(string? Column, string? Site);

/// <param name="Meanings">Source value key → canonical value.</param>
public sealed record SavedValues(Dictionary<string, string>? Meanings, bool FilledMeansYes);
