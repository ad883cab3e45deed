namespace Cooperation.Web.Forms;

/// <summary>Boxes to tick as <c>_Checks.cshtml</c> draws them: a group with its legend, hint and message.</summary>
/// <param name="Name">The name each box sends its value under (the group's id).</param>
/// <param name="Legend">The group's legend.</param>
/// <param name="Options">The boxes: the value sent and the words shown.</param>
/// <param name="Ticked">The values ticked.</param>
/// <param name="Error">Its message, or null.</param>
/// <param name="Hint">A sentence under the legend, or null.</param>
/// <param name="Empty">What to say when there is nothing to tick.</param>
public sealed record FormChecks(string Name, string Legend, IReadOnlyList<(string Value, string Text)> Options, IReadOnlySet<string> Ticked,
    string? Error, string? Hint, string Empty);
