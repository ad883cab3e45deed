using System.Collections.Concurrent;

namespace Cooperation.Tests.Support;

/// <summary>
/// Counts the grain calls a piece of work makes, nested ones included: the test clusters' silos
/// record every incoming call whose request context carries a tag (Orleans passes the context on
/// to the calls a grain makes in turn), so a test learns exactly what its own work cost.
/// </summary>
public static class GrainCalls
{
    private const string Key = "test.grain-calls";
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Calls = new(StringComparer.Ordinal);

    /// <summary>Tags the calls made from here on in this async flow; returns what they were, as "IPilotGrain.Get".</summary>
    public static IReadOnlyCollection<string> Track()
    {
        var tag = Ids.New("calls");
        RequestContext.Set(Key, tag);
        return Calls.GetOrAdd(tag, _ => new());
    }

    /// <summary>Stops tagging this async flow's calls.</summary>
    public static void Stop() => RequestContext.Remove(Key);

    /// <summary>The silos' filter: records a tagged call.</summary>
    public static Task RecordAsync(IIncomingGrainCallContext context)
    {
        if (RequestContext.Get(Key) is string tag && Calls.TryGetValue(tag, out var calls))
            calls.Enqueue($"{context.InterfaceMethod.DeclaringType?.Name}.{context.MethodName}");
        return context.Invoke();
    }
}
