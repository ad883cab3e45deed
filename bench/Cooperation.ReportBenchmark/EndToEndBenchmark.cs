using System.Diagnostics;
using System.Globalization;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Hosting;
using Cooperation.Reports;
using Cooperation.Reports.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cooperation.ReportBenchmark;

/// <summary>
/// Times donor reports end to end on a running cluster, as the worker's report job makes them
/// (<see cref="DonorReportJob"/>: the latest revision asked of the archive, the figures gathered
/// from the grains by <see cref="DonorReportBuilder"/>, the files rendered one at a time and
/// archived in chunks by <see cref="ReportArchive"/>); only
/// delivery is left out. This process joins the cluster as an Orleans client, as the worker does, and
/// runs that code itself, so its peak resident memory (VmHWM, reset before each format) is what a
/// worker needs for the report. The portfolio is loaded once and kept in the database for later runs.
/// Configuration as the worker's (ConnectionStrings__Cooperation, Orleans__ClusterId, Orleans__ServiceId).
/// </summary>
public static class EndToEndBenchmark
{
    private const string Prefix = "reportbench";

    /// <summary>
    /// <paramref name="rounds"/> rounds over a portfolio of <paramref name="pilots"/> × <paramref name="kpis"/> ×
    /// <paramref name="periods"/>; with <paramref name="demo"/>, also the demo partnership's report (moej/monthly).
    /// Prints a line per round (key=value).
    /// </summary>
    public static async Task RunAsync(int rounds, int pilots, int kpis, int periods, bool demo)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddClusterClient();
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        CallerContext.ActAsPlatform();

        var prefix = $"{Prefix}{pilots}x{kpis}x{periods}";
        var clock = Stopwatch.StartNew();
        var (subscription, _, period) = await GatherBenchmark.LoadOnceAsync(grains, prefix, pilots, kpis, periods);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"portfolio {prefix} ready in {clock.Elapsed.TotalSeconds:F0} s"));
        var reports = new DonorReportBuilder(grains);
        var archive = new ReportArchive(grains);
        var demoSubscription = demo ? await grains.GetGrain<IReportSubscriptionsGrain>("moej").Get("monthly") : null;

        for (var round = 0; round <= rounds; round++)
        {
            var line = new List<string>();
            var seconds = new Dictionary<ReportFormats, double>();
            var peak = 0.0;
            foreach (var format in new[] { ReportFormats.Csv, ReportFormats.Html, ReportFormats.Pdf })
            {
                var one = subscription with { Definition = subscription.Definition with { Formats = format } };
                ResetPeakMemory();
                clock.Restart();
                await ReportAsync(reports, archive, one, period);
                seconds[format] = clock.Elapsed.TotalSeconds;
                peak = Math.Max(peak, PeakMemoryMegabytes());
                line.Add(string.Create(CultureInfo.InvariantCulture, $"report_{format.ToString().ToLowerInvariant()}_s={seconds[format]:F2}"));
            }
            line.Add(string.Create(CultureInfo.InvariantCulture, $"pdf_to_csv={seconds[ReportFormats.Pdf] / seconds[ReportFormats.Csv]:F2} report_peak_mb={peak:F0}"));
            if (demoSubscription is not null)
            {
                var due = ReportCalendar.Of(demoSubscription, new DonorReportOptions()).DuePeriod(DateTimeOffset.UtcNow);
                clock.Restart();
                await ReportAsync(reports, archive, demoSubscription, due);
                line.Add(string.Create(CultureInfo.InvariantCulture, $"demo_report_s={clock.Elapsed.TotalSeconds:F2}"));
            }
            // Round 0 warms the grains and the JIT up; it does not count.
            Console.WriteLine(round == 0 ? $"warm-up {string.Join(' ', line)}" : $"round={round} {string.Join(' ', line)}");
        }
        await host.StopAsync();
    }

    /// <summary>
    /// The job's first-report path: the latest revision, the figures, the files, the next revision
    /// archived. Where its time went goes to standard error (seconds per step).
    /// </summary>
    private static async Task ReportAsync(DonorReportBuilder reports, ReportArchive archive, ReportSubscriptionView subscription, ReportingPeriod period)
    {
        var (donorId, subscriptionId) = (subscription.Definition.DonorOrganisationId, subscription.SubscriptionId);
        var clock = Stopwatch.StartNew();
        var latest = await archive.LatestRevisionAsync(donorId, subscriptionId, period);
        var asked = clock.Elapsed;
        var report = await reports.BuildAsync(subscription, period, DateTimeOffset.UtcNow);
        report = report with { Revision = (latest?.Revision ?? 0) + 1 };
        var gathered = clock.Elapsed;
        // Rendered one format at a time and archived in chunks, as the job does.
        var files = await archive.SaveAsync(report, subscription.Definition.Formats);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"steps {donorId}/{subscriptionId} {subscription.Definition.Formats}: latest_s={asked.TotalSeconds:F2} gather_s={(gathered - asked).TotalSeconds:F2} render_and_archive_s={(clock.Elapsed - gathered).TotalSeconds:F2} bytes={files.Sum(f => f.Size)} peak_mb={PeakMemoryMegabytes():F0}"));
    }

    // Writing 5 to clear_refs resets the peak resident set size (VmHWM) to the current one (Linux).
    private static void ResetPeakMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        File.WriteAllText("/proc/self/clear_refs", "5");
    }

    /// <summary>The most resident memory the process held since the last reset (Linux /proc), in MB.</summary>
    public static double PeakMemoryMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
