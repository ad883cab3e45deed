using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Microsoft.Extensions.Options;

namespace Cooperation.Reports.Delivery;

/// <summary>What a key of the platform's reporting is for.</summary>
public enum ReportKeyPurpose
{
    /// <summary>Signs download links (<see cref="ReportLinks"/>).</summary>
    Links,

    /// <summary>Derives each subscription's webhook secret (<see cref="WebhookSecrets"/>).</summary>
    WebhookSecrets,
}

/// <summary>
/// The platform's keys for reports. Each comes from configuration (Reports:LinkKey,
/// Reports:WebhookKey; base64 of at least 32 random bytes, set through the environment, never in
/// the repository). One that is not set is made once and kept by the silo in PostgreSQL
/// (<see cref="IReportKeyGrain"/>, table reporting_key), so every gateway and worker of the
/// platform shares it and links survive restarts; a warning says so. Either way it is held here
/// after its first use: a link is then verified where it is opened, without a call.
/// </summary>
public sealed partial class ReportKeys(IGrainFactory grains, IOptions<DonorReportOptions> options, ILogger<ReportKeys> logger)
{
    /// <summary>Fewest bytes a key has.</summary>
    public const int MinBytes = 32;

    private readonly SemaphoreSlim _gate = new(1);
    private readonly Dictionary<ReportKeyPurpose, byte[]> _keys = [];

    /// <summary>The key for <paramref name="purpose"/>.</summary>
    public async Task<byte[]> GetAsync(ReportKeyPurpose purpose, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_keys.TryGetValue(purpose, out var key))
                _keys[purpose] = key = Configured(purpose) ?? await StoredAsync(purpose, cancellationToken);
            return key;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Refuses a configured key that is not base64 of <see cref="MinBytes"/> bytes or more, naming its setting; null when fine.</summary>
    public static string? Problem(string? configured, string setting) =>
        configured is null || Decode(configured) is { Length: >= MinBytes } ? null
            : $"{setting} must be base64 of at least {MinBytes} random bytes (e.g. `openssl rand -base64 32`).";

    private byte[]? Configured(ReportKeyPurpose purpose) => Decode(purpose == ReportKeyPurpose.Links ? options.Value.LinkKey : options.Value.WebhookKey);

    private static byte[]? Decode(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return null;
        var bytes = new byte[configured.Length];
        return Convert.TryFromBase64String(configured.Trim(), bytes, out var length) ? bytes[..length] : [];
    }

    private async Task<byte[]> StoredAsync(ReportKeyPurpose purpose, CancellationToken cancellationToken)
    {
        var name = purpose == ReportKeyPurpose.Links ? "links" : "webhook-secrets";
        var key = await CallerContext.AsPlatformAsync(() => grains.GetGrain<IReportKeyGrain>(name).Get()).WaitAsync(cancellationToken);
        LogStoredKey(logger, purpose == ReportKeyPurpose.Links ? "Reports__LinkKey" : "Reports__WebhookKey");
        return key;
    }

    [LoggerMessage(LogLevel.Warning, "{Setting} is not set: using a key kept in the database (table reporting_key). Outside development, set it from a secret store.")]
    private static partial void LogStoredKey(ILogger logger, string setting);
}
