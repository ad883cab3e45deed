using System.Security.Cryptography;
using System.Text;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;

namespace Cooperation.Gateway.Demo;

/// <summary>
/// One person for each demo key (same prefixes: HP_DOFA_KEY's person is HP_DOFA_EMAIL and
/// HP_DOFA_PASSWORD), so the web application can be tried in every role. Made as any person is:
/// invited (by the platform, with a link the loader makes) and the invitation accepted at once
/// with a random password; no privileged path. Passwords are kept in a file of the run's data
/// folder (configuration "Demo:UsersFile", owner-only) and reused while they still sign in; a
/// password that no longer does (the file was lost or edited) is replaced through a password-reset
/// link, so a later run on kept data still writes working passwords. Demo people of a local
/// platform, not real persons.
/// </summary>
internal sealed class DemoPeople(IGrainFactory grains, IConfiguration configuration)
{
    /// <summary>Length of a demo password: well above <see cref="PasswordRules.MinLength"/>.</summary>
    public const int PasswordLength = 20;

    /// <summary>Each demo person: the prefix of its key, and their name and language (Vietnamese for Hai Phong's, Japanese for Kitakyushu's and MOEJ's).</summary>
    public static readonly IReadOnlyList<(string Prefix, string DisplayName, ReportLanguage Language)> Persons =
    [
        ("ADMIN", "Alex Morgan", ReportLanguage.En),
        ("HP_DOFA", "Nguyễn Thị Lan", ReportLanguage.Vi),
        ("KITAKYUSHU", "田中 浩", ReportLanguage.Ja),
        ("HP_URENCO", "Trần Văn Minh", ReportLanguage.Vi),
        ("NAM_CAU_KIEN", "Phạm Thu Hà", ReportLanguage.Vi),
        ("MOEJ", "佐藤 美咲", ReportLanguage.Ja),
        ("JICA", "Emily Carter", ReportLanguage.En),
    ];

    private string? File => configuration["Demo:UsersFile"];

    /// <summary>The account id of a demo person, e.g. "demo-hp-dofa".</summary>
    public static string AccountIdOf(string prefix) => "demo-" + prefix.ToLowerInvariant().Replace('_', '-');

    /// <summary>The e-mail address of a demo person, e.g. "demo-hp-dofa@example.org".</summary>
    public static string EmailOf(string prefix) => AccountIdOf(prefix) + "@example.org";

    /// <summary>The organisation and role of a demo person: those of the demo key with the same prefix.</summary>
    private static (string OrganisationId, Role Role) IdentityOf(string prefix)
    {
        var (_, organisationId, role, _) = DemoCredentials.Identities.Single(i => i.Name == prefix + "_KEY");
        return (organisationId, role);
    }

    /// <summary>
    /// Makes every demo person active with a password that signs in, reusing the passwords of
    /// <paramref name="kept"/> (variable → value, as read from the file) that still do; returns
    /// the file's variables. Acts as the caller in place (the loader acts as the platform).
    /// </summary>
    public async Task<Dictionary<string, string>> EnsureAsync(IReadOnlyDictionary<string, string> kept)
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (prefix, displayName, language) in Persons)
        {
            var (organisationId, role) = IdentityOf(prefix);
            var definition = new AccountDefinition(EmailOf(prefix), displayName, organisationId, role, language);
            var account = grains.GetGrain<IAccountGrain>(AccountIdOf(prefix));
            users[prefix + "_EMAIL"] = definition.Email;
            users[prefix + "_PASSWORD"] = await PasswordAsync(account, definition, kept.GetValueOrDefault(prefix + "_PASSWORD"));
        }
        return users;
    }

    private static async Task<string> PasswordAsync(IAccountGrain account, AccountDefinition definition, string? kept)
    {
        var status = await StatusAsync(account);
        if (status == AccountStatus.Disabled)
            status = (await account.Enable()).Status;
        if (status == AccountStatus.Active && kept is not null && (await account.SignIn(kept)).Outcome == SignInOutcome.SignedIn)
            return kept;
        var password = NewPassword(definition.Email);
        if (status == AccountStatus.Active)
        {
            var reset = OneTimeToken.New(TokenPurpose.PasswordReset);
            await account.RequestPasswordReset(reset.Hash);
            await account.ResetPassword(reset.Secret, password);
        }
        else
        {
            // New, or invited by an earlier run that stopped before accepting: inviting again makes a new link.
            var invitation = OneTimeToken.New(TokenPurpose.Invitation);
            await account.Invite(definition, invitation.Hash);
            await account.AcceptInvitation(invitation.Secret, password);
        }
        return password;
    }

    private static async Task<AccountStatus?> StatusAsync(IAccountGrain account)
    {
        try
        {
            return (await account.Get()).Status;
        }
        catch (Contracts.Common.EntityNotFoundException)
        {
            return null;
        }
    }

    /// <summary>A random password of <see cref="PasswordLength"/> letters and digits that keeps <see cref="PasswordRules"/>.</summary>
    public static string NewPassword(string email)
    {
        const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        while (true)
        {
            var password = RandomNumberGenerator.GetString(Alphabet, PasswordLength);
            try
            {
                PasswordRules.Check(password, email);
                return password;
            }
            catch (Contracts.Common.InvalidFieldException)
            {
                // Vanishingly rare (a repeated handful of characters): draw again.
            }
        }
    }

    /// <summary>The variables kept from an earlier run.</summary>
    public async Task<Dictionary<string, string>> ReadAsync() => File is { } path ? await EnvFile.ReadAsync(path) : [];

    /// <summary>Writes the users file (owner-only), for <c>source</c> in a shell; returns its path, if configured.</summary>
    public async Task<string?> WriteAsync(IReadOnlyDictionary<string, string> users)
    {
        if (File is not { } path)
            return null;
        var text = new StringBuilder("# Demo people of this local platform (made by the run command): sign in to the web application\n")
            .Append("# with an e-mail address and its password. Demo accounts, not real persons.\n");
        foreach (var (prefix, displayName, language) in Persons.Where(p => users.ContainsKey(p.Prefix + "_EMAIL")))
        {
            var (organisationId, role) = IdentityOf(prefix);
            text.Append($"# {displayName}: {organisationId}, {role}, {language.ToString().ToLowerInvariant()}\n")
                .Append($"{prefix}_EMAIL={users[prefix + "_EMAIL"]}\n{prefix}_PASSWORD={users[prefix + "_PASSWORD"]}\n");
        }
        await EnvFile.WriteAsync(path, text.ToString());
        return path;
    }
}
