using System.Globalization;
using System.Text.RegularExpressions;

namespace Cooperation.LoadGenerator;

/// <summary>
/// The web host's own time of an answer, from its <c>Server-Timing</c> header (ms): <c>app</c>,
/// the whole, and <c>handler</c>, the part the page's handler took (its grain calls).
/// </summary>
public sealed partial record ServerTime(double App, double? Handler)
{
    /// <summary>The times <paramref name="response"/> gave; null when it gave no <c>app</c> time.</summary>
    public static ServerTime? Of(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var values))
            return null;
        var header = string.Join(",", values);
        return Duration(header, "app") is { } app ? new ServerTime(app, Duration(header, "handler")) : null;
    }

    private static double? Duration(string header, string metric) =>
        Metric().Matches(header).FirstOrDefault(m => m.Groups[1].Value == metric) is { } match
            ? double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"(?:^|,)\s*([A-Za-z0-9_-]+)\s*;[^,]*\bdur=([0-9.]+)")]
    private static partial Regex Metric();
}
