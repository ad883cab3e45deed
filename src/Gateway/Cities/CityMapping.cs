using Cooperation.Contracts.Cities;
using Cooperation.Gateway.Common;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Cities;

/// <summary>Cities and their indices between the wire and the domain.</summary>
internal static class CityMapping
{
    /// <summary>A city as the API returns it.</summary>
    public static Proto.City ToProto(this CityView view) => new()
    {
        CityId = view.CityId,
        Names = view.Definition.Names.ToProto(),
        CountryCode = view.Definition.CountryCode,
        TimeZone = view.Definition.TimeZone,
        PartnershipIds = { view.PartnershipIds },
        ProgrammeIds = { view.ProgrammeIds },
        Indices = { view.Indices.Select(ToProto) },
    };

    /// <summary>A wire index to the domain.</summary>
    public static CompositeIndex ToDomain(this Proto.RecordCityIndexRequest request) => new(
        request.IndexCode,
        request.Name.ToDomain("name"),
        request.Year,
        request.Components.Select((c, i) => new IndexComponent(c.Code, c.Name.ToDomain($"components[{i}].name"), c.Score)).ToArray());

    /// <summary>An index as the API returns it, with its computed total.</summary>
    public static Proto.CompositeIndex ToProto(this CompositeIndex index) => new()
    {
        IndexCode = index.IndexCode,
        Name = index.Name.ToProto(),
        Year = index.Year,
        Components = { index.Components.Select(c => new Proto.IndexComponent { Code = c.Code, Name = c.Name.ToProto(), Score = c.Score }) },
        Total = Math.Round(index.Total, 6),
    };
}
