using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Partnerships;

/// <summary>How two cities are related.</summary>
[GenerateSerializer, Alias("coop.RelationKind")]
public enum RelationKind
{
    /// <summary>A friendship (cooperation) agreement.</summary>
    Friendship = 1,

    /// <summary>A sister-city agreement.</summary>
    SisterCity = 2,
}

/// <summary>A stage of the relation, e.g. friendship since 2009, sister cities since 2014.</summary>
/// <param name="Kind">The relation.</param>
/// <param name="SinceYear">The year it began.</param>
[GenerateSerializer, Immutable, Alias("coop.RelationStage")]
public sealed record RelationStage([property: Id(0)] RelationKind Kind, [property: Id(1)] int SinceYear);

/// <summary>What a city office states when it creates a partnership.</summary>
/// <param name="Name">Display name.</param>
/// <param name="FirstCityId">One city, by id.</param>
/// <param name="SecondCityId">The other city, by id; differs from the first.</param>
/// <param name="Relations">The relation's stages, oldest first; the last is the current one.</param>
[GenerateSerializer, Immutable, Alias("coop.PartnershipDefinition")]
public sealed record PartnershipDefinition(
    [property: Id(0)] LocalizedText Name,
    [property: Id(1)] string FirstCityId,
    [property: Id(2)] string SecondCityId,
    [property: Id(3)] ValueList<RelationStage> Relations)
{
    /// <summary>The current relation.</summary>
    public RelationStage Current => Relations[^1];

    /// <summary>Both cities.</summary>
    public IEnumerable<string> CityIds => [FirstCityId, SecondCityId];

    /// <summary>Refuses a definition that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        LocalizedText.Require(Name, "name");
        Field.Id(FirstCityId, "first_city_id");
        Field.Id(SecondCityId, "second_city_id");
        if (FirstCityId == SecondCityId)
            throw new InvalidFieldException("second_city_id", "must differ from first_city_id");
        if (Relations is null || Relations.Count is 0 or > 10)
            throw new InvalidFieldException("relations", "must hold 1–10 stages");
        for (var i = 0; i < Relations.Count; i++)
        {
            Field.Choice(Relations[i].Kind, $"relations[{i}].kind");
            if (Relations[i].SinceYear is < 1900 or > 2100)
                throw new InvalidFieldException($"relations[{i}].since_year", "must be a year between 1900 and 2100");
            if (i > 0 && Relations[i].SinceYear < Relations[i - 1].SinceYear)
                throw new InvalidFieldException($"relations[{i}].since_year", "stages must be in time order");
        }
    }
}

/// <summary>The part an organisation plays in a partnership.</summary>
[GenerateSerializer, Alias("coop.PartnershipRole")]
public enum PartnershipRole
{
    /// <summary>Coordinates the partnership, e.g. a city's foreign-affairs office.</summary>
    Coordinator = 1,

    /// <summary>Brings technology or expertise, e.g. a centre of the partner city.</summary>
    TechnicalPartner = 2,

    /// <summary>Carries out pilots, e.g. an industrial park or enterprise.</summary>
    Implementer = 3,

    /// <summary>Funds pilots.</summary>
    Donor = 4,

    /// <summary>Verifies figures, e.g. for JCM monitoring.</summary>
    Verifier = 5,

    /// <summary>Any other part.</summary>
    Other = 6,
}

/// <summary>An organisation taking part in a partnership.</summary>
/// <param name="OrganisationId">The organisation.</param>
/// <param name="Role">Its part.</param>
[GenerateSerializer, Immutable, Alias("coop.PartnershipMember")]
public sealed record PartnershipMember([property: Id(0)] string OrganisationId, [property: Id(1)] PartnershipRole Role);

/// <summary>A partnership as read back: what it is and what it holds.</summary>
/// <param name="PartnershipId">Its id.</param>
/// <param name="Definition">What was stated at creation.</param>
/// <param name="Members">Member organisations and their roles.</param>
/// <param name="ProgrammeIds">Programmes under it, in creation order.</param>
/// <param name="PilotIds">Pilots under it, in creation order.</param>
/// <param name="MouIds">MoUs under it, in creation order.</param>
[GenerateSerializer, Immutable, Alias("coop.PartnershipView")]
public sealed record PartnershipView(
    [property: Id(0)] string PartnershipId,
    [property: Id(1)] PartnershipDefinition Definition,
    [property: Id(2)] ValueList<PartnershipMember> Members,
    [property: Id(3)] ValueList<string> ProgrammeIds,
    [property: Id(4)] ValueList<string> PilotIds,
    [property: Id(5)] ValueList<string> MouIds)
{
    /// <summary>Who takes part, for access: its cities' offices manage it, its members read it.</summary>
    public AccessScope AccessScope => new(ValueList.Of(Definition.CityIds), ValueList.Of(Members.Select(m => m.OrganisationId)), [], [], []);
}
