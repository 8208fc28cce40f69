using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace Meetup.Web.Features.Import.Screen;

/// <summary>
/// Mappings the organizer confirmed, remembered in their browser (localStorage, encrypted by Data
/// Protection) and keyed by the file's set of columns: the next export from the same tool gets the
/// same mapping back, for any event. No table, so no migration; the cost is that a mapping stays in
/// the browser where it was made.
/// </summary>
public sealed class SavedMappings(ProtectedLocalStorage storage, ILogger<SavedMappings> logger)
{
    public async Task<ColumnMapping?> FindAsync(IReadOnlyList<string> headers)
    {
        try
        {
            var stored = await storage.GetAsync<Dictionary<string, string?>>(KeyOf(headers));
            return stored.Success && stored.Value is { } sources ? Usable(sources, headers) : null;
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
            await storage.SetAsync(KeyOf(headers), mapping.Sources.ToDictionary(p => p.Key, p => (string?)p.Value));
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

    /// <summary>The saved mapping restricted to known fields and to columns this file has; null when nothing is left.</summary>
    public static ColumnMapping? Usable(IReadOnlyDictionary<string, string?> sources, IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(headers);
        var usable = sources
            .Where(p => ImportFields.All.Contains(p.Key) && p.Value is not null && headers.Contains(p.Value))
            .ToDictionary(p => p.Key, p => p.Value);
        return usable.Count == 0 ? null : new ColumnMapping(usable);
    }
}
