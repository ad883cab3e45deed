using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.People;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.People;

/// <summary>
/// Every account's e-mail address with its organisation: one address names one account (sign-in
/// and password reset find the account by it), and an organisation's people are listed without
/// scanning storage. People number in the thousands at most, so one directory serves, like the
/// credential registry.
/// </summary>
internal sealed class AccountDirectoryGrain(
    [PersistentState(EntityTypes.AccountDirectory, StorageNames.Domain)] IPersistentState<EntitySnapshot<AccountDirectoryState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger<AccountDirectoryGrain> logger)
    : EventSourcedGrain<AccountDirectoryState>(snapshot, journal, clock, logger), IAccountDirectoryGrain
{
    /// <summary>Most accounts one <see cref="Names"/> call names (a history page holds at most 200 events).</summary>
    public const int MaxNames = 200;

    /// <inheritdoc/>
    protected override string EntityType => EntityTypes.AccountDirectory;

    /// <inheritdoc/>
    protected override AccountDirectoryState Initial => new();

    /// <inheritdoc/>
    protected override AccountDirectoryState Apply(AccountDirectoryState state, JournalEntry entry) => AccountEvents.Apply(state, entry);

    /// <inheritdoc/>
    protected override void AuthorizeRead() =>
        AccessPolicy.Require(Permission.ManageCredentials, AccessScope.OfCities([]), "account directory", Id);

    /// <inheritdoc/>
    public async Task<bool> Claim(string email, string accountId, string organisationId)
    {
        if (CallerContext.Current.Role == Role.Anonymous)
            throw AccessPolicy.Unseen(CallerContext.Current, "account directory", Id);
        email = AccountEmail.Normalise(email, "email");
        Field.Id(accountId, "account_id");
        Field.Id(organisationId, "organisation_id");
        if (Holder(email) is { } holder)
            return holder.AccountId == accountId;
        await RaiseAsync(new AccountClaimed(email, accountId, organisationId));
        return true;
    }

    /// <inheritdoc/>
    public Task<string?> Find(string email)
    {
        var address = (email ?? "").Trim().ToLowerInvariant();
        return Task.FromResult(Holder(address)?.AccountId);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AccountView>> List(string organisationId)
    {
        Field.Id(organisationId, "organisation_id");
        var ids = State.Accounts.Where(a => a.OrganisationId == organisationId).Select(a => a.AccountId).ToArray();
        // Each account judges its reader (the person themself, or who manages its organisation's people), as a single read does.
        var readable = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                return await GrainFactory.GetGrain<IAccountGrain>(id).Get();
            }
            catch (AccessDeniedException)
            {
                return null;
            }
        }));
        return readable.OfType<AccountView>().ToArray();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PersonName>> Names(IReadOnlyList<string> accountIds)
    {
        if (CallerContext.Current.Role == Role.Anonymous)
            throw AccessPolicy.Unseen(CallerContext.Current, "account directory", Id);
        var known = (accountIds ?? []).Distinct(StringComparer.Ordinal).Where(id => State.Accounts.Any(a => a.AccountId == id)).Take(MaxNames).ToArray();
        // Who acted is part of every history its reader may read; the names are read as the platform.
        var views = await CallerContext.AsPlatformAsync(() => Task.WhenAll(known.Select(id => GrainFactory.GetGrain<IAccountGrain>(id).Get())));
        return views.Select(v => new PersonName(v.AccountId, v.Definition.DisplayName, v.Definition.OrganisationId)).ToArray();
    }

    private AccountClaimed? Holder(string email) => State.Accounts.FirstOrDefault(a => a.Email == email);
}
