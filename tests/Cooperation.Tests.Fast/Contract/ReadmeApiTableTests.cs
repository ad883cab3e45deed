using System.Text.RegularExpressions;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Contract;

/// <summary>
/// The README's API table names every RPC of the contract under its service, and nothing that
/// is not one: a new RPC without its line, or a line left after a rename, fails here.
/// </summary>
public sealed partial class ReadmeApiTableTests
{
    [Fact]
    public void The_readme_api_table_names_every_rpc_and_only_rpcs()
    {
        var table = Table();
        var contract = ApiSurface.Rpcs.Select(r => r.Split('/')).GroupBy(p => p[0], p => p[1]).ToDictionary(g => g.Key, g => g.ToHashSet());

        Assert.Equal(contract.Keys.Order(), table.Keys.Order());
        foreach (var (service, methods) in contract)
        {
            var named = table[service];
            Assert.True(methods.SetEquals(named),
                $"{service}: missing from the README {string.Join(", ", methods.Except(named))}; not RPCs {string.Join(", ", named.Except(methods))}");
        }
    }

    /// <summary>The RPC names in each row of the "## API" section's table, by service.</summary>
    private static Dictionary<string, HashSet<string>> Table()
    {
        var readme = File.ReadAllText(Path.Combine(Ops.Root, "README.md"));
        var section = readme[readme.IndexOf("\n## API\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var rows = new Dictionary<string, HashSet<string>>();
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            var service = cells[1].Trim('`');
            if (service.Contains('.', StringComparison.Ordinal))
                continue; // grpc.health.v1.Health: the standard health service, not ours.
            // The RPC names are the words in PascalCase outside the routes' code spans.
            var text = CodeSpan().Replace(cells[2], " ");
            rows[service] = [.. RpcName().Matches(text).Select(m => m.Value)];
        }
        return rows;
    }

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+\b")]
    private static partial Regex RpcName();
}
