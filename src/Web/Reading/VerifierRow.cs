using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Web.Words;

namespace Cooperation.Web.Reading;

/// <summary>A JCM pilot on its verifier's home: its monitoring periods awaiting the verifier, and all of them.</summary>
/// <param name="PilotId">The pilot.</param>
/// <param name="Title">Its title in the person's language, or its id when the verifier may not read the pilot itself.</param>
/// <param name="Awaiting">Periods submitted and not yet decided.</param>
/// <param name="Periods">Periods recorded.</param>
internal sealed record VerifierRow(string PilotId, string Title, int Awaiting, int Periods)
{
    /// <summary>The rows of <paramref name="pilots"/>, those with periods awaiting first, then by title.</summary>
    public static IReadOnlyList<VerifierRow> Of(IEnumerable<(string PilotId, PilotSummary? Pilot, JcmView Jcm)> pilots, PageWords words) =>
    [
        .. pilots.Select(p =>
        {
            var periods = JcmFigures.Of(p.Jcm).Periods;
            return new VerifierRow(p.PilotId, p.Pilot is { } pilot ? words.Name(pilot.Title) : p.PilotId,
                periods.Count(r => r.Verification == ReviewStatus.Submitted), periods.Count);
        })
        .OrderByDescending(r => r.Awaiting > 0).ThenBy(r => r.Title, StringComparer.CurrentCultureIgnoreCase),
    ];
}
