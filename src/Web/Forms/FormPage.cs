using Cooperation.Contracts.Common;
using Cooperation.Web.Words;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cooperation.Web.Forms;

/// <summary>
/// A page with a form: the messages of its fields, in the person's language, shown next to each
/// field (<c>_Field.cshtml</c>) and summed up above the form; and a message for the whole form.
/// Nothing is stored while a field is refused.
/// </summary>
public abstract class FormPage : PageModel
{
    /// <summary>Field name (as the form sends it) → its message.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A message about the whole form (a refused sign-in), or null.</summary>
    public string? Problem { get; protected set; }

    /// <summary>The message of <paramref name="field"/>, or null.</summary>
    public string? Error(string field) => Errors.GetValueOrDefault(field);

    /// <summary>Whether no field was refused.</summary>
    public bool Valid => Errors.Count == 0;

    /// <summary>This request's words.</summary>
    internal PageWords W => HttpContext.RequestServices.GetRequiredService<PageWords>();

    /// <summary>Refuses <paramref name="field"/> with <paramref name="message"/> (the first message of a field stays).</summary>
    protected void Refuse(string field, string message) => Errors.TryAdd(field, message);

    /// <summary>Refuses the fields of <paramref name="invalid"/>: the domain's field name → the form's, its rule in the person's language.</summary>
    protected void Refuse(InvalidFieldException invalid, IReadOnlyDictionary<string, string> formFields)
    {
        foreach (var (field, message) in Messages(invalid, formFields, W))
            Refuse(field, message);
    }

    /// <summary>
    /// The fields of <paramref name="invalid"/> as a form names them (<paramref name="formFields"/>: the
    /// domain's field name → the form's), each with its rule in the person's language; for pages whose
    /// forms sit beside what they read (the pilot page's management forms).
    /// </summary>
    internal static IEnumerable<(string Field, string Message)> Messages(InvalidFieldException invalid,
        IReadOnlyDictionary<string, string> formFields, PageWords words) =>
        invalid.Violations.Select(v => (formFields.GetValueOrDefault(v.Field, v.Field), words.Rule(v.Description)));

    /// <summary>
    /// The e-mail address in <paramref name="value"/> as accounts keep it (<see cref="Contracts.People.AccountEmail"/>);
    /// null, with <paramref name="field"/> refused, when it is blank or no address.
    /// </summary>
    protected string? EmailAddress(string field, string? value)
    {
        if (Required(field, value).Length == 0)
            return null;
        try
        {
            return Contracts.People.AccountEmail.Normalise(value, field);
        }
        catch (InvalidFieldException invalid)
        {
            Refuse(invalid, new Dictionary<string, string> { [field] = field });
            return null;
        }
    }

    /// <summary><paramref name="value"/> trimmed; refuses <paramref name="field"/> when it is blank.</summary>
    protected string Required(string field, string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
            Refuse(field, W["field.required"]);
        return trimmed;
    }
}
