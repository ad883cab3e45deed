using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.DonorReports;
using Orleans.Concurrency;

namespace Cooperation.Contracts.People;

/// <summary>A person's account as shown to those who may read it: never a password or token hash.</summary>
/// <param name="AccountId">The account's id (what the journal records as the actor).</param>
/// <param name="Definition">E-mail, display name, organisation, role, language.</param>
/// <param name="Status">Invited, active or disabled.</param>
/// <param name="InvitedAt">When it was (last) invited.</param>
/// <param name="InvitedBy">Who invited it, as the journal names the actor.</param>
/// <param name="InvitationExpiresAt">Until when the open invitation's link works; null once accepted.</param>
/// <param name="DisabledReason">Why it was disabled, while it is.</param>
[GenerateSerializer, Immutable, Alias("coop.AccountView")]
public sealed record AccountView(
    [property: Id(0)] string AccountId,
    [property: Id(1)] AccountDefinition Definition,
    [property: Id(2)] AccountStatus Status,
    [property: Id(3)] DateTimeOffset InvitedAt,
    [property: Id(4)] string InvitedBy,
    [property: Id(5)] DateTimeOffset? InvitationExpiresAt,
    [property: Id(6)] string? DisabledReason);

/// <summary>
/// Who a session cookie stands for, checked at every request: the caller its requests act as,
/// and what pages need to speak to the person.
/// </summary>
/// <param name="Caller">The organisation and role, with <see cref="Caller.AccountId"/> set.</param>
/// <param name="DisplayName">The person's name.</param>
/// <param name="Email">Their address.</param>
/// <param name="Language">Their preferred language.</param>
[GenerateSerializer, Immutable, Alias("coop.PersonSession")]
public sealed record PersonSession(
    [property: Id(0)] Caller Caller,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Email,
    [property: Id(3)] ReportLanguage Language);

/// <summary>How a sign-in ended.</summary>
[GenerateSerializer, Alias("coop.SignInOutcome")]
public enum SignInOutcome
{
    /// <summary>Signed in: a session with its stamp.</summary>
    SignedIn = 1,

    /// <summary>Unknown address, wrong password, or an invitation not yet accepted (all read the same to the person).</summary>
    Refused = 2,

    /// <summary>Too many failures: refused whatever the password until <see cref="SignInResult.LockedUntil"/>.</summary>
    LockedOut = 3,

    /// <summary>The account is disabled (told only to someone who gave its right password); an invited account without a password is <see cref="Refused"/>.</summary>
    NotActive = 4,
}

/// <summary>The result of a sign-in or of setting a password through a one-time link.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Session">The session on success.</param>
/// <param name="SessionStamp">What the cookie carries; a later password change or disabling changes it, ending older sessions.</param>
/// <param name="LockedUntil">Until when sign-in is locked, when locked out.</param>
[GenerateSerializer, Immutable, Alias("coop.SignInResult")]
public sealed record SignInResult(
    [property: Id(0)] SignInOutcome Outcome,
    [property: Id(1)] PersonSession? Session,
    [property: Id(2)] string? SessionStamp,
    [property: Id(3)] DateTimeOffset? LockedUntil)
{
    /// <summary>A refusal that tells nothing (unknown address, wrong password).</summary>
    public static SignInResult Refused { get; } = new(SignInOutcome.Refused, null, null, null);
}

/// <summary>
/// A person's account, keyed by its id ("acct-…"): an organisation, a role, an e-mail unique on the
/// platform (<see cref="IAccountDirectoryGrain"/>), a password kept only as a slow salted hash, and
/// one-time links (invitation, password reset) kept only as hashes. Every change is an event in the
/// journal; failed sign-ins are not (they lock the account in memory, see <see cref="SignInLockout"/>).
/// </summary>
[Alias("coop.IAccountGrain")]
public interface IAccountGrain : IHasHistory
{
    /// <summary>
    /// Invites a person: admins anyone, a city office the people of organisations in its
    /// partnerships (<see cref="Permission.ManagePeople"/>). <paramref name="tokenHash"/> is the hash
    /// of the invitation link's secret (<see cref="OneTimeToken"/>, purpose Invitation), valid
    /// <see cref="OneTimeToken.Lifetime"/>. Inviting an invited account again replaces its link;
    /// an address another account holds is AlreadyExists.
    /// </summary>
    [Alias("Invite")]
    Task<AccountView> Invite(AccountDefinition definition, string tokenHash);

