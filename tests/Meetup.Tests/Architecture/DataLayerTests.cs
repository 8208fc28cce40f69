using System.Text.RegularExpressions;
using NetArchTest.Rules;

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
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("Meetup.Web.Features")
            .ShouldNot().HaveDependencyOnAny(ProviderTypes)
            .GetResult();

        Assert.True(result.IsSuccessful, "Provider types used in: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Feature_sources_hold_no_provider_specific_sql_or_names()
    {
        var features = Path.Combine(RepoRoot(), "src", "Meetup.Web", "Features");
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

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Meetup.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Meetup.sln not found above " + AppContext.BaseDirectory);
    }
}
