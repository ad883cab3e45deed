using System.Diagnostics;
using System.Globalization;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Cities;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Programmes;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;
using Cooperation.Reports;
using Cooperation.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cooperation.ReportBenchmark;

/// <summary>
/// Times gathering a donor report's data from the grains (<see cref="DonorReportBuilder"/>) on a
/// silo in this process on PostgreSQL, against a baseline measured in the same round: one
/// <c>IPilotGrain.Get</c> per pilot at the builder's parallelism. The ratio (gather ÷ baseline)
/// is what compares two builds on a shared machine; the last line holds the medians over rounds.
/// </summary>
public static class GatherBenchmark
{
    // As the builder's own bound, so the baseline is the same shape of work.
    private const int Parallelism = 16;

    // A pass of pilot reads takes a few milliseconds: several, averaged, steady the baseline.
    private const int BaselinePasses = 10;

    /// <summary>Runs it: a portfolio of <paramref name="pilots"/> × <paramref name="kpis"/> × <paramref name="periods"/> monthly figures, then the rounds.</summary>
    public static async Task RunAsync(string connectionString, int pilots, int kpis, int periods, int rounds)
    {
        var run = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cooperation"] = connectionString,
            ["Orleans:ClusterId"] = $"reportbench-{run}",
            ["Orleans:ServiceId"] = $"reportbench-{run}",
            ["Orleans:SiloPort"] = "11411",
            ["Orleans:GatewayPort"] = "30411",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddCooperationSilo();
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        CallerContext.ActAsPlatform();

        var clock = Stopwatch.StartNew();
        var (subscription, pilotIds, period) = await LoadAsync(grains, $"rb{run}", pilots, kpis, periods);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gather pilots={pilots} kpis={kpis} periods={periods} load_s={clock.Elapsed.TotalSeconds:F1}"));

        var report = new DonorReportBuilder(grains);
        var ratios = new List<(double Baseline, double Gather, double Ratio)>();
        for (var round = 0; round <= rounds; round++)
        {
            clock.Restart();
            for (var pass = 0; pass < BaselinePasses; pass++)
            {
                await Parallel.ForEachAsync(pilotIds, new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
                    async (id, _) => await grains.GetGrain<IPilotGrain>(id).Get());
            }
            var baseline = clock.Elapsed.TotalMilliseconds / BaselinePasses;
            clock.Restart();
            var built = await report.BuildAsync(subscription, period, DateTimeOffset.UtcNow);
            var gather = clock.Elapsed.TotalMilliseconds;
            if (built.Pilots.Count != pilots)
                throw new InvalidOperationException($"The report holds {built.Pilots.Count} pilots, not {pilots}.");
            // Round 0 warms the grains and the JIT up; it does not count.
            if (round == 0)
                continue;
            ratios.Add((baseline, gather, gather / baseline));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round={round} baseline_ms={baseline:F0} gather_ms={gather:F0} gather_to_baseline={gather / baseline:F2}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median_of={rounds} baseline_ms={Median(ratios.Select(r => r.Baseline)):F0} gather_ms={Median(ratios.Select(r => r.Gather)):F0} gather_to_baseline={Median(ratios.Select(r => r.Ratio)):F2}"));
        await host.StopAsync();
    }

    /// <summary>
    /// The portfolio of <paramref name="prefix"/>, loaded by <see cref="LoadAsync"/> unless its
    /// donor's subscription exists already (a portfolio kept in the database from an earlier run).
    /// </summary>
    internal static async Task<(ReportSubscriptionView, IReadOnlyList<string>, ReportingPeriod)> LoadOnceAsync(
        IGrainFactory grains, string prefix, int pilots, int kpis, int periods)
    {
        try
        {
            var subscription = await grains.GetGrain<IReportSubscriptionsGrain>($"{prefix}-donor").Get("monthly");
            return (subscription, Enumerable.Range(0, pilots).Select(i => $"{prefix}-pilot-{i:D4}").ToArray(), Months(periods)[^1]);
        }
        catch (EntityNotFoundException)
        {
            return await LoadAsync(grains, prefix, pilots, kpis, periods);
        }
    }

    private static ReportingPeriod[] Months(int periods) =>
        Enumerable.Range(0, periods).Select(i => ReportingPeriod.Containing(new DateOnly(2023, 1, 1).AddMonths(i), ReportingFrequency.Monthly)).ToArray();

    /// <summary>Cities, a donor, a partnership and programme, and its pilots, each with KPIs, the donor's funding and history.</summary>
    private static async Task<(ReportSubscriptionView, IReadOnlyList<string>, ReportingPeriod)> LoadAsync(
        IGrainFactory grains, string prefix, int pilots, int kpis, int periods)
    {
        var (first, second, agency, donor, partnershipId, programmeId) =
            ($"{prefix}-hp", $"{prefix}-kk", $"{prefix}-agency", $"{prefix}-donor", $"{prefix}-partnership", $"{prefix}-programme");
        await grains.GetGrain<ICityGrain>(first).Create(new(new LocalizedText("Hải Phòng", null, "Hai Phong"), "VN", "Asia/Ho_Chi_Minh"));
        await grains.GetGrain<ICityGrain>(second).Create(new(new LocalizedText(null, "北九州", "Kitakyushu"), "JP", "Asia/Tokyo"));
        await grains.GetGrain<IOrganisationGrain>(agency).Create(new(new LocalizedText(null, null, "URENCO"), OrganisationKind.PartnerAgency, first));
        await grains.GetGrain<IOrganisationGrain>(donor).Create(new(new LocalizedText(null, null, "MOEJ"), OrganisationKind.Donor, second));
        await grains.GetGrain<IPartnershipGrain>(partnershipId).Create(new(new LocalizedText(null, null, "Hai Phong – Kitakyushu"), first, second,
            [new RelationStage(RelationKind.SisterCity, 2014)]));
        await grains.GetGrain<IProgrammeGrain>(programmeId).Create(new(ProgrammeOwnerKind.Partnership, partnershipId,
            new LocalizedText(null, null, "Green Growth Promotion Plan"), new DateOnly(2014, 1, 1), null, ReportingFrequency.Monthly));
        var months = Months(periods);
        var ids = Enumerable.Range(0, pilots).Select(i => $"{prefix}-pilot-{i:D4}").ToArray();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (id, _) =>
        {
            var pilot = grains.GetGrain<IPilotGrain>(id);
            await pilot.Create(new PilotDefinition(partnershipId, programmeId, new LocalizedText("Sản xuất phân compost", null, $"Compost {id}"),
                PilotKind.Compost, ReportingFrequency.Monthly, first, "Tràng Cát", agency, []), Contracts.Pilots.Kinds.KpiTemplateChoice.None);
            await pilot.SetFundingLine(new FundingLine("moej-1", donor, Currency.Jpy, 45_000_000, 30_000_000));
            for (var k = 0; k < kpis; k++)
                await pilot.DefineKpi(new KpiDefinition($"kpi-{k}", new LocalizedText(null, null, $"Figure {k}"), "t", KpiMeasure.Number,
                    KpiDirection.HigherIsBetter, KpiAggregation.Incremental, new KpiPoint(0, new DateOnly(2023, 1, 1)),
                    new KpiPoint(1000, new DateOnly(2026, 12, 31)), []));
            // Migrated history, approved on load: every figure verified, as a long-running pilot's are.
            var readings = months.SelectMany(m => Enumerable.Range(0, kpis).Select(k => new KpiReadingInput($"kpi-{k}", m, 10 + k))).ToArray();
            foreach (var chunk in readings.Chunk(KpiReadingInput.MaxPerRequest))
                await pilot.RecordReadings(ValueList.Of(chunk), historical: true);
        });
        var subscriptions = grains.GetGrain<IReportSubscriptionsGrain>(donor);
        await subscriptions.Create("monthly", new ReportSubscriptionDefinition(donor, "Progress",
            new ReportScope(ReportScopeKind.Partnership, partnershipId, []), new ReportSchedule(ReportCadence.Monthly, null, "Asia/Tokyo"),
            ReportLanguage.Vi, ReportFormats.Pdf, FigureBasis.All, ["reports@example.org"], null));
        return (await subscriptions.Get("monthly"), ids, months[^1]);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
