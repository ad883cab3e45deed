using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Gateway.Common;
using Cooperation.Gateway.Partnerships;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Cities;

/// <summary>gRPC (and JSON) front of the city grains.</summary>
internal sealed class CityGrpcService(GrainReferences<ICityGrain> cities, GrainReferences<IPartnershipGrain> partnerships)
    : Proto.CityService.CityServiceBase
{
    /// <inheritdoc/>
    public override async Task<Proto.City> CreateCity(Proto.CreateCityRequest request, ServerCallContext context)
    {
        var definition = new CityDefinition(request.Names.ToDomain("names"), request.CountryCode, request.TimeZone);
        return (await City(request.CityId).Create(definition)).ToProto();
    }

    /// <inheritdoc/>
    public override async Task<Proto.City> GetCity(Proto.GetCityRequest request, ServerCallContext context) =>
        (await City(request.CityId).Get()).ToProto();

    /// <inheritdoc/>
    public override async Task<Proto.ListCityPartnershipsResponse> ListCityPartnerships(Proto.ListCityPartnershipsRequest request, ServerCallContext context)
    {
        var city = await City(request.CityId).Get();
        // Read here rather than in the city grain: a grain waiting on partnerships while a
        // partnership being created waits on the city would deadlock.
        // Only those the caller may read: the list says nothing of the others.
        var views = await Task.WhenAll(city.PartnershipIds.Select(id => partnerships.Get(id).GetIfReadable()));
        return new Proto.ListCityPartnershipsResponse { Partnerships = { views.OfType<PartnershipView>().Select(v => v.ToProto()) } };
    }

    /// <inheritdoc/>
    public override async Task<Proto.CompositeIndex> RecordCityIndex(Proto.RecordCityIndexRequest request, ServerCallContext context)
    {
        var city = City(request.CityId);
        return (await city.RecordIndex(request.ToDomain())).ToProto();
    }

    private ICityGrain City(string id) => cities.Get(Field.Id(id, "city_id"));
}
