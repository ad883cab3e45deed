using System.Text.Json;
using Cooperation.Gateway.Hosting;

namespace Cooperation.Tests.Hosts;

/// <summary>
/// Every host's thread pool sleeps at once when idle (Directory.Build.targets): spinning first
/// burned about a tenth of the silo's and the gateway's CPU per partner's update on two cores
/// (issue 14). Read from the runtime configuration each host ships with.
/// </summary>
public sealed class ThreadPoolSettingTests
{
    private const string SpinLimit = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    [Theory]
    [InlineData("Cooperation.Silo")]
    [InlineData("Cooperation.Gateway")]
    [InlineData("Cooperation.Worker")]
    [InlineData("Cooperation.Web")]
    public void A_host_ships_with_thread_pool_spinning_off(string host)
    {
        var folder = Path.GetDirectoryName(typeof(GatewayHosting).Assembly.Location)!;
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, $"{host}.runtimeconfig.json")));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty(SpinLimit, out var limit), $"{host} does not set {SpinLimit}");
        Assert.Equal(0, limit.GetInt32());
    }
}
