using System.Diagnostics;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Telemetry;

namespace Cooperation.Silo.Hosting;

/// <summary>
/// Marks the span of each incoming grain call (started by Orleans' propagation filter, which runs
/// before this one) with the caller's organisation and role and the entity called. Nothing is done
/// while nobody traces.
/// </summary>
internal sealed class CallTelemetryFilter : IIncomingGrainCallFilter
{
    /// <inheritdoc/>
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (Activity.Current is { IsAllDataRequested: true } span)
        {
            PlatformTelemetry.TagCaller(span, CallerContext.Current);
            span.SetTag(PlatformTelemetry.EntityTag, context.TargetId.ToString());
        }
        return context.Invoke();
    }
}
