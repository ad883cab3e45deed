using System.Text.RegularExpressions;
using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Cities;

/// <summary>What a city is: its names, country and time zone.</summary>
/// <param name="Names">Names in Vietnamese, Japanese and/or English.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code, e.g. "VN" or "JP".</param>
/// <param name="TimeZone">IANA time zone, e.g. "Asia/Ho_Chi_Minh": decides when a date has passed there.</param>
[GenerateSerializer, Immutable, Alias("coop.CityDefinition")]
public sealed partial record CityDefinition(
    [property: Id(0)] LocalizedText Names,
    [property: Id(1)] string CountryCode,
    [property: Id(2)] string TimeZone)
{
    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    /// <summary>Refuses a definition that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        LocalizedText.Require(Names, "names");
        if (CountryCode is null || !CountryPattern().IsMatch(CountryCode))
            throw new InvalidFieldException("country_code", "must be an ISO 3166-1 alpha-2 code such as \"VN\" or \"JP\"");
        Field.TimeZone(TimeZone, "time_zone");
    }
}

/// <summary>One component of a composite index, e.g. one of the four of the Provincial Green Index.</summary>
/// <param name="Code">Code unique within the index.</param>
/// <param name="Name">Name in one or more languages.</param>
/// <param name="Score">The component's score.</param>
[GenerateSerializer, Immutable, Alias("coop.IndexComponent")]
public sealed record IndexComponent(
    [property: Id(0)] string Code,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] double Score);

/// <summary>
/// A composite index of a city for one year, such as the Provincial Green Index (PGI). The total is
/// always the sum of the components, never typed in.
/// </summary>
/// <param name="IndexCode">Which index, e.g. "pgi".</param>
/// <param name="Name">The index's name.</param>
/// <param name="Year">The year it scores.</param>
/// <param name="Components">Its components with their scores.</param>
[GenerateSerializer, Immutable, Alias("coop.CompositeIndex")]
public sealed record CompositeIndex(
    [property: Id(0)] string IndexCode,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] int Year,
    [property: Id(3)] ValueList<IndexComponent> Components)
{
    /// <summary>Most components an index may have.</summary>
    public const int MaxComponents = 20;

    /// <summary>The sum of the components' scores.</summary>
    public double Total => Components.Sum(c => c.Score);

    /// <summary>Refuses an index that breaks a rule, naming the field.</summary>
    public void Validate()
    {
        Field.Id(IndexCode, "index_code");
        LocalizedText.Require(Name, "name");
        if (Year is < 1900 or > 2100)
            throw new InvalidFieldException("year", "must be a year between 1900 and 2100");
        if (Components is null || Components.Count is 0 or > MaxComponents)
            throw new InvalidFieldException("components", $"must hold 1–{MaxComponents} components");
        for (var i = 0; i < Components.Count; i++)
        {
            var component = Components[i];
            Field.Id(component.Code, $"components[{i}].code");
            LocalizedText.Require(component.Name, $"components[{i}].name");
            Field.Finite(component.Score, $"components[{i}].score");
            if (Components.Take(i).Any(c => c.Code == component.Code))
                throw new InvalidFieldException($"components[{i}].code", $"'{component.Code}' appears twice");
        }
    }
}

/// <summary>A city as read back.</summary>
/// <param name="CityId">Its id.</param>
/// <param name="Definition">What it is.</param>
/// <param name="PartnershipIds">Partnerships it takes part in.</param>
/// <param name="ProgrammeIds">Programmes it owns.</param>
/// <param name="Indices">Composite indices it carries, by index and year.</param>
[GenerateSerializer, Immutable, Alias("coop.CityView")]
public sealed record CityView(
    [property: Id(0)] string CityId,
    [property: Id(1)] CityDefinition Definition,
    [property: Id(2)] ValueList<string> PartnershipIds,
    [property: Id(3)] ValueList<string> ProgrammeIds,
    [property: Id(4)] ValueList<CompositeIndex> Indices);