    /// <summary>
    /// Sets the first password from an invitation link (any caller: the secret is the authority).
    /// An unknown, expired or used secret is FailedPrecondition; a password that breaks
    /// <see cref="PasswordRules"/> is InvalidArgument on "password". Signs the person in.
    /// </summary>
    [Alias("AcceptInvitation")]
    Task<SignInResult> AcceptInvitation(string secret, string password);

    /// <summary>
    /// Stores the hash of a password-reset link's secret for an active account (any caller) and
    /// returns the account to mail it to; null for an account that is not active, so nothing is mailed.
    /// </summary>
    [Alias("RequestPasswordReset")]
    Task<AccountView?> RequestPasswordReset(string tokenHash);

    /// <summary>Sets a new password from a reset link, as <see cref="AcceptInvitation"/> does; ends every other session.</summary>
    [Alias("ResetPassword")]
    Task<SignInResult> ResetPassword(string secret, string password);

    /// <summary>Checks a password (any caller), counting failures towards the lockout.</summary>
    [Alias("SignIn")]
    Task<SignInResult> SignIn(string password);

    /// <summary>The session a cookie with <paramref name="sessionStamp"/> stands for; null once the account is disabled or the stamp is stale.</summary>
    [Alias("Session"), ReadOnly]
    Task<PersonSession?> Session(string sessionStamp);

    /// <summary>Changes the person's language (the person themself).</summary>
    [Alias("SetLanguage")]
    Task<AccountView> SetLanguage(ReportLanguage language);

    /// <summary>Disables the account (those who may invite its person), ending its sessions; again is harmless.</summary>
    [Alias("Disable")]
    Task<AccountView> Disable(string reason);

    /// <summary>Enables a disabled account again: active if it had a password, else invited.</summary>
    [Alias("Enable")]
    Task<AccountView> Enable();

    /// <summary>Reads the account: the person themself, admins, and the city offices that may invite its person.</summary>
    [Alias("Get"), ReadOnly]
    Task<AccountView> Get();
}

/// <summary>A person as a list or a history shows them.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="DisplayName">Their name.</param>
/// <param name="OrganisationId">Their organisation.</param>
[GenerateSerializer, Immutable, Alias("coop.PersonName")]
public sealed record PersonName(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string OrganisationId);

/// <summary>
/// Which accounts exist: e-mail → account (one address, one account), and accounts per
/// organisation. One grain for the platform, like the credential registry.
/// </summary>
[Alias("coop.IAccountDirectoryGrain")]
public interface IAccountDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The directory's only key.</summary>
    public const string Key = "all";

    /// <summary>Claims <paramref name="email"/> (normalised) for <paramref name="accountId"/>; false when another account holds it. Called by the account grain.</summary>
    [Alias("Claim")]
    Task<bool> Claim(string email, string accountId, string organisationId);

    /// <summary>The account holding <paramref name="email"/> (normalised here); null when none. For sign-in and password reset.</summary>
    [Alias("Find"), ReadOnly]
    Task<string?> Find(string email);

    /// <summary>The accounts of an organisation, as <see cref="IAccountGrain.Get"/> would show each to the caller (only those it may read).</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<AccountView>> List(string organisationId);

    /// <summary>Names of the given accounts, for histories (any caller who reads a history sees who acted).</summary>
    [Alias("Names"), ReadOnly]
    Task<IReadOnlyList<PersonName>> Names(IReadOnlyList<string> accountIds);
}
