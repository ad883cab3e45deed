using System.Text;
using Cooperation.Contracts.Access;
using Cooperation.Gateway.Access;

namespace Cooperation.Gateway.Demo;

/// <summary>
/// API keys for the seed organisations, so the demo can be tried in every role. Keys are shown
/// once, so they are kept in a file of the run's data folder (configuration "Demo:KeysFile",
/// readable by its owner only) and reused while they still verify; a missing or revoked one is
/// issued anew. They are demo keys of a local platform, not secrets of any real organisation.
/// </summary>
internal sealed class DemoCredentials(CredentialIssuer issuer, CredentialVerifier verifier, IConfiguration configuration)
{
    /// <summary>The platform admin key the scenario is loaded with.</summary>
    public const string AdminKey = "ADMIN_KEY";

    /// <summary>Each demo identity: its variable in the keys file, organisation, role and label.</summary>
    public static readonly IReadOnlyList<(string Name, string OrganisationId, Role Role, string Label)> Identities =
    [
        (AdminKey, "platform", Role.Admin, "Demo admin"),
        ("HP_DOFA_KEY", "hp-dofa", Role.CityOffice, "Demo: Hai Phong Department of Foreign Affairs"),
        ("KITAKYUSHU_KEY", "kitakyushu-city", Role.PartnerAgency, "Demo: City of Kitakyushu"),
        ("HP_URENCO_KEY", "hp-urenco", Role.PartnerAgency, "Demo: Hai Phong URENCO"),
        ("NAM_CAU_KIEN_KEY", "nam-cau-kien-ip", Role.PartnerAgency, "Demo: Nam Cau Kien industrial park"),
        ("MOEJ_KEY", "moej", Role.Donor, "Demo: Ministry of the Environment, Japan"),
        ("JICA_KEY", "jica", Role.Donor, "Demo: JICA"),
    ];

    private string? File => configuration["Demo:KeysFile"];

    /// <summary>A valid key for <paramref name="name"/>: the one in the file if it still verifies, else a new one.</summary>
    public async Task<string> EnsureAsync(string name, IDictionary<string, string> keys)
    {
        if (keys.TryGetValue(name, out var key) && await verifier.VerifyAsync(key) is not null)
            return key;
        var (_, organisationId, role, label) = Identities.Single(i => i.Name == name);
        (_, key) = await issuer.IssueAsync(new CredentialRequest(organisationId, role, label));
        keys[name] = key;
        return key;
    }

    /// <summary>The keys kept from an earlier run, by variable name.</summary>
    public async Task<Dictionary<string, string>> ReadAsync() => File is { } path ? await EnvFile.ReadAsync(path) : [];

    /// <summary>Writes the keys file (owner-only), for <c>source</c> in a shell; returns its path, if configured.</summary>
    public async Task<string?> WriteAsync(IReadOnlyDictionary<string, string> keys)
    {
        if (File is not { } path)
            return null;
        var text = new StringBuilder("# Demo API keys of this local platform (made by the run command). Use: source this file, then\n")
            .Append("#   curl -H \"x-api-key: $KITAKYUSHU_KEY\" http://127.0.0.1:5081/v1/pilots/hp-compost\n");
        foreach (var (name, organisationId, role, _) in Identities.Where(i => keys.ContainsKey(i.Name)))
            text.Append($"# {organisationId}, {role}\n{name}={keys[name]}\n");
        await EnvFile.WriteAsync(path, text.ToString());
        return path;
    }
}
