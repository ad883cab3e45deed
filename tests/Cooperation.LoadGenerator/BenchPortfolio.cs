using Cooperation.Contracts.Grpc;
using Grpc.Core;

namespace Cooperation.LoadGenerator;

/// <summary>
/// The pilots a load run writes to and reads: one partnership per set, pilots with one KPI each,
/// filled through the API to the number of readings the set asks for.
/// </summary>
public sealed class BenchPortfolio(PilotService.PilotServiceClient pilots, PartnershipService.PartnershipServiceClient partnerships)
{
    /// <summary>The KPI every bench pilot carries.</summary>
    public const string KpiCode = "bench-output";

    /// <summary>Past months readings are spread over (10 years).</summary>
    public static readonly string[] Periods = Enumerable.Range(0, 120)
        .Select(i => $"{2015 + i / 12:D4}-{i % 12 + 1:D2}")
        .ToArray();

    /// <summary>Creates (or finds) <paramref name="count"/> pilots named "<paramref name="set"/>-NNNN" holding at least <paramref name="readings"/> readings each.</summary>
    public async Task<string[]> PrepareAsync(string set, int count, int readings, CancellationToken cancellationToken)
    {
        await partnerships.CreatePartnershipAsync(new CreatePartnershipRequest
        {
            PartnershipId = set,
            Name = new LocalizedText { En = $"Benchmark set {set}" },
            FirstCityId = "bench-city-a",
            SecondCityId = "bench-city-b",
            Relation = RelationKind.Friendship,
        }, cancellationToken: cancellationToken);

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

    private async Task PreparePilotAsync(string set, string id, int readings, CancellationToken ct)
    {
        var pilot = await pilots.CreatePilotAsync(new CreatePilotRequest
        {
            PilotId = id,
            PartnershipId = set,
            Title = new LocalizedText { En = $"Benchmark pilot {id}" },
            Kind = PilotKind.Other,
        }, cancellationToken: ct);
        if (pilot.Kpis.Count == 0)
        {
            await pilots.DefineKpiAsync(new DefineKpiRequest
            {
                PilotId = id,
                KpiCode = KpiCode,
                Name = new LocalizedText { En = "Benchmark output" },
                Unit = "t",
                Baseline = new KpiPoint { Value = 0, Date = "2015-01-01" },
                Target = new KpiPoint { Value = 1_000_000, Date = "2030-12-31" },
                Aggregation = KpiAggregation.Incremental,
            }, cancellationToken: ct);
        }
        for (var held = pilot.ReadingCount; held < readings;)
        {
            var batch = (int)Math.Min(1000, readings - held);
            var request = new RecordKpiReadingsRequest { PilotId = id };
            for (var i = 0; i < batch; i++)
                request.Readings.Add(new KpiReadingInput { KpiCode = KpiCode, Period = Periods[(held + i) % Periods.Length], Value = 1 + i % 7 });
            await pilots.RecordKpiReadingsAsync(request, cancellationToken: ct);
            held += batch;
        }
    }
}
