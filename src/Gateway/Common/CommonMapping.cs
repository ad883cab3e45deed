using System.Globalization;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Submissions;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Common;

/// <summary>Conversions of the wire types every service shares.</summary>
internal static class CommonMapping
{
    /// <summary>A wire text to a domain text, refusing one without any language.</summary>
    public static LocalizedText ToDomain(this Proto.LocalizedText? text, string field) =>
        LocalizedText.Create(text?.Vi, text?.Ja, text?.En, field);

    /// <summary>A domain text to the wire.</summary>
    public static Proto.LocalizedText ToProto(this LocalizedText text) =>
        new() { Vi = text.Vi ?? "", Ja = text.Ja ?? "", En = text.En ?? "" };

    /// <summary>
    /// A wire enum to the domain enum of the same numbers (the .proto and the contracts number
    /// their values alike), refusing unspecified and unknown values.
    /// </summary>
    public static TDomain ToDomain<TDomain>(int wireValue, string field) where TDomain : struct, Enum =>
        Field.Choice((TDomain)Enum.ToObject(typeof(TDomain), wireValue), field);

    /// <summary>Like <see cref="ToDomain{TDomain}(int, string)"/>, with a default for unspecified (0).</summary>
    public static TDomain ToDomain<TDomain>(int wireValue, string field, TDomain whenUnspecified) where TDomain : struct, Enum =>
        wireValue == 0 ? whenUnspecified : ToDomain<TDomain>(wireValue, field);

    /// <summary>The figures a read asks for; all when unspecified.</summary>
    public static FigureBasis ToDomain(this Proto.Figures figures) => ToDomain((int)figures, "figures", FigureBasis.All);

    /// <summary>A domain enum to the wire enum of the same number.</summary>
    public static TProto ToProto<TProto>(Enum domainValue) where TProto : struct, Enum =>
        (TProto)Enum.ToObject(typeof(TProto), Convert.ToInt32(domainValue, CultureInfo.InvariantCulture));

    /// <summary>A date as the API writes it; empty for none.</summary>
    public static string ToWire(this DateOnly? date) => date is { } d ? Field.Format(d) : "";

    /// <summary>A point in time as the API writes it: RFC 3339 UTC with milliseconds; empty for none.</summary>
    public static string ToWire(this DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : "";

    /// <summary>An amount as the API writes it: a plain decimal string.</summary>
    public static string ToWire(this decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>An optional text from the wire: empty means none.</summary>
    public static string? OrNull(this string text) => text.Length == 0 ? null : text;
}
