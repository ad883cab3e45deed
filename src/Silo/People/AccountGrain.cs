using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;
using Cooperation.Silo.Access;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.People;

/// <summary>
/// A person's account: invited by those who manage its organisation's people, activated by a
/// password set through the invitation's one-time link, signed in to with that password. Every
/// change is an event whose actor is who made it (the person themself for what they do through a
/// link); failed sign-ins are counted in memory only (<see cref="SignInLockout"/>). Passwords,
/// hashes, stamps and secrets are never logged.
/// </summary>
internal sealed class AccountGrain(
    [PersistentState(EntityTypes.Account, StorageNames.Domain)] IPersistentState<EntitySnapshot<AccountState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger<AccountGrain> logger) : EventSourcedGrain<AccountState>(snapshot, journal, clock, logger), IAccountGrain
{
    /// <summary>Longest reason for disabling.</summary>
    public const int MaxReasonLength = 500;

    private const string Entity = "account";

    // Failed sign-ins since the last success; lost when the grain deactivates, which only shortens a lock.
    private readonly List<DateTimeOffset> _failures = [];

    /// <inheritdoc/>
    protected override string EntityType => EntityTypes.Account;

    /// <inheritdoc/>
    protected override AccountState Initial => new();

    /// <inheritdoc/>
    protected override AccountState Apply(AccountState state, JournalEntry entry) => AccountEvents.Apply(state, entry);

    /// <inheritdoc/>
    protected override IEntityEvent Redacted(IEntityEvent @event) => AccountEvents.Redacted(@event);

    /// <inheritdoc/>
    protected override void AuthorizeRead() => throw new InvalidOperationException("An account's readers are judged asynchronously.");

    /// <inheritdoc/>
    protected override async Task AuthorizeReadAsync()
    {
        if (!IsSelf(CallerContext.Current))
            await RequireManagerAsync();
    }

    /// <inheritdoc/>
    public async Task<AccountView> Invite(AccountDefinition definition, string tokenHash)
    {
        Field.Id(Id, "account_id");
        definition = definition.Validate();
        var hash = TokenHash(tokenHash);
        var cityId = await ActingOrganisation.CityOfAsync(GrainFactory, definition.OrganisationId, definition.Role);
        var scope = await PeopleScope.OfAsync(GrainFactory, definition.OrganisationId, cityId, CallerContext.Current);
        AccessPolicy.Require(Permission.ManagePeople, scope, Entity, Id);
        // Only an open invitation may be made again, with the same content: it replaces the link.
        if (State.Definition is { } existing && (existing != definition || State.Status != AccountStatus.Invited))
            throw new EntityExistsException(Entity, Id);
        if (!await GrainFactory.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).Claim(definition.Email, Id, definition.OrganisationId))
            throw new EntityExistsException("account with e-mail", definition.Email);
        await RaiseAsync(new AccountInvited(StoredAccountDefinition.Of(definition), cityId, hash, Clock.Now() + OneTimeToken.Lifetime));
        return View();
    }

    /// <inheritdoc/>
    public Task<SignInResult> AcceptInvitation(string secret, string password) =>
        SetPasswordAsync(TokenPurpose.Invitation, State.Status == AccountStatus.Invited ? State.Invitation : null, secret, password);

    /// <inheritdoc/>
    public async Task<AccountView?> RequestPasswordReset(string tokenHash)
    {
        var hash = TokenHash(tokenHash);
        if (State.Status != AccountStatus.Active)
            return null;
        await AsPersonIfAnonymous(() => RaiseAsync(new AccountPasswordResetRequested(hash, Clock.Now() + OneTimeToken.Lifetime)));
        return View();
    }

    /// <inheritdoc/>
    public Task<SignInResult> ResetPassword(string secret, string password) =>
        SetPasswordAsync(TokenPurpose.PasswordReset, State.Status == AccountStatus.Active ? State.PasswordReset : null, secret, password);

    /// <inheritdoc/>
    public async Task<SignInResult> SignIn(string password)
    {
        if (State.Definition is null || string.IsNullOrEmpty(password) || password.Length > PasswordRules.MaxLength * 4)
            return SignInResult.Refused;
        var now = Clock.GetUtcNow();
        if (SignInLockout.LockedUntil(_failures, now) is { } locked)
            return new SignInResult(SignInOutcome.LockedOut, null, null, locked);
        // Invited, no password yet: refused as an unknown address is, so sign-in does not tell who has an open invitation.
        if (State.PasswordHash is not { } hash)
            return SignInResult.Refused;
        if (!await Passwords.VerifyAsync(hash, password))
        {
            _failures.Add(now);
            return SignInLockout.LockedUntil(_failures, now) is { } until
                ? new SignInResult(SignInOutcome.LockedOut, null, null, until)
                : SignInResult.Refused;
        }
        if (State.Status != AccountStatus.Active)
            return new SignInResult(SignInOutcome.NotActive, null, null, null);
        _failures.Clear();
        return SignedIn();
    }

    /// <inheritdoc/>
    public Task<PersonSession?> Session(string sessionStamp) => Task.FromResult(
        State.Status == AccountStatus.Active && Passwords.SameStamp(State.SessionStamp, sessionStamp) ? PersonSession() : null);

    /// <inheritdoc/>
    public async Task<AccountView> SetLanguage(ReportLanguage language)
    {
        if (State.Definition is null || !IsSelf(CallerContext.Current))
            throw AccessPolicy.Unseen(CallerContext.Current, Entity, Id);
        Field.Choice(language, "language");
        if (language != State.Definition.Language)
            await RaiseAsync(new AccountLanguageSet(language));
        return View();
    }

    /// <inheritdoc/>
    public async Task<AccountView> Disable(string reason)
    {
        await RequireManagerAsync();
        var checkedReason = Field.Text(reason, "reason", MaxReasonLength);
        if (State.Status != AccountStatus.Disabled)
            await RaiseAsync(new AccountDisabled(checkedReason, Passwords.NewSessionStamp()));
        return View();
    }

    /// <inheritdoc/>
    public async Task<AccountView> Enable()
    {
        await RequireManagerAsync();
        if (State.Status == AccountStatus.Disabled)
            await RaiseAsync(new AccountEnabled());
        return View();
    }

    /// <inheritdoc/>
    public async Task<AccountView> Get()
    {
        await AuthorizeReadAsync();
        return View();
    }

    /// <summary>
    /// Sets a password through a one-time link of <paramref name="purpose"/>: the link must be open
    /// (<paramref name="link"/>), unexpired and match <paramref name="secret"/>; the password must
    /// keep the rules. Uses the link up, changes the session stamp and signs the person in.
    /// </summary>
    private async Task<SignInResult> SetPasswordAsync(TokenPurpose purpose, OpenLink? link, string secret, string password)
    {
        // The secret is the authority here, not the caller.
        if (State.Definition is not { } definition || link is null || link.ExpiresAt <= Clock.GetUtcNow()
            || !OneTimeToken.Matches(purpose, secret, link.TokenHash))
        {
            throw new RuleViolationException("This link is no longer valid (expired, already used or unknown): ask for a new one.");
        }
        PasswordRules.Check(password, definition.Email);
        var hash = await Passwords.HashAsync(password);
        await AsPersonIfAnonymous(() => RaiseAsync(new AccountPasswordSet(purpose, hash, Passwords.NewSessionStamp())));
        _failures.Clear();
        return SignedIn();
    }

    /// <summary>
    /// Runs <paramref name="change"/> with the person themself as its actor when nobody signed in
    /// made it (a one-time link's holder is the person): the journal never names "anonymous".
    /// </summary>
    private async Task AsPersonIfAnonymous(Func<Task> change)
    {
        if (CallerContext.Current.Role == Role.Anonymous)
            CallerContext.Set(Person());
        await change();
    }

    private SignInResult SignedIn() => new(SignInOutcome.SignedIn, PersonSession(), State.SessionStamp, null);

    private PersonSession PersonSession()
    {
        var definition = State.Definition!;
        return new PersonSession(Person(), definition.DisplayName, definition.Email, definition.Language);
    }

    /// <summary>The caller the person's sessions act as: their organisation in their role, with their account.</summary>
    private Caller Person()
    {
        var definition = State.Definition!;
        return new Caller(definition.OrganisationId, definition.Role, null, State.CityId, Id);
    }

    private bool IsSelf(Caller caller) => State.Definition is not null && caller.AccountId == Id && caller.Role != Role.Anonymous;

    /// <summary>Refuses a caller who may not manage the people of the account's organisation; an unknown account is NotFound to admins only.</summary>
    private async Task RequireManagerAsync()
    {
        var scope = State.Definition is { } definition
            ? await PeopleScope.OfAsync(GrainFactory, definition.OrganisationId, State.CityId, CallerContext.Current)
            : null;
        AccessPolicy.Require(Permission.ManagePeople, scope, Entity, Id);
    }

    private static string TokenHash(string? hash) =>
        hash is { Length: 64 } && hash.All(char.IsAsciiHexDigitLower) ? hash
            : throw new InvalidFieldException("token_hash", "must be the SHA-256 of a one-time link's secret, in lower-case hex");

    private AccountView View()
    {
        var definition = State.Definition!;
        return new AccountView(Id, definition, State.Status, State.InvitedAt, State.InvitedBy,
            State.Status == AccountStatus.Invited ? State.Invitation?.ExpiresAt : null, State.DisabledReason);
    }
}
