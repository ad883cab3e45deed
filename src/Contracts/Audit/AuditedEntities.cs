using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Programmes;

namespace Cooperation.Contracts.Audit;

/// <summary>
/// The entities with a history, by their API name ("pilots/{id}") and their journal name
/// ("pilot"), and the grain that answers for each.
/// </summary>
public sealed class AuditedEntities(IGrainFactory grains)
{
    private static readonly (string Collection, string EntityType)[] Kinds =
    [
        ("pilots", EntityTypes.Pilot), ("partnerships", EntityTypes.Partnership), ("mous", EntityTypes.Mou), ("programmes", EntityTypes.Programme),
        ("cities", EntityTypes.City), ("organisations", EntityTypes.Organisation), ("credentials", EntityTypes.Credential),
    ];

    /// <summary>The grain of the entity named "<c>{collection}/{id}</c>"; InvalidArgument naming <paramref name="field"/> otherwise.</summary>
    public IHasHistory Get(string name, string field)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var kind = slash < 0 ? null : Kinds.FirstOrDefault(k => k.Collection == name[..slash]).EntityType;
        if (kind is null)
            throw new InvalidFieldException(field, $"must be \"{{collection}}/{{id}}\" with a collection among {string.Join(", ", Kinds.Select(k => k.Collection))}");
        return Grain(kind, Field.Id(name[(slash + 1)..], field));
    }

    /// <summary>The grain of an entity as the journal names it.</summary>
    public IHasHistory Grain(string entityType, string id) => entityType switch
    {
        EntityTypes.Pilot => grains.GetGrain<IPilotGrain>(id),
        EntityTypes.Partnership => grains.GetGrain<IPartnershipGrain>(id),
        EntityTypes.Mou => grains.GetGrain<IMouGrain>(id),
        EntityTypes.Programme => grains.GetGrain<IProgrammeGrain>(id),
        EntityTypes.City => grains.GetGrain<ICityGrain>(id),
        EntityTypes.Organisation => grains.GetGrain<IOrganisationGrain>(id),
        EntityTypes.Credential => grains.GetGrain<ICredentialGrain>(id),
        _ => throw new ArgumentException($"No audited entity type '{entityType}'.", nameof(entityType)),
    };

    /// <summary>Whether entities the journal names <paramref name="entityType"/> have a history (and a grain that answers for it).</summary>
    public static bool Has(string entityType) => Kinds.Any(k => k.EntityType == entityType);

    /// <summary>The API name of an entity the journal names <paramref name="entityType"/>.</summary>
    public static string NameOf(string entityType, string id) =>
        $"{Kinds.FirstOrDefault(k => k.EntityType == entityType).Collection ?? entityType}/{id}";
}
