using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cooperation.Contracts.Access;

namespace Cooperation.Contracts.Telemetry;

/// <summary>
/// The platform's own activity source and meter, both named <see cref="Name"/>, and the span
/// attributes that say who called and on which entity. Never a key or a secret: an organisation,
/// a role and an entity's id are what an operator needs to find a request again.
/// </summary>
public static class PlatformTelemetry
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string Name = "Cooperation";

    /// <summary>Attribute: the calling organisation.</summary>
    public const string OrganisationTag = "cooperation.organisation";

    /// <summary>Attribute: the caller's role.</summary>
    public const string RoleTag = "cooperation.role";

    /// <summary>Attribute: the entity a grain call is about, as its grain id ("pilot/hp-compost").</summary>
    public const string EntityTag = "cooperation.entity";

    /// <summary>Spans of the platform's own work (the journal's group commits).</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>The platform's instruments (<see cref="PlatformMetrics"/>).</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>Attribute: the reference a fault was logged under, the one its caller was given.</summary>
    public const string FaultReferenceTag = "cooperation.fault.reference";

    /// <summary>Marks <paramref name="activity"/> (the request's span, when there is one) as failed by the fault logged under <paramref name="reference"/>.</summary>
    public static void TagFault(Activity? activity, string reference)
    {
        if (activity is null)
            return;
        activity.SetStatus(ActivityStatusCode.Error);
        activity.SetTag(FaultReferenceTag, reference);
    }

    /// <summary>Marks <paramref name="activity"/> (the request's span, when there is one) with its caller.</summary>
    public static void TagCaller(Activity? activity, Caller caller)
    {
        if (activity is null || !activity.IsAllDataRequested)
            return;
        activity.SetTag(OrganisationTag, caller.OrganisationId);
        activity.SetTag(RoleTag, caller.Role.ToString());
    }
}
