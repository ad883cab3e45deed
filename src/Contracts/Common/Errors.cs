namespace Cooperation.Contracts.Common;

/// <summary>
/// A request the domain refuses. The gateway maps each subtype to one gRPC status code;
/// the message is written for the caller and never contains internals.
/// </summary>
[GenerateSerializer, Alias("coop.CooperationException")]
public abstract class CooperationException : Exception
{
    /// <summary>Creates the exception with a caller-readable message.</summary>
    protected CooperationException(string message) : base(message) { }
}

/// <summary>One invalid field of a request, named by its API path such as <c>readings[2].value</c>.</summary>
/// <param name="Field">The field path as the API names it.</param>
/// <param name="Description">Why the value is refused.</param>
[GenerateSerializer, Immutable, Alias("coop.FieldViolation")]
public sealed record FieldViolation([property: Id(0)] string Field, [property: Id(1)] string Description);

/// <summary>Input that breaks a field rule (gRPC InvalidArgument).</summary>
[GenerateSerializer, Alias("coop.InvalidFieldException")]
public sealed class InvalidFieldException : CooperationException
{
    /// <summary>Refuses a single field.</summary>
    public InvalidFieldException(string field, string description)
        : this([new FieldViolation(field, description)]) { }

    /// <summary>Refuses one or more fields.</summary>
    public InvalidFieldException(IReadOnlyList<FieldViolation> violations)
        : base(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
    {
        Violations = violations;
    }

    /// <summary>The refused fields, at least one.</summary>
    [Id(0)] public IReadOnlyList<FieldViolation> Violations { get; }
}

/// <summary>A referenced entity does not exist (gRPC NotFound).</summary>
[GenerateSerializer, Alias("coop.EntityNotFoundException")]
public sealed class EntityNotFoundException(string entity, string id)
    : CooperationException($"{entity} '{id}' does not exist.")
{
    /// <summary>The kind of entity, e.g. "pilot".</summary>
    [Id(0)] public string Entity { get; } = entity;

    /// <summary>The id that was asked for.</summary>
    [Id(1)] public string Id { get; } = id;
}

/// <summary>An entity with that id already exists with other content (gRPC AlreadyExists).</summary>
[GenerateSerializer, Alias("coop.EntityExistsException")]
public sealed class EntityExistsException(string entity, string id)
    : CooperationException($"{entity} '{id}' already exists with other content.")
{
    /// <summary>The kind of entity, e.g. "pilot".</summary>
    [Id(0)] public string Entity { get; } = entity;

    /// <summary>The id that is taken.</summary>
    [Id(1)] public string Id { get; } = id;
}

/// <summary>The caller may not do this to that resource, or the resource is not theirs to know about (gRPC PermissionDenied).</summary>
[GenerateSerializer, Alias("coop.AccessDeniedException")]
public sealed class AccessDeniedException(string message) : CooperationException(message);

/// <summary>The request is well-formed but the entity's current state forbids it (gRPC FailedPrecondition).</summary>
[GenerateSerializer, Alias("coop.RuleViolationException")]
public sealed class RuleViolationException(string message) : CooperationException(message);

/// <summary>
/// Another writer changed the entity between this one's read and write (gRPC Aborted):
/// nothing was stored, and retrying the request is safe.
/// </summary>
[GenerateSerializer, Alias("coop.ConcurrentChangeException")]
public sealed class ConcurrentChangeException(string message) : CooperationException(message)
{
    /// <summary>Readings of a pilot or programme were appended by another writer at the same time.</summary>
    public static ConcurrentChangeException SubjectReadings(string subject) =>
        new($"'{subject}' received readings from another writer at the same time; nothing was stored, retry.");
}

/// <summary>
/// Storage could not be reached or did not confirm a write (gRPC Unavailable, with a retry hint).
/// A write may or may not have been stored: retry with the same idempotency key, or read before
/// retrying a request that is not idempotent.
/// </summary>
[GenerateSerializer, Alias("coop.StorageUnavailableException")]
public sealed class StorageUnavailableException(string message) : CooperationException(message)
{
    /// <summary>How long a client should wait before retrying, unless it knows better.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>The answer to a request that found storage unreachable.</summary>
    public static StorageUnavailableException Unreachable() =>
        new("The platform's storage is not reachable right now; retry shortly (with the same idempotency key for an update).");

    /// <summary>How long to wait before retrying.</summary>
    [Id(0)] public TimeSpan RetryAfter { get; init; } = DefaultRetryAfter;
}

/// <summary>
/// A fault of the platform itself (gRPC Internal): a driver or component failed in a way no
/// caller can fix. It crosses grain boundaries in place of the original exception, which the
/// silo logged under <see cref="Reference"/>.
/// </summary>
[GenerateSerializer, Alias("coop.InternalFaultException")]
public sealed class InternalFaultException(string reference)
    : CooperationException($"Internal error (reference {reference}).")
{
    /// <summary>Where the original exception is logged.</summary>
    [Id(0)] public string Reference { get; } = reference;

    /// <summary>A fault with a new reference.</summary>
    public static InternalFaultException New() => new(Guid.NewGuid().ToString("N")[..12]);
}
