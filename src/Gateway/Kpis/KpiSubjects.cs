using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Programmes;
using Cooperation.Gateway.Common;

namespace Cooperation.Gateway.Kpis;

/// <summary>Resolves a KPI subject name, "pilots/{id}" or "programmes/{id}", to its grain.</summary>
internal sealed class KpiSubjects(GrainReferences<IPilotGrain> pilots, GrainReferences<IProgrammeGrain> programmes)
{
    /// <summary>The grain named by <paramref name="subject"/>; InvalidArgument on any other form.</summary>
    public IKpiSubject Get(string subject)
    {
        var slash = subject.IndexOf('/', StringComparison.Ordinal);
        var (collection, id) = slash < 0 ? ("", "") : (subject[..slash], subject[(slash + 1)..]);
        return collection switch
        {
            "pilots" => pilots.Get(Field.Id(id, "subject")),
            "programmes" => programmes.Get(Field.Id(id, "subject")),
            _ => throw new InvalidFieldException("subject", "must be \"pilots/{pilot_id}\" or \"programmes/{programme_id}\""),
        };
    }
}
