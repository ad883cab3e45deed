using Cooperation.Contracts.Common;

namespace Cooperation.Contracts.Access;

/// <summary>What a request asks to do; each RPC needs one.</summary>
public enum Permission
{
    /// <summary>Read cities, organisations, KPI templates and methodologies: any caller.</summary>
    ReadReference,

    /// <summary>Create cities and organisations; record a city's indices.</summary>
    ManageReference,

    /// <summary>Read a partnership, its roll-up, programmes and lists.</summary>
    ReadPartnership,

    /// <summary>Create and change a partnership and what it holds: programmes, pilots, MoUs.</summary>
    ManagePartnership,

    /// <summary>Read a pilot: its view, KPI series, JCM monitoring, history.</summary>
    ReadPilot,

    /// <summary>Change a pilot's set-up: status, funding, milestones, KPIs, JCM plan.</summary>
    ManagePilot,

    /// <summary>Report on a pilot: updates, readings, milestone progress, monitoring periods.</summary>
    ReportOnPilot,

    /// <summary>Return, approve and reopen a pilot's reporting periods.</summary>
    ReviewPilot,

    /// <summary>Appoint the verifier of a JCM pilot's monitoring periods.</summary>
    AppointVerifier,

    /// <summary>Approve or return a JCM pilot's monitoring periods.</summary>
    VerifyMonitoring,

    /// <summary>Read an MoU and its commitments.</summary>
    ReadMou,

    /// <summary>Sign an MoU, and report on the commitments one owns.</summary>
    ActAsParty,

    /// <summary>Terminate an MoU, add its commitments.</summary>
    ManageMou,

    /// <summary>Create, list and revoke credentials.</summary>
    ManageCredentials,

    /// <summary>Set where an organisation's notices go: the organisation itself, its city's office, admins.</summary>
    ManageContacts,

    /// <summary>Read a donor's report subscriptions, archived reports and deliveries.</summary>
    ReadReports,

    /// <summary>Create, change, pause and delete a donor's report subscriptions; send a report now.</summary>
    ManageReports,

    /// <summary>
    /// See a funding line's donor and amounts: the line's own donor, the offices of the pilot's
    /// cities, admins. Judged per line, with the line's donor as the scope's only donor.
    /// </summary>
    ReadFunding,

    /// <summary>Load a pilot's history from earlier records as approved figures (a migration): admins only.</summary>
    LoadHistory,

    /// <summary>
    /// Invite, read, disable and enable people's accounts of an organisation: admins anyone, a city
    /// office the people of organisations in its partnerships (the scope: the cities of the
    /// partnerships the organisation is in).
    /// </summary>
    ManagePeople,
}

/// <summary>
/// Who takes part in a resource, as far as access goes. Empty lists where a kind of resource has
/// no such part (e.g. a partnership has no donors of its own).
/// </summary>
/// <param name="CityIds">Cities whose offices manage it: the partnership's cities.</param>
/// <param name="MemberIds">Member organisations of the partnership.</param>
/// <param name="ParticipantIds">A pilot's lead and participants, or an MoU's parties.</param>
/// <param name="DonorIds">Donors funding the pilot.</param>
/// <param name="VerifierIds">Organisations appointed to verify the pilot's JCM monitoring.</param>
[GenerateSerializer, Immutable, Alias("coop.AccessScope")]
public sealed record AccessScope(
    [property: Id(0)] ValueList<string> CityIds,
    [property: Id(1)] ValueList<string> MemberIds,
    [property: Id(2)] ValueList<string> ParticipantIds,
    [property: Id(3)] ValueList<string> DonorIds,
    [property: Id(4)] ValueList<string> VerifierIds)
{
    /// <summary>A resource managed by the offices of <paramref name="cityIds"/>, with nobody else taking part.</summary>
    public static AccessScope OfCities(IEnumerable<string> cityIds) => new(ValueList.Of(cityIds), [], [], [], []);
}

