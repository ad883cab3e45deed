using System.Diagnostics;
using System.Globalization;
using Cooperation.Contracts.DonorReports;
using Cooperation.Reports.Rendering;
using Cooperation.ReportBenchmark;

// Times a donor report over a synthetic portfolio and prints, per format, the time and the size,
// then the process's peak memory (VmHWM):
//   dotnet bench/Cooperation.ReportBenchmark/bin/Release/net10.0/Cooperation.ReportBenchmark.dll [pilots] [kpis] [periods] [save-to-dir] [en|vi|ja]
// With "gather" first, times gathering the report's data from the grains instead (GatherBenchmark):
//   … Cooperation.ReportBenchmark.dll gather CONNECTION-STRING [pilots] [kpis] [periods] [rounds]
// With "endtoend", times reports end to end on a running cluster (EndToEndBenchmark; ops/bench-reports.sh runs it):
//   … Cooperation.ReportBenchmark.dll endtoend [rounds] [pilots] [kpis] [periods] [--demo]
if (args.Length > 0 && args[0] == "endtoend")
{
    var numbers = args.Skip(1).Where(a => a != "--demo").Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
    int Number(int i, int fallback) => numbers.Length > i ? numbers[i] : fallback;
    await EndToEndBenchmark.RunAsync(Number(0, 3), Number(1, 1000), Number(2, 10), Number(3, 24), args.Contains("--demo"));
    return;
}
if (args.Length > 1 && args[0] == "gather")
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    await GatherBenchmark.RunAsync(args[1], Arg(2, 100), Arg(3, 10), Arg(4, 24), Arg(5, 5));
    return;
}
var pilots = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var kpis = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var periods = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 24;
var saveTo = args.Length > 3 ? args[3] : null;
var language = args.Length > 4 ? Enum.Parse<ReportLanguage>(args[4], ignoreCase: true) : ReportLanguage.Vi;

var clock = Stopwatch.StartNew();
var report = SyntheticPortfolio.Report(pilots, kpis, periods, language);
var built = clock.Elapsed;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"portfolio pilots={pilots} kpis={kpis} periods={periods} points={pilots * kpis * periods} build_s={built.TotalSeconds:F2}"));

var total = TimeSpan.Zero;
foreach (var format in ReportFileFormats.All)
{
    clock.Restart();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var bytes = format.Render(report);
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    total += clock.Elapsed;
    if (saveTo is not null)
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(saveTo).FullName, report.FileName(format.Flag)), bytes);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"format={format.Extension} seconds={clock.Elapsed.TotalSeconds:F2} cpu_s={cpu.TotalSeconds:F2} bytes={bytes.Length}"));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"report_seconds={total.TotalSeconds:F2} peak_memory_mb={EndToEndBenchmark.PeakMemoryMegabytes():F0}"));
