using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Web.Pages;

namespace Cooperation.Web.Forms;

/// <summary>
/// A form that creates something in a partnership (a pilot, a programme): the partnership as its
/// grain shows it to the person (refused before anything else is read), whether the person may
/// manage it (<see cref="AccessPolicy"/> on its scope: the form is shown, the grain still decides),
/// what the form sent, and the domain's field rules read into the form's fields.
/// </summary>
public abstract class PartnershipForm(IGrainFactory grains) : FormPage
{
    /// <summary>The cluster, as the person.</summary>
    protected IGrainFactory Grains => grains;

    /// <summary>The partnership, as its grain shows it to the person.</summary>
    public PartnershipView Partnership { get; private set; } = null!;

    /// <summary>Whether the person may create things in the partnership.</summary>
    public bool MayCreate { get; private set; }

    /// <summary>The definition's field names (as the API spells them) → the form's.</summary>
    protected abstract IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>What the form sent in <paramref name="field"/>, to show it again; null on a read.</summary>
    public string? Sent(string field) => HttpMethods.IsPost(Request.Method) ? Request.Form[field].ToString() : null;

    /// <summary>Reads partnership <paramref name="id"/> (403/404 as its grain answers).</summary>
    protected async Task ReadPartnershipAsync(string id)
    {
        Partnership = await grains.GetGrain<IPartnershipGrain>(ReadPage.PathId(id, "partnership")).Get();
        MayCreate = AccessPolicy.Allows(CallerContext.Current, Permission.ManagePartnership, Partnership.AccessScope);
    }

    /// <summary>The value of a domain rule, or null with its field refused.</summary>
    protected T? Checked<T>(Func<T> read) where T : class
    {
        try
        {
            return read();
        }
        catch (InvalidFieldException invalid)
        {
            Refuse(invalid, Fields);
            return null;
        }
    }

    /// <summary>A date by the domain's rule, or null (also when none was given) with its field refused.</summary>
    protected DateOnly? Date(Func<DateOnly?> read)
    {
        try
        {
            return read();
        }
        catch (InvalidFieldException invalid)
        {
            Refuse(invalid, Fields);
            return null;
        }
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
