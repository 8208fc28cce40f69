namespace Meetup.Data.Errors;

/// <summary>What a unit of work read changed before it could write (found by its own check, not the database's).</summary>
public sealed class ConcurrentChangeException(string message) : Exception(message);
