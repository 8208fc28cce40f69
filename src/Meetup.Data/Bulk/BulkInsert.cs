using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Meetup.Data.Bulk;

/// <summary>
/// Multi-row INSERTs (an import's people, RSVPs and check-ins; a batch of RSVPs with their people
/// and emails): several times cheaper than SaveChanges, which tracks, inserts and reads back row by
/// row. Keys that are needed come back through <c>RETURNING</c> (SQLite ≥ 3.35, PostgreSQL), in no
/// particular order, so each returned row carries what identifies it. Table and column names, and
/// each value's conversion (UTC instants, snake_case enums), come from the EF model, so the
/// statements are right on every provider.
/// </summary>
public sealed class BulkInsert<T>
{
    private readonly int _rowsPerStatement;
    private readonly string _prefix;
    private readonly string _suffix;
    private readonly RelationalTypeMapping[] _mappings;
    private readonly Func<T, object?>[] _values;

    /// <param name="entityType">The entity whose table the rows go into; <typeparamref name="T"/> is what they are read from.</param>
    /// <param name="columns">Property name → value of a row, for the properties to insert (the others take their defaults).</param>
    /// <param name="returning">Properties whose stored values each inserted row hands back, in this order.</param>
    /// <param name="rowsPerStatement">Null: 16 on SQLite, 200 on PostgreSQL, for many rows (see below); for a few
    /// tens of rows prepared anew each time, <see cref="BulkInsert.RowsForSmallBatch"/>.</param>
    public BulkInsert(
        MeetupDb db, Type entityType, IReadOnlyList<(string Property, Func<T, object?> Value)> columns,
        IReadOnlyList<string>? returning = null, int? rowsPerStatement = null)
    {
        var entity = db.Model.FindEntityType(entityType) ?? throw new InvalidOperationException($"{entityType.Name} is not an entity.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = columns.Select(c => entity.FindProperty(c.Property)
            ?? throw new InvalidOperationException($"{entityType.Name} has no property {c.Property}.")).ToList();
        _prefix = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ("
            + string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))) + ") VALUES ";
        _suffix = returning is { Count: > 0 }
            ? " RETURNING " + string.Join(", ", returning.Select(r => sql.DelimitIdentifier((entity.FindProperty(r)
                ?? throw new InvalidOperationException($"{entityType.Name} has no property {r}.")).GetColumnName(table)!)))
            : "";
        _mappings = [.. properties.Select(p => p.GetRelationalTypeMapping())];
        _values = [.. columns.Select(c => c.Value)];
        // SQLite runs in-process, so round trips cost nothing, but it looks parameters up by name in
        // a list: long statements cost the square of their length. PostgreSQL wants few round trips.
        _rowsPerStatement = rowsPerStatement ?? (db.Database.IsSqlite() ? 16 : 200);
    }

    /// <summary>Inserts <paramref name="rows"/> within the context's current transaction.</summary>
    /// <param name="inserted">Told how many rows each statement inserted (progress).</param>
    public Task ExecuteAsync(MeetupDb db, IReadOnlyList<T> rows, Action<int>? inserted, CancellationToken ct)
        => ExecuteAsync(db, rows, inserted, null, ct);

    /// <summary>
    /// Inserts <paramref name="rows"/> within the context's current transaction and hands each row
    /// the database returns (the <c>returning</c> columns) to <paramref name="returned"/>.
    /// </summary>
    public Task ExecuteReturningAsync(MeetupDb db, IReadOnlyList<T> rows, Action<DbDataReader> returned, CancellationToken ct)
        => ExecuteAsync(db, rows, null, returned, ct);

    private async Task ExecuteAsync(MeetupDb db, IReadOnlyList<T> rows, Action<int>? inserted, Action<DbDataReader>? returned, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var full = Create(connection, transaction, _rowsPerStatement); // reused: the provider prepares it once
        foreach (var chunk in rows.Chunk(_rowsPerStatement))
        {
            if (chunk.Length == _rowsPerStatement)
            {
                await ExecuteAsync(full, chunk, returned, ct);
            }
            else
            {
                await using var last = Create(connection, transaction, chunk.Length);
                await ExecuteAsync(last, chunk, returned, ct);
            }
            inserted?.Invoke(chunk.Length);
        }
    }

    private async Task ExecuteAsync(DbCommand command, T[] chunk, Action<DbDataReader>? returned, CancellationToken ct)
    {
        var p = 0;
        foreach (var row in chunk)
        {
            for (var c = 0; c < _values.Length; c++)
            {
                var value = _values[c](row);
                if (value is not null && _mappings[c].Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }
                command.Parameters[p++].Value = value ?? DBNull.Value;
            }
        }
        if (returned is null)
        {
            await command.ExecuteNonQueryAsync(ct);
            return;
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            returned(reader);
        }
    }

    private DbCommand Create(DbConnection connection, DbTransaction? transaction, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder(_prefix);
        var p = 0;
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _values.Length; c++)
            {
                var name = Name(p++);
                text.Append(c == 0 ? "" : ", ").Append(name);
                // The type mapping sets the parameter's type (and converts the value) as EF would.
                command.Parameters.Add(_mappings[c].CreateParameter(command, name, null, nullable: true));
            }
            text.Append(')');
        }
        command.CommandText = text.Append(_suffix).ToString();
        return command;
    }

    // With its prefix: Microsoft.Data.Sqlite otherwise looks each name up twice (bare, then prefixed).
    private static string Name(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);
}
