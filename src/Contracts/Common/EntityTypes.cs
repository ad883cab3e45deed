namespace Cooperation.Contracts.Common;

/// <summary>
/// The journal's names for the kinds of entity: the <c>entity_type</c> of every stored event, and
/// (but for the credential registry) the name the entity's snapshots are stored under. The one
/// list grains, gateway, worker and SQL-facing code use; stored in every row, so a name is never
/// changed, only added.
/// </summary>
public static class EntityTypes
{
    /// <summary>A pilot project.</summary>
    public const string Pilot = "pilot";

    /// <summary>A partnership of two cities.</summary>
    public const string Partnership = "partnership";

    /// <summary>A memorandum of understanding.</summary>
    public const string Mou = "mou";

    /// <summary>A programme of a partnership or a city.</summary>
    public const string Programme = "programme";

    /// <summary>A city.</summary>
    public const string City = "city";

    /// <summary>An organisation.</summary>
    public const string Organisation = "organisation";

    /// <summary>A credential (API key).</summary>
    public const string Credential = "credential";

    /// <summary>The registry of every credential by organisation (its snapshots are named "credential-registry").</summary>
    public const string CredentialRegistry = "credentialregistry";

    /// <summary>A donor's report subscriptions.</summary>
    public const string ReportSubscriptions = "subscriptions";

    /// <summary>One CSV import of readings.</summary>
    public const string ReadingImport = "import";

    /// <summary>A person's account (web sign-in).</summary>
    public const string Account = "account";

    /// <summary>The directory of every account by e-mail and organisation.</summary>
    public const string AccountDirectory = "accountdirectory";

    /// <summary>Every name, each once.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Pilot, Partnership, Mou, Programme, City, Organisation, Credential, CredentialRegistry, ReportSubscriptions, ReadingImport,
         Account, AccountDirectory];
}
