using System.Data.Common;
using Meetup.Data;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Tests.Features.Notifications;

/// <summary>Reads every column of every table as text, as someone holding a copy of the database could.</summary>
internal static class DatabaseScan
{
    /// <summary>The tables (SQLite: table.column) whose text holds <paramref name="needle"/>.</summary>
    public static async Task<List<string>> FindAsync(MeetupDb db, string needle)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var found = new List<string>();
        if (db.Database.IsSqlite())
        {
            foreach (var table in await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
            {
                foreach (var column in await ListAsync(connection, $"SELECT name FROM pragma_table_info('{table}')"))
                {
                    if (await CountAsync(connection, $"SELECT COUNT(*) FROM \"{table}\" WHERE instr(CAST(\"{column}\" AS TEXT), @needle) > 0", needle) > 0)
                    {
                        found.Add($"{table}.{column}");
                    }
                }
            }
        }
        else
        {
            // A whole row cast to text holds every column, whatever its type (text, jsonb, arrays).
            foreach (var table in await ListAsync(connection,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"))
            {
                if (await CountAsync(connection, $"SELECT COUNT(*) FROM \"{table}\" x WHERE strpos(x::text, @needle) > 0", needle) > 0)
                {
                    found.Add(table);
                }
            }
        }
        return found;
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql, string needle)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "needle";
        parameter.Value = needle;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
