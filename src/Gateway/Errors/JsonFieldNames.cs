using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;

namespace Cooperation.Gateway.Errors;

/// <summary>
/// Field paths as a JSON caller writes them. The domain names fields by their proto names
/// (<c>milestones[0].milestone_id</c>), which gRPC callers see; over the JSON routes the same
/// field is <c>milestones[0].milestoneId</c>. Each segment that is a field of the request
/// message (followed through nested messages) takes its JSON name; anything else (e.g. a CSV
/// column in <c>rows[3].kpi_code</c>) stays as it is.
/// </summary>
internal static partial class JsonFieldNames
{
    /// <summary><paramref name="path"/> with the JSON names of the fields of <paramref name="request"/> it walks through.</summary>
    public static string Of(string path, MessageDescriptor request)
    {
        if (path.Length == 0)
            return path;
        var result = new StringBuilder(path.Length);
        MessageDescriptor? message = request;
        foreach (var segment in path.Split('.'))
        {
            if (result.Length > 0)
                result.Append('.');
            var parts = Segment().Match(segment);
            var name = parts.Groups["name"].Value;
            var field = message?.FindFieldByName(name);
            result.Append(field?.JsonName ?? name).Append(parts.Groups["index"].Value);
            message = field is { FieldType: FieldType.Message, IsMap: false } ? field.MessageType : null;
        }
        return result.ToString();
    }

    [GeneratedRegex(@"^(?<name>[^\[]*)(?<index>(\[[^\]]*\])*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
