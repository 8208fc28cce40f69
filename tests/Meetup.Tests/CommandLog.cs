using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Meetup.Tests;

/// <summary>Every command a service sends (thread-safe: the retention pair scans run side by side), for tests that count queries.</summary>
internal sealed class CommandLog : DbCommandInterceptor
{
    public List<string> Texts { get; } = [];
    public List<int> ParameterCounts { get; } = [];
    public int Count => Texts.Count;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Log(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Log(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    private void Log(DbCommand command)
    {
        lock (Texts)
        {
            Texts.Add(command.CommandText);
            ParameterCounts.Add(command.Parameters.Count);
        }
    }
}
