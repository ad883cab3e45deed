using Cooperation.Contracts.Audit;
using Cooperation.Gateway.Common;
using Google.Protobuf.WellKnownTypes;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Audit;

/// <summary>Audit events from the domain to the wire.</summary>
internal static class AuditMapping
{
    /// <summary>An event as the API returns it, its payload as a JSON object.</summary>
    public static Proto.AuditEvent ToProto(this AuditEvent e) => new()
    {
        Entity = AuditedEntities.NameOf(e.EntityType, e.EntityId),
        Sequence = e.Sequence,
        Kind = e.Kind,
        RecordedAt = ((DateTimeOffset?)e.RecordedAt).ToWire(),
        Actor = new Proto.Actor
        {
            OrganisationId = e.Actor.OrganisationId,
            Role = CommonMapping.ToProto<Proto.Role>(e.Actor.Role),
            CredentialId = e.Actor.CredentialId ?? "",
        },
        Payload = Struct.Parser.ParseJson(e.PayloadJson),
        Position = e.FeedPosition,
    };
}
