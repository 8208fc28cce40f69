namespace Meetup.Web.Features.Shared;

public enum OperationStatus { Ok, Invalid, NotFound, Conflict }

/// <summary>
/// What a feature service answers: the value, field errors, "no such thing" or a conflict with the
/// current state. Pages show it as field messages; endpoints as typed results (see ApiResults).
/// </summary>
public sealed class OperationResult<T>
{
    private OperationResult(OperationStatus status, T? value, ValidationErrors? errors, string? detail)
    {
        Status = status;
        Value = value;
        Errors = errors ?? new ValidationErrors();
        Detail = detail;
    }

    public OperationStatus Status { get; }
    public T? Value { get; }
    public ValidationErrors Errors { get; }
    public string? Detail { get; }
    public bool Succeeded => Status == OperationStatus.Ok;

    public static OperationResult<T> Ok(T value) => new(OperationStatus.Ok, value, null, null);

    public static OperationResult<T> Invalid(ValidationErrors errors) => new(OperationStatus.Invalid, default, errors, null);

    public static OperationResult<T> Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    public static OperationResult<T> NotFound(string? detail = null) => new(OperationStatus.NotFound, default, null, detail);

    public static OperationResult<T> Conflict(string detail) => new(OperationStatus.Conflict, default, null, detail);
}
