using Cooperation.Contracts.Common;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Common;

/// <summary>Conversions of the wire types every service shares.</summary>
public static class CommonMapping
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

    /// <summary>A domain enum to the wire enum of the same number.</summary>
    public static TProto ToProto<TProto>(Enum domainValue) where TProto : struct, Enum =>
        (TProto)Enum.ToObject(typeof(TProto), Convert.ToInt32(domainValue, System.Globalization.CultureInfo.InvariantCulture));
}
