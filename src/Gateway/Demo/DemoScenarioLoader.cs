using Cooperation.Contracts.Access;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Cooperation.Gateway.Demo;

/// <summary>
/// Loads the demo scenario through the gateway's own gRPC endpoint once it listens, when
/// configuration "Demo:Load" is true (the run command sets it): makes the demo keys of the seed
/// organisations (<see cref="DemoCredentials"/>), then runs each step as the organisation that
/// would take it (the admin loads, partners submit, the city office reviews), makes one person per
/// demo key for the web application (<see cref="DemoPeople"/>) and logs "Demo data loaded".
/// </summary>
internal sealed partial class DemoScenarioLoader(
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    DemoCredentials credentials,
    DemoPeople people,
    ILogger<DemoScenarioLoader> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Issuing the demo keys is the platform's own work; the scenario itself goes through the API with the admin key.
        CallerContext.ActAsPlatform();
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
            await started.Task.WaitAsync(stoppingToken);

        var address = configuration["Kestrel:Endpoints:Grpc:Url"]
            ?? throw new InvalidOperationException("Kestrel:Endpoints:Grpc:Url is not configured; the demo loader calls it.");
        using var channel = GrpcChannel.ForAddress(address);
        // Right after a restart the membership table may still list the previous, dead silos as
        // active; calls fail until the cluster has declared them dead. Loading is idempotent,
        // so it simply starts again.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            try
            {
                var keys = await credentials.ReadAsync();
                // Each step acts as the organisation that would take it, with its demo key (made
                // when first needed: the scenario creates the organisations first).
                DemoActors actors = async (name, _) =>
                {
                    var key = await credentials.EnsureAsync(name, keys);
                    return channel.CreateCallInvoker().Intercept(headers =>
                    {
                        headers.Add(Access.ApiKeyAuthenticationHandler.Header, key);
                        return headers;
                    });
                };
                var calls = await DemoScenario.LoadAsync(actors, cancellationToken: stoppingToken);
                foreach (var (name, _, _, _) in DemoCredentials.Identities)
                    await credentials.EnsureAsync(name, keys);
                var file = await credentials.WriteAsync(keys);
                var usersFile = await people.WriteAsync(await people.EnsureAsync(await people.ReadAsync()));
                LogLoaded(logger, calls == 0 ? "already present" : $"{calls} calls", DemoScenario.PartnershipId, file ?? "(no Demo:KeysFile)",
                    usersFile ?? "(no Demo:UsersFile)");
                return;
            }
            catch (Exception error) when (IsTransient(error) && !stoppingToken.IsCancellationRequested && DateTime.UtcNow < deadline)
            {
                LogRetry(logger, error.Message);
                await Task.Delay(TimeSpan.FromSeconds(3), stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, error);
                return;
            }
        }
    }

    private static bool IsTransient(Exception error) => error is HttpRequestException
        || error is RpcException { StatusCode: StatusCode.Unavailable or StatusCode.Internal or StatusCode.DeadlineExceeded };

    [LoggerMessage(LogLevel.Information, "Demo data loaded ({How}): try partnership {PartnershipId}; demo API keys in {KeysFile}, demo people in {UsersFile}")]
    private static partial void LogLoaded(ILogger logger, string how, string partnershipId, string keysFile, string usersFile);

    [LoggerMessage(LogLevel.Information, "Demo data not loaded yet ({Reason}); retrying")]
    private static partial void LogRetry(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Error, "Demo data failed to load")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