/// <summary>
/// The one place that decides who may do what. Admins (and the platform itself) may do
/// anything. A city office manages what belongs to its city's partnerships. A partner agency
/// reports on the pilots it takes part in and acts for itself in its MoUs. A donor reads the
/// pilots it funds and appoints their verifiers. Anyone may read reference data.
/// </summary>
public static class AccessPolicy
{
    /// <summary>Whether <paramref name="caller"/> may do <paramref name="permission"/> on a resource with <paramref name="scope"/>.</summary>
    public static bool Allows(Caller caller, Permission permission, AccessScope scope)
    {
        if (caller.Role == Role.Anonymous)
            return false;
        if (caller.IsPrivileged || permission == Permission.ReadReference)
            return true;
        var organisation = caller.OrganisationId;
        if (permission == Permission.VerifyMonitoring)
            return scope.VerifierIds.Contains(organisation);
        // An organisation's own record: its participant is itself.
        if (permission == Permission.ManageContacts && scope.ParticipantIds.Contains(organisation))
            return true;
        return caller.Role switch
        {
            Role.CityOffice => permission switch
            {
                // Any city or organisation may be created; a city's own data only by its office.
                Permission.ManageReference => scope.CityIds.Count == 0 || scope.CityIds.Contains(caller.CityId),
                Permission.ManageCredentials or Permission.AppointVerifier or Permission.LoadHistory => false,
                Permission.ActAsParty => scope.ParticipantIds.Contains(organisation),
                Permission.ReadPartnership or Permission.ManagePartnership or Permission.ReadPilot or Permission.ManagePilot
                    or Permission.ReportOnPilot or Permission.ReviewPilot or Permission.ReadMou or Permission.ManageMou
                    or Permission.ManageContacts or Permission.ReadReports or Permission.ManageReports or Permission.ReadFunding
                    or Permission.ManagePeople
                    => scope.CityIds.Contains(caller.CityId),
                _ => throw Undecided(caller.Role, permission),
            },
            Role.PartnerAgency => permission switch
            {
                Permission.ReadPartnership => scope.MemberIds.Contains(organisation),
                Permission.ReadPilot or Permission.ReportOnPilot => scope.ParticipantIds.Contains(organisation),
                Permission.ReadMou or Permission.ActAsParty => scope.ParticipantIds.Contains(organisation),
                Permission.ManageReference or Permission.ManagePartnership or Permission.ManagePilot or Permission.ReviewPilot
                    or Permission.AppointVerifier or Permission.ManageMou or Permission.ManageCredentials or Permission.ManageContacts
                    or Permission.ReadReports or Permission.ManageReports or Permission.ReadFunding or Permission.LoadHistory
                    or Permission.ManagePeople => false,
                _ => throw Undecided(caller.Role, permission),
            },
            Role.Donor => permission switch
            {
                Permission.ReadPartnership => scope.MemberIds.Contains(organisation),
                Permission.ReadPilot or Permission.AppointVerifier or Permission.ReadFunding => scope.DonorIds.Contains(organisation),
                Permission.ReadReports or Permission.ManageReports => scope.DonorIds.Contains(organisation),
                Permission.ReadMou or Permission.ActAsParty => scope.ParticipantIds.Contains(organisation),
                Permission.ManageReference or Permission.ManagePartnership or Permission.ManagePilot or Permission.ReportOnPilot
                    or Permission.ReviewPilot or Permission.ManageMou or Permission.ManageCredentials or Permission.ManageContacts
                    or Permission.LoadHistory or Permission.ManagePeople => false,
                _ => throw Undecided(caller.Role, permission),
            },
            // Anonymous callers and privileged ones (admins, the platform) are decided above.
            _ => throw Undecided(caller.Role, permission),
        };
    }

