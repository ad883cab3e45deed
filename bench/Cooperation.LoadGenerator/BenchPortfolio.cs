using Cooperation.Contracts.Grpc;
using Grpc.Core;

namespace Cooperation.LoadGenerator;

/// <summary>
/// The pilots a load run writes to and reads: two bench cities, one partnership and programme per
/// set, pilots led by the bench agency with one KPI each, filled through the API (as an admin)
/// to the number of readings the set asks for.
/// </summary>
public sealed class BenchPortfolio(CallInvoker channel)
{
    /// <summary>The partner agency leading every bench pilot.</summary>
    public const string Agency = "bench-agency";

    /// <summary>The KPI every bench pilot carries.</summary>
    public const string KpiCode = "bench-output";

    /// <summary>Past months readings are spread over (10 years).</summary>
    public static readonly string[] Periods = Enumerable.Range(0, 120)
        .Select(i => $"{2015 + i / 12:D4}-{i % 12 + 1:D2}")
        .ToArray();

    private readonly PilotService.PilotServiceClient _pilots = new(channel);
    private readonly KpiService.KpiServiceClient _kpis = new(channel);

    /// <summary>Creates (or finds) <paramref name="count"/> pilots named "<paramref name="set"/>-NNNN" holding at least <paramref name="readings"/> readings each.</summary>
    public async Task<string[]> PrepareAsync(string set, int count, int readings, CancellationToken cancellationToken)
    {
        await CreateSetAsync(set, cancellationToken);
        var ids = Enumerable.Range(0, count).Select(i => $"{set}-{i:D4}").ToArray();
        var filled = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                await PreparePilotAsync(set, id, readings, ct);
                if (Interlocked.Increment(ref filled) % 100 == 0)
                    Console.Error.WriteLine($"  {set}: {filled}/{count} pilots ready");
            });
        return ids;
    }

    /// <summary>
    /// A write as a partner sends it: an update of one reading of a pilot of <paramref name="set"/>
    /// under its own idempotency key.
    /// </summary>
    public static SubmitUpdateRequest Update(string[] set, Random random) => new()
    {
        PilotId = set[random.Next(set.Length)],
        IdempotencyKey = Guid.NewGuid().ToString(),
        Period = Periods[random.Next(Periods.Length)],
        Readings = { new KpiReadingInput { KpiCode = KpiCode, Value = random.Next(1, 100) } },
    };

    /// <summary>A new key of the bench agency, the partner that reports on every bench pilot.</summary>
    public async Task<string> IssuePartnerKeyAsync(CancellationToken ct) =>
        (await new CredentialService.CredentialServiceClient(channel).CreateCredentialAsync(new CreateCredentialRequest
        {
            OrganisationId = Agency, Role = Role.PartnerAgency, Label = "load generator",
        }, cancellationToken: ct)).ApiKey;

    private async Task CreateSetAsync(string set, CancellationToken ct)
    {
        var cities = new CityService.CityServiceClient(channel);
        await cities.CreateCityAsync(new CreateCityRequest { CityId = "bench-city-a", Names = new() { En = "Bench city A" }, CountryCode = "VN", TimeZone = "Asia/Ho_Chi_Minh" }, cancellationToken: ct);
        await cities.CreateCityAsync(new CreateCityRequest { CityId = "bench-city-b", Names = new() { En = "Bench city B" }, CountryCode = "JP", TimeZone = "Asia/Tokyo" }, cancellationToken: ct);
        await new OrganisationService.OrganisationServiceClient(channel).CreateOrganisationAsync(new CreateOrganisationRequest
        {
            OrganisationId = Agency,
            Names = new() { En = "Bench agency" },
            Kind = OrganisationKind.PartnerAgency,
            CityId = "bench-city-a",
        }, cancellationToken: ct);
        await new PartnershipService.PartnershipServiceClient(channel).CreatePartnershipAsync(new CreatePartnershipRequest
        {
            PartnershipId = set,
            Name = new() { En = $"Benchmark set {set}" },
            FirstCityId = "bench-city-a",
            SecondCityId = "bench-city-b",
            Relations = { new RelationStage { Kind = RelationKind.Friendship, SinceYear = 2020 } },
        }, cancellationToken: ct);
        await new ProgrammeService.ProgrammeServiceClient(channel).CreateProgrammeAsync(new CreateProgrammeRequest
        {
            ProgrammeId = $"{set}-programme",
            OwnerKind = ProgrammeOwnerKind.Partnership,
            OwnerId = set,
            Name = new() { En = "Benchmark programme" },
            Start = "2015-01-01",
        }, cancellationToken: ct);
    }

    private async Task PreparePilotAsync(string set, string id, int readings, CancellationToken ct)
    {
        var pilot = await _pilots.CreatePilotAsync(new CreatePilotRequest
        {
            PilotId = id,
            PartnershipId = set,
            ProgrammeId = $"{set}-programme",
            Title = new LocalizedText { En = $"Benchmark pilot {id}" },
            Kind = PilotKind.Other,
            CityId = "bench-city-a",
            LeadOrganisationId = Agency,
            SkipKpiTemplates = true,
        }, cancellationToken: ct);
        if (pilot.Kpis.Count == 0)
        {
            await _kpis.DefineKpiAsync(new DefineKpiRequest
            {
                Subject = $"pilots/{id}",
                KpiCode = KpiCode,
                Name = new LocalizedText { En = "Benchmark output" },
                Unit = "t",
                Direction = KpiDirection.HigherIsBetter,
                Aggregation = KpiAggregation.Incremental,
                Baseline = new KpiPoint { Value = 0, Date = "2015-01-01" },
                Target = new KpiPoint { Value = 1_000_000, Date = "2030-12-31" },
            }, cancellationToken: ct);
        }
        for (var held = pilot.ReadingCount; held < readings;)
        {
            var batch = (int)Math.Min(1000, readings - held);
            var request = new RecordKpiReadingsRequest { Subject = $"pilots/{id}" };
            for (var i = 0; i < batch; i++)
                request.Readings.Add(new KpiReadingInput { KpiCode = KpiCode, Period = Periods[(held + i) % Periods.Length], Value = 1 + i % 7 });
            await _kpis.RecordKpiReadingsAsync(request, cancellationToken: ct);
            held += batch;
        }
    }
}
