using System.Text.RegularExpressions;
using Meetup.Testing;

namespace Meetup.Tests.Architecture;

/// <summary>
/// Whatever differs by database provider (locks, bulk writes, raw reads, claims, error codes) lives in
/// Meetup.Data behind provider-neutral methods; the features never name a provider.
/// </summary>
public class DataLayerTests
{
    private static readonly string[] ProviderTypes =
    [
        "Microsoft.Data.Sqlite",
        "Npgsql",
        // IsSqlite() / IsNpgsql() are extension methods in EF Core's own namespace, declared by the provider packages.
        "Microsoft.EntityFrameworkCore.SqliteDatabaseFacadeExtensions",
        "Microsoft.EntityFrameworkCore.NpgsqlDatabaseFacadeExtensions",
    ];

    private static readonly Regex ProviderText = new(
        @"IsSqlite|IsNpgsql|FOR UPDATE|FOR SHARE|SKIP LOCKED|BEGIN IMMEDIATE|SqliteException|PostgresException|Microsoft\.Data\.Sqlite|Npgsql",
        RegexOptions.CultureInvariant);

    [Fact]
    public void Features_depend_on_no_database_provider_type()
    {
        var uses = FeatureGraph.Uses(typeof(Program).Assembly.Location, FeatureGraph.FeaturesPrefix, ProviderTypes);

        Assert.True(uses.Count == 0, "Provider types used under Features/:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void The_provider_check_sees_provider_types_where_they_are_used()
    {
        // A guard for the test above: Meetup.Data's locks do use the providers, so a reader that sees nothing fails here.
        var uses = FeatureGraph.Uses(typeof(Meetup.Data.Locking.SeatLock).Assembly.Location, "Meetup.Data.Locking", ProviderTypes);

        Assert.Contains(uses, u => u.Contains("Microsoft.Data.Sqlite", StringComparison.Ordinal));
    }

    [Fact]
    public void Feature_sources_hold_no_provider_specific_sql_or_names()
    {
        var features = Path.Combine(RepoRoot.Path, "src", "Meetup.Web", "Features");
        var sources = Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(sources);

        var found = sources
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => ProviderText.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(features, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, "Provider-specific text under Features/:\n" + string.Join("\n", found));
    }
}
