using Cooperation.Contracts.Audit;
using Cooperation.Contracts.People;
using Cooperation.Gateway.Common;
using Google.Protobuf.WellKnownTypes;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Audit;

/// <summary>Audit events from the domain to the wire.</summary>
internal static class AuditMapping
{
    /// <summary>
    /// The names of the people who acted in <paramref name="events"/>, by account: one call to the
    /// directory per page, none when no person acted.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> PeopleOfAsync(this IGrainFactory grains, IReadOnlyCollection<AuditEvent> events)
    {
        var accounts = events.Select(e => e.Actor.AccountId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        if (accounts.Length == 0)
            return new Dictionary<string, string>();
        var names = await grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).Names(accounts);
        return names.ToDictionary(n => n.AccountId, n => n.DisplayName, StringComparer.Ordinal);
    }

    /// <summary>An event as the API returns it, its payload as a JSON object and its person named from <paramref name="people"/>.</summary>
    public static Proto.AuditEvent ToProto(this AuditEvent e, IReadOnlyDictionary<string, string> people) => new()
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
            Person = e.Actor.AccountId is { } account
                ? new Proto.ActingPerson { AccountId = account, DisplayName = people.GetValueOrDefault(account) ?? "" }
                : null,
        },
        Payload = Struct.Parser.ParseJson(e.PayloadJson),
        Position = e.FeedPosition,
    };
}
