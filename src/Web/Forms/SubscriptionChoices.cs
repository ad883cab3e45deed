using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Programmes;

namespace Cooperation.Web.Forms;

/// <summary>One scope a subscription may cover, as the form offers it.</summary>
/// <param name="Kind">Partnership, programme or pilots.</param>
/// <param name="Value">The choice's value (<see cref="SubscriptionForm.ScopeValue"/>).</param>
/// <param name="Name">Its name, or null when only its id is known.</param>
internal sealed record ScopeChoice(ReportScopeKind Kind, string Value, LocalizedText? Name);

/// <summary>
/// What a subscription form offers: the partnerships, programmes and pilots the person may read
/// (the entity directory's readable ids, each entity deciding as for a single read), and the time
/// zones the domain accepts (this machine's IANA zones).
/// </summary>
internal static class SubscriptionChoices
{
    /// <summary>The IANA time zones, by id.</summary>
    public static IReadOnlyList<string> TimeZones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>The scopes the person may read, partnerships first; <paramref name="current"/> (an edited subscription's) among them.</summary>
    public static async Task<IReadOnlyList<ScopeChoice>> ScopesAsync(IGrainFactory grains, ReportScope? current)
    {
        var directory = grains.GetGrain<IEntityDirectoryGrain>(0);
        var partnerships = Task.WhenAll((await directory.ReadableIds(EntityTypes.Partnership)).Select(id => grains.GetGrain<IPartnershipGrain>(id).GetIfReadable()));
        var programmes = Task.WhenAll((await directory.ReadableIds(EntityTypes.Programme)).Select(id => grains.GetGrain<IProgrammeGrain>(id).GetIfReadable()));
        var pilots = Task.WhenAll((await directory.ReadableIds(EntityTypes.Pilot)).Select(id => grains.GetGrain<IPilotGrain>(id).GetSummaryIfReadable()));
        var choices = new List<ScopeChoice>();
        choices.AddRange((await partnerships).OfType<PartnershipView>().Select(p =>
            new ScopeChoice(ReportScopeKind.Partnership, "partnership:" + p.PartnershipId, p.Definition.Name)));
        choices.AddRange((await programmes).OfType<ProgrammeView>().Select(p =>
            new ScopeChoice(ReportScopeKind.Programme, "programme:" + p.ProgrammeId, p.Definition.Name)));
        choices.AddRange((await pilots).OfType<PilotSummary>().Select(p =>
            new ScopeChoice(ReportScopeKind.Pilots, "pilots:" + p.PilotId, p.Title)));
        if (current is not null && SubscriptionForm.ScopeValue(current) is var value && choices.All(c => c.Value != value))
            choices.Add(new ScopeChoice(current.Kind, value, null));
        return choices;
    }
}
