using Cooperation.Contracts.Jcm;
using Cooperation.Contracts.Submissions;

namespace Cooperation.Web.Reading;

/// <summary>One monitoring period of a JCM pilot, with where it stands with the verifier.</summary>
/// <param name="Result">What the pilot computed: reference, project and reduced emissions, credits and their split.</param>
/// <param name="Verification">Its verification; Submitted when the verifier has not decided.</param>
internal sealed record JcmPeriodRow(MonitoringResult Result, ReviewStatus Verification);

/// <summary>A holder's credits: over every period recorded, and over the verified ones.</summary>
/// <param name="Party">The holder, as the plan names it.</param>
/// <param name="Holder">Which kind of holder.</param>
/// <param name="Credits">Whole tonnes over every period.</param>
/// <param name="VerifiedCredits">Whole tonnes over the verified periods.</param>
internal sealed record JcmHolderRow(string Party, CreditHolder Holder, long Credits, long VerifiedCredits);

/// <summary>
/// The JCM section of a pilot page, from the pilot's <see cref="JcmView"/>: each monitoring period
/// with its verification, and each holder's credits (all and verified), as the view totals them
/// (<see cref="JcmView.Allocated"/>, <see cref="JcmView.VerifiedAllocated"/>); nothing recomputed.
/// </summary>
/// <param name="Periods">Monitoring periods, in the order recorded.</param>
/// <param name="Holders">Holders in the order they first appear.</param>
internal sealed record JcmFigures(IReadOnlyList<JcmPeriodRow> Periods, IReadOnlyList<JcmHolderRow> Holders)
{
    /// <summary>The section of <paramref name="jcm"/>.</summary>
    public static JcmFigures Of(JcmView jcm)
    {
        var periods = jcm.Periods.Select(p => new JcmPeriodRow(p,
            jcm.Verifications.FirstOrDefault(v => v.PeriodId == p.Input.PeriodId)?.Status ?? ReviewStatus.Submitted)).ToArray();
        var verified = jcm.VerifiedAllocated.ToDictionary(a => (a.Party, a.Holder), a => a.Credits);
        var holders = jcm.Allocated.Select(a => new JcmHolderRow(a.Party, a.Holder, a.Credits, verified.GetValueOrDefault((a.Party, a.Holder)))).ToArray();
        return new(periods, holders);
    }
}
