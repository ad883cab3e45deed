using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using RpcStatus = Google.Rpc.Status;

namespace Cooperation.Gateway.Errors;

/// <summary>
/// Checks a JSON route's body and query against the request message before JSON transcoding
/// reads them, so that a malformed request is refused the platform's way: InvalidArgument naming
/// each field as the caller wrote it (<c>readings[0].value: must be a number</c>), an unknown enum
/// value with the valid ones, never a .NET type name, and one log line. What passes is read by
/// JSON transcoding as before; unknown properties are ignored, as it ignores them.
/// </summary>
internal sealed partial class JsonRequestCheck(RequestDelegate next, ILogger<JsonRequestCheck> logger)
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>Checks the request of a JSON route, then runs the rest of the pipeline.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        var route = http.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
        if (route is null || HttpStatuses.IsGrpc(http.Request))
        {
            await next(http);
            return;
        }
        var violations = new List<BadRequest.Types.FieldViolation>();
        foreach (var (key, values) in http.Request.Query)
            CheckQuery(key, values, route.MethodDescriptor.InputType, violations);
        string? malformed = null;
        if (BodyOf(route) is { } body && http.Request.HasJsonContentType())
        {
            http.Request.EnableBuffering();
            try
            {
                using var document = await JsonDocument.ParseAsync(http.Request.Body, Options, http.RequestAborted);
                CheckMessage(document.RootElement, body, "", violations);
            }
            catch (JsonException error)
            {
                malformed = $"the request body is not valid JSON (line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1})";
            }
            http.Request.Body.Position = 0;
        }
        if (malformed is null && violations.Count == 0)
        {
            await next(http);
            return;
        }
        var status = new RpcStatus
        {
            Code = (int)Code.InvalidArgument,
            Message = malformed ?? string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")),
        };
        if (violations.Count > 0)
            status.Details.Add(Any.Pack(new BadRequest { FieldViolations = { violations } }));
        LogRefused(logger, http.Request.Method, http.Request.Path, status.Message);
        await StatusResponses.WriteAsync(http, status);
    }

    /// <summary>The message the body holds: the request, one of its fields, or none.</summary>
    private static MessageDescriptor? BodyOf(GrpcJsonTranscodingMetadata route) => route.HttpRule.Body switch
    {
        "" => null,
        "*" => route.MethodDescriptor.InputType,
        var field => route.MethodDescriptor.InputType.FindFieldByName(field) is { FieldType: FieldType.Message, IsRepeated: false } message
            ? message.MessageType
            : null,
    };

    private static void CheckMessage(JsonElement json, MessageDescriptor message, string path, List<BadRequest.Types.FieldViolation> violations)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            violations.Add(Violation(path, "must be an object"));
            return;
        }
        foreach (var property in json.EnumerateObject())
        {
            if (Find(message, property.Name) is { } field)
                CheckField(property.Value, field, Join(path, property.Name), violations);
        }
    }

    private static void CheckField(JsonElement json, FieldDescriptor field, string path, List<BadRequest.Types.FieldViolation> violations)
    {
        if (json.ValueKind == JsonValueKind.Null)
            return;
        if (field.IsMap)
        {
            if (json.ValueKind != JsonValueKind.Object)
                violations.Add(Violation(path, "must be an object"));
            else
            {
                var value = field.MessageType.FindFieldByNumber(2);
                foreach (var entry in json.EnumerateObject())
                    CheckValue(entry.Value, value, $"{path}[{entry.Name}]", violations);
            }
            return;
        }
        if (field.IsRepeated)
        {
            if (json.ValueKind != JsonValueKind.Array)
            {
                violations.Add(Violation(path, "must be a list"));
                return;
            }
            var index = 0;
            foreach (var item in json.EnumerateArray())
                CheckValue(item, field, $"{path}[{index++}]", violations);
            return;
        }
        CheckValue(json, field, path, violations);
    }

    private static void CheckValue(JsonElement json, FieldDescriptor field, string path, List<BadRequest.Types.FieldViolation> violations)
    {
        if (json.ValueKind == JsonValueKind.Null)
            return;
        var problem = field.FieldType switch
        {
            // Well-known types (timestamps, structs) have JSON forms of their own.
            FieldType.Message when field.MessageType.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal) => null,
            FieldType.Message when json.ValueKind == JsonValueKind.Object => Nested(json, field.MessageType, path, violations),
            FieldType.Message => "must be an object",
            FieldType.Enum => json.ValueKind switch
            {
                JsonValueKind.String when IsEnumName(field.EnumType, json.GetString()!) => null,
                JsonValueKind.Number when json.TryGetInt32(out _) => null,
                _ => $"must be one of {string.Join(", ", field.EnumType.Values.Where(v => v.Number != 0).Select(v => v.Name))}",
            },
            FieldType.String => json.ValueKind == JsonValueKind.String ? null : "must be a string",
            FieldType.Bool => json.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false",
            FieldType.Bytes => json.ValueKind == JsonValueKind.String && IsBase64(json.GetString()!) ? null : "must be a base64 string",
            FieldType.Double or FieldType.Float => IsReal(json) ? null : "must be a number",
            var integer => IsInteger(json, integer) ? null : $"must be a whole number from {Range(integer).Min} to {Range(integer).Max}",
        };
        if (problem is not null)
            violations.Add(Violation(path, problem));
    }

    private static string? Nested(JsonElement json, MessageDescriptor message, string path, List<BadRequest.Types.FieldViolation> violations)
    {
        CheckMessage(json, message, path, violations);
        return null;
    }

    /// <summary>A query parameter that names a field (e.g. <c>figures</c>, <c>pageSize</c>) must hold a value of its type.</summary>
    private static void CheckQuery(string key, IEnumerable<string?> values, MessageDescriptor message, List<BadRequest.Types.FieldViolation> violations)
    {
        FieldDescriptor? field = null;
        MessageDescriptor? within = message;
        foreach (var name in key.Split('.'))
        {
            field = within is null ? null : Find(within, name);
            if (field is null)
                return;
            within = field.FieldType == FieldType.Message ? field.MessageType : null;
        }
        if (field is null || field.FieldType == FieldType.Message)
            return;
        foreach (var value in values)
        {
            var problem = field.FieldType switch
            {
                FieldType.Enum when !IsEnumName(field.EnumType, value ?? "") && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) =>
                    $"must be one of {string.Join(", ", field.EnumType.Values.Where(v => v.Number != 0).Select(v => v.Name))}",
                FieldType.Bool when !bool.TryParse(value, out _) => "must be true or false",
                FieldType.Double or FieldType.Float when !IsRealText(value) => "must be a number",
                FieldType.Int32 or FieldType.Int64 or FieldType.UInt32 or FieldType.UInt64 or FieldType.SInt32 or FieldType.SInt64
                    or FieldType.Fixed32 or FieldType.Fixed64 or FieldType.SFixed32 or FieldType.SFixed64
                    when !IsInRange(value, field.FieldType) => $"must be a whole number from {Range(field.FieldType).Min} to {Range(field.FieldType).Max}",
                _ => null,
            };
            if (problem is not null)
            {
                violations.Add(Violation(key, problem));
                return;
            }
        }
    }

    private static FieldDescriptor? Find(MessageDescriptor message, string name) =>
        message.FindFieldByName(name) ?? message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name);

    private static bool IsEnumName(EnumDescriptor type, string name) => type.FindValueByName(name) is not null;

    // As JSON transcoding reads them: a number, or one of the named non-finite values (which the
    // domain then refuses by field).
    private static bool IsReal(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Number => json.TryGetDouble(out _),
        JsonValueKind.String => json.GetString() is "NaN" or "Infinity" or "-Infinity",
        _ => false,
    };

    private static bool IsRealText(string? text) =>
        text is "NaN" or "Infinity" or "-Infinity" || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    // As JSON transcoding reads them: a plain whole number; 64-bit ones also as strings.
    private static bool IsInteger(JsonElement json, FieldType type) => (json.ValueKind, type) switch
    {
        (JsonValueKind.Number, FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32) => json.TryGetInt32(out _),
        (JsonValueKind.Number, FieldType.UInt32 or FieldType.Fixed32) => json.TryGetUInt32(out _),
        (JsonValueKind.Number, FieldType.UInt64 or FieldType.Fixed64) => json.TryGetUInt64(out _),
        (JsonValueKind.Number, _) => json.TryGetInt64(out _),
        (JsonValueKind.String, FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64) =>
            IsInRange(json.GetString(), type),
        _ => false,
    };

    private static bool IsInRange(string? text, FieldType type) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
        && number >= Range(type).Min && number <= Range(type).Max;

    private static (decimal Min, decimal Max) Range(FieldType type) => type switch
    {
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => (int.MinValue, int.MaxValue),
        FieldType.UInt32 or FieldType.Fixed32 => (0, uint.MaxValue),
        FieldType.UInt64 or FieldType.Fixed64 => (0, ulong.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static BadRequest.Types.FieldViolation Violation(string field, string description) => new() { Field = field, Description = description };

    [LoggerMessage(LogLevel.Information, "{HttpMethod} {Path}: refused a malformed request: {Reason}")]
    private static partial void LogRefused(ILogger logger, string httpMethod, string path, string reason);
}
