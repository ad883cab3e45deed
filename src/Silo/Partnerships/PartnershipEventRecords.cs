using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Partnerships;

/// <summary>A partnership's definition as its events store it.</summary>
/// <param name="Name">Its name.</param>
/// <param name="FirstCityId">One city.</param>
/// <param name="SecondCityId">The other city.</param>
/// <param name="Relations">The relation's stages, oldest first.</param>
/// <param name="CityIds">Both cities: derived when written, stored since the first events (they held it), never read.</param>
internal sealed record StoredPartnershipDefinition(
    StoredText Name,
    string FirstCityId,
    string SecondCityId,
    ValueList<StoredRelationStage> Relations,
    ValueList<string>? CityIds = null) : IStoredRecord<StoredPartnershipDefinition, PartnershipDefinition>
{
    /// <inheritdoc/>
    public static StoredPartnershipDefinition Of(PartnershipDefinition value) => new(StoredText.Of(value.Name), value.FirstCityId, value.SecondCityId,
        ValueList.Of(value.Relations.Select(StoredRelationStage.Of)), ValueList.Of(value.CityIds));

    /// <inheritdoc/>
    public PartnershipDefinition ToContract() =>
        new(Name.ToContract(), FirstCityId, SecondCityId, ValueList.Of(Relations.Select(r => r.ToContract())));
}

/// <summary>A stage of a stored partnership's relation.</summary>
/// <param name="Kind">The relation.</param>
/// <param name="SinceYear">The year it began.</param>
internal sealed record StoredRelationStage(RelationKind Kind, int SinceYear) : IStoredRecord<StoredRelationStage, RelationStage>
{
    /// <inheritdoc/>
    public static StoredRelationStage Of(RelationStage value) => new(value.Kind, value.SinceYear);

    /// <inheritdoc/>
    public RelationStage ToContract() => new(Kind, SinceYear);
}

/// <summary>A member of a partnership as its event stores it.</summary>
/// <param name="OrganisationId">The organisation.</param>
/// <param name="Role">Its part.</param>
internal sealed record StoredPartnershipMember(string OrganisationId, PartnershipRole Role) : IStoredRecord<StoredPartnershipMember, PartnershipMember>
{
    /// <inheritdoc/>
    public static StoredPartnershipMember Of(PartnershipMember value) => new(value.OrganisationId, value.Role);

    /// <inheritdoc/>
    public PartnershipMember ToContract() => new(OrganisationId, Role);
}
