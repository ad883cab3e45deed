namespace Cooperation.Contracts.Common;

/// <summary>Currencies funding is committed in.</summary>
[GenerateSerializer, Alias("coop.Currency")]
public enum Currency
{
    /// <summary>Vietnamese đồng.</summary>
    Vnd = 1,

    /// <summary>Japanese yen.</summary>
    Jpy = 2,

    /// <summary>US dollar.</summary>
    Usd = 3,
}
