namespace Cooperation.Web.Forms;

/// <summary>One choice of a form as <c>_Choice.cshtml</c> draws it: a labelled list, its hint and message.</summary>
/// <param name="Name">The name the form sends it under (and its id).</param>
/// <param name="Label">Its label.</param>
/// <param name="Options">What may be chosen: the value sent and the words shown.</param>
/// <param name="Selected">The value chosen, or null.</param>
/// <param name="Error">Its message, or null.</param>
/// <param name="Hint">A sentence under the label, or null.</param>
/// <param name="Required">Whether one must be chosen (false: the list starts with an empty choice).</param>
public sealed record FormChoice(string Name, string Label, IReadOnlyList<(string Value, string Text)> Options, string? Selected,
    string? Error, string? Hint = null, bool Required = true);
