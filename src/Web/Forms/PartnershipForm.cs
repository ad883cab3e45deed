using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Web.Pages;

namespace Cooperation.Web.Forms;

/// <summary>
/// A form that creates something in a partnership (a pilot, a programme): the partnership as its
/// grain shows it to the person (refused before anything else is read), whether the person may
/// manage it (<see cref="AccessPolicy"/> on its scope: the form is shown, the grain still decides),
/// and what <see cref="DefinitionForm"/> keeps of every creating form.
/// </summary>
public abstract class PartnershipForm(IGrainFactory grains) : DefinitionForm(grains)
{
    /// <summary>The partnership, as its grain shows it to the person.</summary>
    public PartnershipView Partnership { get; private set; } = null!;

    /// <summary>Whether the person may create things in the partnership.</summary>
    public bool MayCreate { get; private set; }

    /// <summary>Reads partnership <paramref name="id"/> (403/404 as its grain answers).</summary>
    protected async Task ReadPartnershipAsync(string id)
    {
        Partnership = await Grains.GetGrain<IPartnershipGrain>(ReadPage.PathId(id, "partnership")).Get();
        MayCreate = AccessPolicy.Allows(CallerContext.Current, Permission.ManagePartnership, Partnership.AccessScope);
    }

    /// <summary>The reporting frequency sent in <paramref name="field"/>, or null with the field refused.</summary>
    protected ReportingFrequency? Frequency(string field)
    {
        if (Enum.TryParse<ReportingFrequency>(Sent(field), false, out var chosen) && Field.IsChoice(chosen))
            return chosen;
        Refuse(field, W["manage.choose"]);
        return null;
    }
}
