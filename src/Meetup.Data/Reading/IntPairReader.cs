using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Meetup.Data.Reading;

/// <summary>
/// Reads pairs of ints — there may be millions — with one command and a plain data reader: EF writes the SQL
/// (provider-correct names, parameters), but no entity or anonymous object is materialized per row (measured with
/// the retention benchmark: EF's materialization made the 1M-check-in report about a quarter slower). The command
/// still goes through EF's interceptors and SQL logging.
/// On SQLite the rows are read with synchronous Read(): the provider has no real async I/O, so ReadAsync would only
/// add a state machine per row.
/// </summary>
public static class IntPairReader
{
    /// <param name="query">A projection whose SQL selects two int columns (the first is <paramref name="pair"/>'s first argument).</param>
    /// <param name="pair">Makes a result of a row's two values.</param>
    public static Task<List<T>> ReadAsync<T>(MeetupDb db, IQueryable<T> query, Func<int, int, T> pair, CancellationToken ct)
        => ReadRowsAsync(db, query, reader => pair(reader.GetInt32(0), reader.GetInt32(1)), ct);

    /// <summary>As <see cref="ReadAsync{T}"/>, for rows of three ints (e.g. a pair and a value packed into one int by the SQL).</summary>
    /// <param name="query">A projection whose SQL selects three int columns, in <paramref name="triple"/>'s order.</param>
    public static Task<List<T>> ReadTriplesAsync<T>(MeetupDb db, IQueryable<T> query, Func<int, int, int, T> triple, CancellationToken ct)
        => ReadRowsAsync(db, query, reader => triple(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)), ct);

    private static async Task<List<T>> ReadRowsAsync<T>(MeetupDb db, IQueryable<T> query, Func<DbDataReader, T> row, CancellationToken ct)
    {
        var connection = db.GetService<IRelationalConnection>();
        var diagnostics = db.GetService<IRelationalCommandDiagnosticsLogger>();
        await connection.OpenAsync(ct);
        try
        {
            await using var command = query.CreateDbCommand();
            var commandId = Guid.NewGuid();
            var startTime = DateTimeOffset.UtcNow;
            var stopwatch = Stopwatch.StartNew();
            var intercepted = await diagnostics.CommandReaderExecutingAsync(
                connection, command, command.CommandText, db, commandId, connection.ConnectionId, startTime, CommandSource.LinqQuery, ct);
            var executed = intercepted.HasResult ? intercepted.Result : await command.ExecuteReaderAsync(ct);
            await using var reader = await diagnostics.CommandReaderExecutedAsync(
                connection, command, command.CommandText, db, commandId, connection.ConnectionId, executed, startTime, stopwatch.Elapsed, CommandSource.LinqQuery, ct);

            var rows = new List<T>();
            if (db.Database.IsSqlite())
            {
                ReadAll(reader, rows, row, ct);
            }
            else
            {
                while (await reader.ReadAsync(ct))
                {
                    rows.Add(row(reader));
                }
            }
            return rows;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static void ReadAll<T>(DbDataReader reader, List<T> rows, Func<DbDataReader, T> row, CancellationToken ct)
    {
        while (reader.Read())
        {
            rows.Add(row(reader));
            if ((rows.Count & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }
    }
}
