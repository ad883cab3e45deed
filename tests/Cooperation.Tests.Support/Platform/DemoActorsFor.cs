using System.Runtime.CompilerServices;
using Cooperation.Gateway.Demo;

namespace Cooperation.Tests.Support;

/// <summary>The demo identities as the test API's clients: each with a key made on first use, as the run command's loader does.</summary>
public static class DemoActorsFor
{
    private static readonly ConditionalWeakTable<ApiFixture, Dictionary<string, Task<string>>> Keys = [];

    /// <summary>Actors for <paramref name="api"/>: the admin is the fixture's own key.</summary>
    public static DemoActors Api(ApiFixture api) => async (name, _) =>
        name == DemoCredentials.AdminKey ? api.Channel.CreateCallInvoker() : api.ChannelFor(await KeyAsync(api, name)).CreateCallInvoker();

    /// <summary>Clients acting as the demo identity <paramref name="name"/> (e.g. "HP_DOFA_KEY").</summary>
    public static async Task<ApiClients> As(ApiFixture api, string name) => api.As(await KeyAsync(api, name));

    private static Task<string> KeyAsync(ApiFixture api, string name)
    {
        var keys = Keys.GetOrCreateValue(api);
        lock (keys)
        {
            if (!keys.TryGetValue(name, out var key))
            {
                var (_, organisationId, role, _) = DemoCredentials.Identities.Single(i => i.Name == name);
                keys[name] = key = api.IssueKeyAsync(organisationId, role);
            }
            return key;
        }
    }
}
