using System.Collections.Frozen;
using Cooperation.Contracts.DonorReports;

namespace Cooperation.Reports.Rendering;

/// <summary>
/// The registry of report formats: every sealed <see cref="ReportFileFormat"/> of this assembly,
/// one per flag of <see cref="ReportFormats"/>. A flag without its class, a flag with two, a class
/// naming no single defined flag, or two formats sharing an extension fail the first use (and
/// <c>ReportFileFormatsTests</c>), never a silent default.
/// </summary>
public static class ReportFileFormats
{
    private static readonly FrozenDictionary<ReportFormats, ReportFileFormat> ByFlag = Build();

    /// <summary>Every format, in flag order.</summary>
    public static IReadOnlyList<ReportFileFormat> All { get; } = [.. ByFlag.Values.OrderBy(f => f.Flag)];

    /// <summary>The format of <paramref name="flag"/>, one flag; anything else is a programming error (validate input first).</summary>
    public static ReportFileFormat Of(ReportFormats flag) => ByFlag.TryGetValue(flag, out var format)
        ? format
        : throw new ArgumentOutOfRangeException(nameof(flag), flag, "No report format has this flag: one defined flag at a time.");

    /// <summary>The formats <paramref name="formats"/> names, in flag order; a flag without its format is a programming error.</summary>
    public static IReadOnlyList<ReportFileFormat> In(ReportFormats formats)
    {
        var named = All.Where(f => formats.HasFlag(f.Flag)).ToArray();
        var unknown = formats & ~named.Aggregate(ReportFormats.None, (all, f) => all | f.Flag);
        return unknown == ReportFormats.None
            ? named
            : throw new ArgumentOutOfRangeException(nameof(formats), formats, $"No report format has the flags {(int)unknown}.");
    }

    private static FrozenDictionary<ReportFormats, ReportFileFormat> Build()
    {
        var formats = typeof(ReportFileFormat).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(ReportFileFormat)) && !type.IsAbstract)
            .Select(type => (ReportFileFormat)Activator.CreateInstance(type)!)
            .ToArray();
        var flags = Enum.GetValues<ReportFormats>().Where(f => f != ReportFormats.None).ToArray();
        var notOneFlag = flags.Where(f => ((int)f & ((int)f - 1)) != 0).ToArray();
        if (notOneFlag.Length > 0)
            throw new InvalidOperationException($"{nameof(ReportFormats)} {string.Join(", ", notOneFlag)} must each be one flag (a power of two).");
        foreach (var twice in formats.GroupBy(f => f.Flag).Where(g => g.Count() > 1))
            throw new InvalidOperationException($"Report format {twice.Key} has {twice.Count()} classes: {string.Join(", ", twice.Select(f => f.GetType().Name))}.");
        foreach (var twice in formats.GroupBy(f => f.Extension, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            throw new InvalidOperationException($"Report formats {string.Join(", ", twice.Select(f => f.GetType().Name))} share the extension {twice.Key}.");
        var missing = flags.Except(formats.Select(f => f.Flag)).ToArray();
        if (missing.Length > 0)
            throw new InvalidOperationException($"Report format {string.Join(", ", missing)} has no {nameof(ReportFileFormat)} class.");
        var unknown = formats.Where(f => !flags.Contains(f.Flag)).ToArray();
        if (unknown.Length > 0)
            throw new InvalidOperationException($"{string.Join(", ", unknown.Select(f => f.GetType().Name))} names no single {nameof(ReportFormats)} flag.");
        return formats.ToFrozenDictionary(f => f.Flag);
    }
}
