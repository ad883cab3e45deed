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

/// <summary>What a city office states when it creates a partnership.</summary>
/// <param name="Name">Display name.</param>
/// <param name="FirstCityId">One city, by id.</param>
/// <param name="SecondCityId">The other city, by id; differs from the first.</param>
/// <param name="Relation">The current relation.</param>
/// <param name="SinceYear">Year the current relation was established, if known.</param>
[GenerateSerializer, Immutable, Alias("coop.PartnershipDefinition")]
public sealed record PartnershipDefinition(
    [property: Id(0)] LocalizedText Name,
    [property: Id(1)] string FirstCityId,
    [property: Id(2)] string SecondCityId,
    [property: Id(3)] RelationKind Relation,
    [property: Id(4)] int? SinceYear)
{
    /// <summary>Refuses a definition that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        LocalizedText.Require(Name, "name");
        Field.Id(FirstCityId, "first_city_id");
        Field.Id(SecondCityId, "second_city_id");
        if (FirstCityId == SecondCityId)
            throw new InvalidFieldException("second_city_id", "must differ from first_city_id");
        Field.Choice(Relation, "relation");
        if (SinceYear is < 1900 or > 2100)
            throw new InvalidFieldException("since_year", "must be a year between 1900 and 2100");
    }
}

/// <summary>A partnership as read back.</summary>
/// <param name="PartnershipId">Its id.</param>
/// <param name="Definition">What was stated at creation.</param>
/// <param name="PilotIds">Pilots under it, in creation order.</param>
[GenerateSerializer, Immutable, Alias("coop.PartnershipView")]
public sealed record PartnershipView(
    [property: Id(0)] string PartnershipId,
    [property: Id(1)] PartnershipDefinition Definition,
    [property: Id(2)] IReadOnlyList<string> PilotIds);
