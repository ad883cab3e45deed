using Cooperation.Tests.Support;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// Every RPC with bad input: the right status, the offending field named (InvalidArgument), and
/// nothing written — the world below reads the same before and after each call.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ApiFixture api)
{
    /// <summary>Ids of an existing partnership, pilot and KPI, made fresh for each case.</summary>
    public sealed record World(string PartnershipId, string PilotId, string NewId);

    private delegate Task Call(ApiFixture api, World world);

    private static readonly Dictionary<string, (Call Call, StatusCode Code, string? Field)> Cases = new()
    {
        ["CreatePartnership: empty id"] = ((a, w) => a.Partnerships.CreatePartnershipAsync(Requests.Partnership("")).ResponseAsync, StatusCode.InvalidArgument, "partnership_id"),
        ["CreatePartnership: id not plain"] = ((a, w) => a.Partnerships.CreatePartnershipAsync(Requests.Partnership("Hai Phong")).ResponseAsync, StatusCode.InvalidArgument, "partnership_id"),
        ["CreatePartnership: no name"] = ((a, w) => a.Partnerships.CreatePartnershipAsync(With(Requests.Partnership(w.NewId), r => r.Name = null)).ResponseAsync, StatusCode.InvalidArgument, "name"),
        ["CreatePartnership: empty city"] = ((a, w) => a.Partnerships.CreatePartnershipAsync(With(Requests.Partnership(w.NewId), r => r.FirstCityId = "")).ResponseAsync, StatusCode.InvalidArgument, "first_city_id"),
        ["CreatePartnership: one city twice"] = ((a, w) => a.Partnerships.CreatePartnershipAsync(With(Requests.Partnership(w.NewId), r => r.SecondCityId = "hai-phong")).ResponseAsync, StatusCode.InvalidArgument, "second_city_id"),
        ["CreatePartnership: no relation"] = ((a, w) => a.Partnerships.CreatePartnershipAsync(With(Requests.Partnership(w.NewId), r => r.Relation = Proto.RelationKind.Unspecified)).ResponseAsync, StatusCode.InvalidArgument, "relation"),
        ["CreatePartnership: bad year"] = ((a, w) => a.Partnerships.CreatePartnershipAsync(With(Requests.Partnership(w.NewId), r => r.SinceYear = 14)).ResponseAsync, StatusCode.InvalidArgument, "since_year"),
        ["CreatePartnership: id taken"] = ((a, w) => a.Partnerships.CreatePartnershipAsync(With(Requests.Partnership(w.PartnershipId), r => r.Relation = Proto.RelationKind.Friendship)).ResponseAsync, StatusCode.AlreadyExists, null),
        ["GetPartnership: empty id"] = ((a, w) => a.Partnerships.GetPartnershipAsync(new Proto.GetPartnershipRequest()).ResponseAsync, StatusCode.InvalidArgument, "partnership_id"),
        ["GetPartnership: unknown"] = ((a, w) => a.Partnerships.GetPartnershipAsync(new Proto.GetPartnershipRequest { PartnershipId = w.NewId }).ResponseAsync, StatusCode.NotFound, null),

        ["CreatePilot: empty id"] = ((a, w) => a.Pilots.CreatePilotAsync(Requests.Pilot("", w.PartnershipId)).ResponseAsync, StatusCode.InvalidArgument, "pilot_id"),
        ["CreatePilot: numeric id"] = ((a, w) => a.Pilots.CreatePilotAsync(Requests.Pilot("0123", w.PartnershipId)).ResponseAsync, StatusCode.InvalidArgument, "pilot_id"),
        ["CreatePilot: empty partnership"] = ((a, w) => a.Pilots.CreatePilotAsync(Requests.Pilot(w.NewId, "")).ResponseAsync, StatusCode.InvalidArgument, "partnership_id"),
        ["CreatePilot: unknown partnership"] = ((a, w) => a.Pilots.CreatePilotAsync(Requests.Pilot(w.NewId, "nowhere-" + w.NewId)).ResponseAsync, StatusCode.NotFound, null),
        ["CreatePilot: no title"] = ((a, w) => a.Pilots.CreatePilotAsync(With(Requests.Pilot(w.NewId, w.PartnershipId), r => r.Title = new Proto.LocalizedText { En = " " })).ResponseAsync, StatusCode.InvalidArgument, "title"),
        ["CreatePilot: no kind"] = ((a, w) => a.Pilots.CreatePilotAsync(With(Requests.Pilot(w.NewId, w.PartnershipId), r => r.Kind = Proto.PilotKind.Unspecified)).ResponseAsync, StatusCode.InvalidArgument, "kind"),
        ["CreatePilot: unknown kind"] = ((a, w) => a.Pilots.CreatePilotAsync(With(Requests.Pilot(w.NewId, w.PartnershipId), r => r.Kind = (Proto.PilotKind)99)).ResponseAsync, StatusCode.InvalidArgument, "kind"),
        ["CreatePilot: unknown frequency"] = ((a, w) => a.Pilots.CreatePilotAsync(With(Requests.Pilot(w.NewId, w.PartnershipId), r => r.ReportingFrequency = (Proto.ReportingFrequency)7)).ResponseAsync, StatusCode.InvalidArgument, "reporting_frequency"),
        ["CreatePilot: id taken"] = ((a, w) => a.Pilots.CreatePilotAsync(With(Requests.Pilot(w.PilotId, w.PartnershipId), r => r.Kind = Proto.PilotKind.RooftopSolar)).ResponseAsync, StatusCode.AlreadyExists, null),
        ["GetPilot: empty id"] = ((a, w) => a.Pilots.GetPilotAsync(new Proto.GetPilotRequest()).ResponseAsync, StatusCode.InvalidArgument, "pilot_id"),
        ["GetPilot: unknown"] = ((a, w) => a.Pilots.GetPilotAsync(new Proto.GetPilotRequest { PilotId = w.NewId }).ResponseAsync, StatusCode.NotFound, null),

        ["DefineKpi: unknown pilot"] = ((a, w) => a.Pilots.DefineKpiAsync(Requests.Kpi(w.NewId)).ResponseAsync, StatusCode.NotFound, null),
        ["DefineKpi: empty pilot"] = ((a, w) => a.Pilots.DefineKpiAsync(Requests.Kpi("")).ResponseAsync, StatusCode.InvalidArgument, "pilot_id"),
        ["DefineKpi: empty code"] = ((a, w) => a.Pilots.DefineKpiAsync(Requests.Kpi(w.PilotId, "")).ResponseAsync, StatusCode.InvalidArgument, "kpi_code"),
        ["DefineKpi: no baseline"] = ((a, w) => a.Pilots.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Baseline = null)).ResponseAsync, StatusCode.InvalidArgument, "baseline"),
        ["DefineKpi: NaN baseline"] = ((a, w) => a.Pilots.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Baseline.Value = double.NaN)).ResponseAsync, StatusCode.InvalidArgument, "baseline.value"),
        ["DefineKpi: infinite target"] = ((a, w) => a.Pilots.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Target.Value = double.PositiveInfinity)).ResponseAsync, StatusCode.InvalidArgument, "target.value"),
        ["DefineKpi: target equals baseline"] = ((a, w) => a.Pilots.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Target.Value = 0)).ResponseAsync, StatusCode.InvalidArgument, "target.value"),
        ["DefineKpi: target before baseline"] = ((a, w) => a.Pilots.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Target.Date = "2023-12-31")).ResponseAsync, StatusCode.InvalidArgument, "target.date"),
        ["DefineKpi: bad date"] = ((a, w) => a.Pilots.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Baseline.Date = "01/01/2024")).ResponseAsync, StatusCode.InvalidArgument, "baseline.date"),
        ["DefineKpi: no unit"] = ((a, w) => a.Pilots.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Unit = "")).ResponseAsync, StatusCode.InvalidArgument, "unit"),
        ["DefineKpi: no aggregation"] = ((a, w) => a.Pilots.DefineKpiAsync(With(Requests.Kpi(w.PilotId, "new-kpi"), r => r.Aggregation = Proto.KpiAggregation.Unspecified)).ResponseAsync, StatusCode.InvalidArgument, "aggregation"),
        ["DefineKpi: code taken"] = ((a, w) => a.Pilots.DefineKpiAsync(With(Requests.Kpi(w.PilotId), r => r.Unit = "kg")).ResponseAsync, StatusCode.AlreadyExists, null),

        ["GetKpiSeries: empty code"] = ((a, w) => a.Pilots.GetKpiSeriesAsync(new Proto.GetKpiSeriesRequest { PilotId = w.PilotId }).ResponseAsync, StatusCode.InvalidArgument, "kpi_code"),
        ["GetKpiSeries: unknown KPI"] = ((a, w) => a.Pilots.GetKpiSeriesAsync(new Proto.GetKpiSeriesRequest { PilotId = w.PilotId, KpiCode = "unknown" }).ResponseAsync, StatusCode.NotFound, null),
        ["GetKpiSeries: unknown pilot"] = ((a, w) => a.Pilots.GetKpiSeriesAsync(new Proto.GetKpiSeriesRequest { PilotId = w.NewId, KpiCode = "compost-produced" }).ResponseAsync, StatusCode.NotFound, null),

        ["RecordKpiReadings: unknown pilot"] = ((a, w) => a.Pilots.RecordKpiReadingsAsync(Requests.Reading(w.NewId, "2025-01", 1)).ResponseAsync, StatusCode.NotFound, null),
        ["RecordKpiReadings: empty pilot"] = ((a, w) => a.Pilots.RecordKpiReadingsAsync(Requests.Reading("", "2025-01", 1)).ResponseAsync, StatusCode.InvalidArgument, "pilot_id"),
        ["RecordKpiReadings: none"] = ((a, w) => a.Pilots.RecordKpiReadingsAsync(new Proto.RecordKpiReadingsRequest { PilotId = w.PilotId }).ResponseAsync, StatusCode.InvalidArgument, "readings"),
        ["RecordKpiReadings: too many"] = ((a, w) => a.Pilots.RecordKpiReadingsAsync(With(Requests.Reading(w.PilotId, "2025-01", 1), r => r.Readings.AddRange(Enumerable.Repeat(r.Readings[0], 1000)))).ResponseAsync, StatusCode.InvalidArgument, "readings"),
        ["RecordKpiReadings: NaN"] = ((a, w) => a.Pilots.RecordKpiReadingsAsync(Requests.Reading(w.PilotId, "2025-01", double.NaN)).ResponseAsync, StatusCode.InvalidArgument, "readings[0].value"),
        ["RecordKpiReadings: infinity"] = ((a, w) => a.Pilots.RecordKpiReadingsAsync(Requests.Reading(w.PilotId, "2025-01", double.NegativeInfinity)).ResponseAsync, StatusCode.InvalidArgument, "readings[0].value"),
        ["RecordKpiReadings: year out of range"] = ((a, w) => a.Pilots.RecordKpiReadingsAsync(Requests.Reading(w.PilotId, "3000-01", 1)).ResponseAsync, StatusCode.InvalidArgument, "readings[0].period"),
        ["RecordKpiReadings: huge value"] = ((a, w) => a.Pilots.RecordKpiReadingsAsync(Requests.Reading(w.PilotId, "2025-01", 1e300)).ResponseAsync, StatusCode.InvalidArgument, "readings[0].value"),
        ["RecordKpiReadings: malformed period"] = ((a, w) => a.Pilots.RecordKpiReadingsAsync(Requests.Reading(w.PilotId, "2025-13", 1)).ResponseAsync, StatusCode.InvalidArgument, "readings[0].period"),
        ["RecordKpiReadings: future period"] = ((a, w) => a.Pilots.RecordKpiReadingsAsync(Requests.Reading(w.PilotId, "2999-01", 1)).ResponseAsync, StatusCode.InvalidArgument, "readings[0].period"),
        ["RecordKpiReadings: quarter on a monthly pilot"] = ((a, w) => a.Pilots.RecordKpiReadingsAsync(Requests.Reading(w.PilotId, "2025-Q1", 1)).ResponseAsync, StatusCode.InvalidArgument, "readings[0].period"),
        ["RecordKpiReadings: unknown KPI"] = ((a, w) => a.Pilots.RecordKpiReadingsAsync(With(Requests.Reading(w.PilotId, "2025-01", 1), r => r.Readings[0].KpiCode = "unknown")).ResponseAsync, StatusCode.InvalidArgument, "readings[0].kpi_code"),
        ["RecordKpiReadings: second of two bad"] = ((a, w) => a.Pilots.RecordKpiReadingsAsync(With(Requests.Reading(w.PilotId, "2025-01", 1), r => r.Readings.Add(new Proto.KpiReadingInput { KpiCode = "compost-produced", Period = "2025-02", Value = double.NaN }))).ResponseAsync, StatusCode.InvalidArgument, "readings[1].value"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Fact]
    public void Every_rpc_has_bad_input_cases()
    {
        var rpcs = Proto.PilotService.Descriptor.Methods.Concat(Proto.PartnershipService.Descriptor.Methods).Select(m => m.Name);
        Assert.All(rpcs, rpc => Assert.Contains(Cases.Keys, name => name.StartsWith(rpc + ":", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_gets_its_status_and_changes_nothing(string name)
    {
        var (call, code, field) = Cases[name];
        var world = await CreateWorldAsync();
        var before = await SnapshotAsync(world);

        var error = await Assert.ThrowsAsync<RpcException>(() => call(api, world));

        Assert.Equal(code, error.StatusCode);
        Assert.DoesNotContain("   at ", error.Status.Detail);
        if (field is not null)
        {
            var violations = error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field);
            Assert.Equal(field, Assert.Single(violations ?? []));
        }
        Assert.Equal(before, await SnapshotAsync(world));
    }

    private async Task<World> CreateWorldAsync()
    {
        var (partnershipId, pilotId) = await api.CreatePilotWithKpiAsync();
        await api.Pilots.RecordKpiReadingsAsync(Requests.Reading(pilotId, "2025-01", 10));
        return new World(partnershipId, pilotId, Ids.New("fresh"));
    }

    /// <summary>Everything a bad call could have touched, as text.</summary>
    private async Task<string> SnapshotAsync(World world)
    {
        var partnership = await api.Partnerships.GetPartnershipAsync(new Proto.GetPartnershipRequest { PartnershipId = world.PartnershipId });
        var pilot = await api.Pilots.GetPilotAsync(new Proto.GetPilotRequest { PilotId = world.PilotId });
        var fresh = await Task.WhenAll(
            Exists(api.Partnerships.GetPartnershipAsync(new Proto.GetPartnershipRequest { PartnershipId = world.NewId }).ResponseAsync),
            Exists(api.Pilots.GetPilotAsync(new Proto.GetPilotRequest { PilotId = world.NewId }).ResponseAsync));
        var stored = InMemoryKpiReadingStore.Shared.Stored(world.PilotId).Count;
        return $"{JsonFormatter.Default.Format(partnership)}\n{JsonFormatter.Default.Format(pilot)}\n{string.Join(",", fresh)}\n{stored}";
    }

    private static async Task<bool> Exists(Task call)
    {
        try
        {
            await call;
            return true;
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    private static T With<T>(T request, Action<T> change)
    {
        change(request);
        return request;
    }
}
