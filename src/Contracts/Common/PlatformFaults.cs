using System.Data.Common;

namespace Cooperation.Contracts.Common;

/// <summary>
/// The one rule for failures of the platform's infrastructure at a boundary (a grain call, a
/// storage provider, the gateway): only the platform's own serializable exceptions cross it.
/// A storage outage becomes <see cref="StorageUnavailableException"/> (Unavailable, retry); any
/// other driver or third-party exception becomes an <see cref="InternalFaultException"/> whose
/// reference the boundary logs; a platform exception wrapped by Orleans is unwrapped.
/// </summary>
public static class PlatformFaults
{
    // Exceptions of these namespaces have Orleans codecs (or are the platform's own).
    private static readonly string[] Serializable = ["System", "Microsoft", "Orleans", "Grpc", "Google"];

    /// <summary>
    /// The exception to throw across a boundary in place of <paramref name="error"/>; null when
    /// <paramref name="error"/> may cross as it is.
    /// </summary>
    public static CooperationException? AtBoundary(Exception error)
    {
        if (error is CooperationException)
            return null;
        if (Chain(error).OfType<CooperationException>().FirstOrDefault() is { } wrapped)
            return wrapped;
        if (IsStorageOutage(error))
            return StorageUnavailableException.Unreachable();
        if (Chain(error).Any(e => e is DbException || !IsSerializable(e)))
            return InternalFaultException.New();
        return null;
    }

    /// <summary>
    /// Whether <paramref name="error"/> is, or wraps, a database failure that says storage is
    /// unreachable or overloaded for now: a transient one (connection refused or lost, server
    /// shutting down, timeouts), or any failure the driver raised without the server answering.
    /// A statement the server refused (syntax, constraint) is a fault, not an outage.
    /// </summary>
    public static bool IsStorageOutage(Exception error) =>
        Chain(error).Any(e => e is DbException db && (db.IsTransient || db.SqlState is null));

    private static bool IsSerializable(Exception error)
    {
        var space = error.GetType().Namespace ?? "";
        return Serializable.Any(prefix => space == prefix || space.StartsWith(prefix + ".", StringComparison.Ordinal));
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                    yield return inner;
            }
        }
    }
}
