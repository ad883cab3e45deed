using Cooperation.Contracts.Common;

namespace Cooperation.Web.Forms;

/// <summary>
/// A form that creates something through a grain's Create as the person: what the form sent, and
/// the domain's field rules read into the form's fields (the definition's names, as the API spells
/// them, mapped to the form's), so the form refuses exactly what the API refuses.
/// </summary>
public abstract class DefinitionForm(IGrainFactory grains) : FormPage
{
    /// <summary>The cluster, as the person.</summary>
    protected IGrainFactory Grains => grains;

    /// <summary>The definition's field names (as the API spells them) → the form's.</summary>
    protected abstract IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>What the form sent in <paramref name="field"/>, to show it again; null on a read.</summary>
    public string? Sent(string field) => HttpMethods.IsPost(Request.Method) ? Request.Form[field].ToString() : null;

    /// <summary>The values the form sent under <paramref name="field"/> (ticked boxes); none on a read.</summary>
    public IReadOnlySet<string> SentAll(string field) => HttpMethods.IsPost(Request.Method)
        ? Request.Form[field].OfType<string>().ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

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

    /// <summary>Refuses the fields the domain names in <paramref name="invalid"/>.</summary>
    protected void Refuse(InvalidFieldException invalid) => Refuse(invalid, Fields);
}