    /// <summary>A role and permission no rule above decides: a new enum value must be placed, never guessed.</summary>
    private static ArgumentOutOfRangeException Undecided(Role role, Permission permission) =>
        new(nameof(permission), permission, $"No rule decides whether a {role} may {permission}: every role lists every permission.");

    /// <summary>
    /// Refuses the current caller unless it may do <paramref name="permission"/> on the
    /// <paramref name="entity"/> <paramref name="id"/>. A resource that does not exist
    /// (<paramref name="scope"/> null) is NotFound only for those who may see everything; to
    /// anyone else an unknown resource and one it may not read give the same answer, word for
    /// word, so nobody learns what exists outside their scope. A caller who may read the resource
    /// but not do this to it is told what it may not do.
    /// </summary>
    public static void Require(Permission permission, AccessScope? scope, string entity, string id)
    {
        var caller = CallerContext.Current;
        if (scope is null)
        {
            if (caller.IsPrivileged || (caller.Role != Role.Anonymous && permission is Permission.ReadReference or Permission.ManageReference))
                throw new EntityNotFoundException(entity, id);
            throw Unseen(caller, entity, id);
        }
        if (Allows(caller, permission, scope))
            return;
        if (ReadOf(permission) is not { } read || read == permission || !Allows(caller, read, scope))
            throw Unseen(caller, entity, id);
        throw new AccessDeniedException($"{caller.OrganisationId} ({caller.Role}) may not {Describe(permission)} {entity} '{id}'.");
    }

    /// <summary>Whether the caller may see everything of every kind (admins, the platform): lists need not ask item by item.</summary>
    public static bool SeesEverything(Caller caller) => caller.IsPrivileged;

    /// <summary>
    /// The answer to a caller about a resource it may not read, or that does not exist: the same
    /// for both, naming only what the caller itself sent.
    /// </summary>
    public static AccessDeniedException Unseen(Caller caller, string entity, string id) =>
        new($"{entity} '{id}' does not exist or is outside what {caller.OrganisationId} ({caller.Role}) may access.");

    /// <summary>The permission to read what <paramref name="permission"/> acts on; null where reading is not separate.</summary>
    private static Permission? ReadOf(Permission permission) => permission switch
    {
        Permission.ReadReference or Permission.ManageReference or Permission.ManageContacts => Permission.ReadReference,
        Permission.ReadPartnership or Permission.ManagePartnership => Permission.ReadPartnership,
        Permission.ReadPilot or Permission.ManagePilot or Permission.ReportOnPilot or Permission.ReviewPilot
            or Permission.AppointVerifier or Permission.VerifyMonitoring or Permission.ReadFunding or Permission.LoadHistory => Permission.ReadPilot,
        Permission.ReadMou or Permission.ActAsParty or Permission.ManageMou => Permission.ReadMou,
        Permission.ReadReports or Permission.ManageReports => Permission.ReadReports,
        Permission.ManageCredentials or Permission.ManagePeople => null,
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "Every permission says what reading it needs."),
    };

    private static string Describe(Permission permission) => permission switch
    {
        Permission.ReadReference or Permission.ReadPartnership or Permission.ReadPilot or Permission.ReadMou => "read",
        Permission.ReportOnPilot => "report on",
        Permission.ReviewPilot => "review the reporting of",
        Permission.AppointVerifier => "appoint the verifier of",
        Permission.VerifyMonitoring => "verify the monitoring of",
        Permission.ActAsParty => "act as a party to",
        Permission.ManageCredentials => "manage the credentials of",
        Permission.ManagePeople => "manage the people of",
        Permission.ReadReports => "read the reports of",
        Permission.ManageReports => "manage the reports of",
        Permission.ReadFunding => "read the funding of",
        Permission.LoadHistory => "load historical figures into",
        Permission.ManageReference or Permission.ManagePartnership or Permission.ManagePilot or Permission.ManageMou
            or Permission.ManageContacts => "change",
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "Every permission says how it reads."),
    };
}
