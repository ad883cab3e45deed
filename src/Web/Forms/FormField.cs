namespace Cooperation.Web.Forms;

/// <summary>One input of a form as <c>_Field.cshtml</c> draws it: label, hint, message, value.</summary>
/// <param name="Name">The name the form sends it under (and its id).</param>
/// <param name="Label">Its label.</param>
/// <param name="Value">What it holds (never a password).</param>
/// <param name="Error">Its message, or null.</param>
/// <param name="Type">The input's type ("text", "email", "password"), or "textarea" for several lines.</param>
/// <param name="Autocomplete">The autocomplete hint ("email", "current-password", "new-password").</param>
/// <param name="Hint">A sentence under the label, or null.</param>
/// <param name="Required">Whether it must be filled (false: an optional field, e.g. a reason some choices need).</param>
/// <param name="List">The id of a datalist of suggestions, or null.</param>
public sealed record FormField(string Name, string Label, string? Value, string? Error, string Type = "text",
    string? Autocomplete = null, string? Hint = null, bool Required = true, string? List = null);
