using System.Data.Common;
using Meetup.Data;
using Microsoft.EntityFrameworkCore;

namespace Meetup.Web.Features.Retention;

/// <summary>
/// Reads (session, attendee) pairs — there are millions — with one command and a plain data
/// reader: EF writes the SQL (provider-correct names, parameters), but no entity or anonymous
/// object is materialized per row. On SQLite the rows are read with synchronous Read(): the
/// provider has no real async I/O, so ReadAsync would only add a state machine per row.
/// </summary>
internal static class PairReader
{
    /// <param name="query">A projection to <see cref="SessionAttendee"/>: its SQL selects SessionId, then AttendeeId.</param>
    public static async Task<List<SessionAttendee>> ReadAsync(MeetupDb db, IQueryable<SessionAttendee> query, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = query.CreateDbCommand();
            await using var reader = await command.ExecuteReaderAsync(ct);
            var pairs = new List<SessionAttendee>();
            if (db.Database.IsSqlite())
            {
                ReadAll(reader, pairs, ct);
            }
            else
            {
                while (await reader.ReadAsync(ct))
                {
                    pairs.Add(new SessionAttendee(reader.GetInt32(0), reader.GetInt32(1)));
                }
            }
            return pairs;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void ReadAll(DbDataReader reader, List<SessionAttendee> pairs, CancellationToken ct)
    {
        while (reader.Read())
        {
            pairs.Add(new SessionAttendee(reader.GetInt32(0), reader.GetInt32(1)));
            if ((pairs.Count & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }
    }
}
