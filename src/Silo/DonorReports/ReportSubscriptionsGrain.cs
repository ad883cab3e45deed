using System.Security.Cryptography;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Programmes;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.DonorReports;

/// <summary>
/// A donor's report subscriptions. Who may manage one follows from what it covers: the donor
/// itself, the offices of the cities whose partnerships it covers, and admins.
/// </summary>
internal sealed class ReportSubscriptionsGrain(
    [PersistentState(EntityTypes.ReportSubscriptions, StorageNames.Domain)] IPersistentState<EntitySnapshot<ReportSubscriptionsState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger<ReportSubscriptionsGrain> logger) : EventSourcedGrain<ReportSubscriptionsState>(snapshot, journal, clock, logger), IReportSubscriptionsGrain
{
    private const string Entity = "report subscriptions of";

    /// <inheritdoc/>
    protected override string EntityType => EntityTypes.ReportSubscriptions;

    /// <inheritdoc/>
    protected override ReportSubscriptionsState Initial => new();

    /// <inheritdoc/>
    protected override ReportSubscriptionsState Apply(ReportSubscriptionsState state, JournalEntry entry) => ReportSubscriptionsState.Apply(state, entry);

    // The history holds every subscription of the donor: only the donor and admins read it whole.
    /// <inheritdoc/>
    protected override void AuthorizeRead() => AccessPolicy.Require(Permission.ReadReports, DonorScope([]), Entity, Id);

    /// <inheritdoc/>
    public async Task<ReportSubscriptionCreation> Create(string subscriptionId, ReportSubscriptionDefinition definition)
    {
        Field.Id(subscriptionId, "subscription_id");
        await CheckAsync(definition);
        if (State.ById.TryGetValue(subscriptionId, out var existing))
        {
            return existing.Definition == definition
                ? new(await AsReadAsync(existing), IsNew: false)
                : throw new EntityExistsException("report subscription", subscriptionId);
        }
        await RaiseAsync(new ReportSubscriptionCreated(subscriptionId, StoredSubscriptionDefinition.Of(definition), NewSecretId()));
        return new(await AsReadAsync(State.ById[subscriptionId]), IsNew: true);
    }

    /// <inheritdoc/>
    public async Task<ReportSubscriptionView> Change(string subscriptionId, ReportSubscriptionDefinition definition)
    {
        var current = await RequireAsync(subscriptionId, Permission.ManageReports);
        await CheckAsync(definition);
        if (current.Definition != definition)
            await RaiseAsync(new ReportSubscriptionChanged(subscriptionId, StoredSubscriptionDefinition.Of(definition)));
        return await AsReadAsync(State.ById[subscriptionId]);
    }

    /// <inheritdoc/>
    public async Task<ReportSubscriptionView> SetPaused(string subscriptionId, bool paused)
    {
        var current = await RequireAsync(subscriptionId, Permission.ManageReports);
        if (current.Paused != paused)
            await RaiseAsync(new ReportSubscriptionPaused(subscriptionId, paused));
        return await AsReadAsync(State.ById[subscriptionId]);
    }

    /// <inheritdoc/>
    public async Task<ReportSubscriptionView> RotateWebhookSecret(string subscriptionId)
    {
        await RequireAsync(subscriptionId, Permission.ManageReports);
        await RaiseAsync(new ReportSubscriptionSecretRotated(subscriptionId, NewSecretId()));
        return await AsReadAsync(State.ById[subscriptionId]);
    }

    /// <inheritdoc/>
    public async Task Delete(string subscriptionId)
    {
        await RequireAsync(subscriptionId, Permission.ManageReports);
        await RaiseAsync(new ReportSubscriptionDeleted(subscriptionId));
    }

    /// <inheritdoc/>
    public async Task<ReportSubscriptionView> Get(string subscriptionId) =>
        await AsReadAsync(await RequireAsync(subscriptionId, Permission.ReadReports));

    /// <inheritdoc/>
    public async Task<ReportSubscriptionView> GetToManage(string subscriptionId) =>
        await AsReadAsync(await RequireAsync(subscriptionId, Permission.ManageReports));

    /// <inheritdoc/>
    public async Task<ValueList<ReportSubscriptionView>> List()
    {
        var readable = new List<ReportSubscriptionView>();
        foreach (var subscription in await ReadableAsync())
            readable.Add(await AsReadAsync(subscription));
        return ValueList.Of(readable);
    }

    /// <inheritdoc/>
    public async Task<ReportArchiveAccess> ArchiveAccess(string? subscriptionId)
    {
        if (subscriptionId is not null)
        {
            Field.Id(subscriptionId, "subscription_id");
            // A deleted (or never made) subscription's archive: the donor's and admins' only.
            if (State.ById.ContainsKey(subscriptionId))
                await RequireAsync(subscriptionId, Permission.ReadReports);
            else
                AccessPolicy.Require(Permission.ReadReports, DonorScope([]), Entity, Id);
            return new(false, [subscriptionId]);
        }
        if (MayActOnAll(Permission.ReadReports))
            return new(true, []);
        return new(false, ValueList.Of((await ReadableAsync()).Select(s => s.SubscriptionId)));
    }

    /// <summary>The live subscriptions the caller may read, each judged alone, by id; refuses one who may read none.</summary>
    private async Task<List<ReportSubscriptionView>> ReadableAsync()
    {
        var readable = new List<ReportSubscriptionView>();
        var all = MayActOnAll(Permission.ReadReports);
        foreach (var subscription in State.ById.Values.OrderBy(s => s.SubscriptionId, StringComparer.Ordinal))
        {
            if (all || (await ScopesOfAsync(subscription.Definition.Scope)).All(scope => AccessPolicy.Allows(CallerContext.Current, Permission.ReadReports, scope)))
                readable.Add(subscription);
        }
        // Someone who may read none learns nothing of whether the donor has any.
        if (readable.Count == 0)
            AccessPolicy.Require(Permission.ReadReports, DonorScope([]), Entity, Id);
        return readable;
    }

    private async Task<ReportSubscriptionView> RequireAsync(string subscriptionId, Permission permission)
    {
        Field.Id(subscriptionId, "subscription_id");
        if (!State.ById.TryGetValue(subscriptionId, out var subscription))
        {
            // Only those who may see all of the donor's subscriptions learn that one does not exist.
            AccessPolicy.Require(permission, DonorScope([]), Entity, Id);
            throw new EntityNotFoundException("report subscription", subscriptionId);
        }
        if (MayActOnAll(permission))
            return subscription;
        // Refused in the same words as an unknown one: the refusal names the donor asked about, never the subscription.
        foreach (var scope in await ScopesOfAsync(subscription.Definition.Scope))
            AccessPolicy.Require(permission, scope, Entity, Id);
        return subscription;
    }

    /// <summary><paramref name="view"/> as reads give it: with the submission window of what it covers now.</summary>
    private async Task<ReportSubscriptionView> AsReadAsync(ReportSubscriptionView view) =>
        view with { WindowDays = await WindowDaysAsync(view.Definition.Scope) };

    private static string NewSecretId() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>Whether the caller may do <paramref name="permission"/> on every subscription of the donor (admins, the donor itself), whatever they cover.</summary>
    private bool MayActOnAll(Permission permission) => AccessPolicy.Allows(CallerContext.Current, permission, DonorScope([]));

    /// <summary>Refuses a definition that breaks a rule, names another donor, or covers what the caller may not manage.</summary>
    private async Task CheckAsync(ReportSubscriptionDefinition definition)
    {
        definition.Validate();
        if (definition.DonorOrganisationId != Id)
            throw new InvalidFieldException("donor_organisation_id", $"must be {Id}, the donor whose subscriptions these are");
        foreach (var scope in await ScopesOfAsync(definition.Scope))
            AccessPolicy.Require(Permission.ManageReports, scope, Entity, Id);
        var donor = await CallerContext.AsPlatformAsync(() => Named("donor_organisation_id", "organisation", () => GrainFactory.GetGrain<IOrganisationGrain>(Id).Get()));
        if (donor.Definition.Kind != OrganisationKind.Donor)
            throw new InvalidFieldException("donor_organisation_id", "must be a donor organisation");
    }

    /// <summary>
    /// One access scope per partnership <paramref name="scope"/> covers (its cities), with the donor
    /// as the party the reports are for. Read as the platform: the caller is judged on the result.
    /// </summary>
    private Task<IReadOnlyList<AccessScope>> ScopesOfAsync(ReportScope scope) => CallerContext.AsPlatformAsync<IReadOnlyList<AccessScope>>(async () =>
    {
        var scopes = new List<AccessScope>();
        foreach (var partnershipId in (await CoverageAsync(scope)).PartnershipIds)
        {
            var partnership = await Named("scope.id", "partnership", () => GrainFactory.GetGrain<IPartnershipGrain>(partnershipId).Get());
            scopes.Add(DonorScope(partnership.Definition.CityIds));
        }
        return scopes;
    });

    /// <summary>
    /// The longest submission window (<see cref="SubmissionWindow"/>, set per programme) among the
    /// programmes <paramref name="scope"/> covers: its reports wait until every window has closed.
    /// </summary>
    private Task<int> WindowDaysAsync(ReportScope scope) => CallerContext.AsPlatformAsync(async () =>
    {
        var programmeIds = (await CoverageAsync(scope)).ProgrammeIds;
        var days = await Task.WhenAll(programmeIds.Select(async id =>
            (await GrainFactory.GetGrain<IProgrammeGrain>(id).Get()).Definition.SubmissionWindowDays));
        return days.DefaultIfEmpty(SubmissionWindow.DefaultDays).Max();
    });

    /// <summary>The partnerships and programmes <paramref name="scope"/> covers, read as the platform.</summary>
    private Task<(IReadOnlyList<string> PartnershipIds, IReadOnlyList<string> ProgrammeIds)> CoverageAsync(ReportScope scope) =>
        CallerContext.AsPlatformAsync<(IReadOnlyList<string>, IReadOnlyList<string>)>(async () =>
        {
            switch (scope.Kind)
            {
                case ReportScopeKind.Partnership:
                    var partnership = await Named("scope.id", "partnership", () => GrainFactory.GetGrain<IPartnershipGrain>(scope.Id!).Get());
                    return ([scope.Id!], partnership.ProgrammeIds);
                case ReportScopeKind.Programme:
                    return ([await ProgrammePartnershipAsync(scope.Id!)], [scope.Id!]);
                case ReportScopeKind.Pilots:
                    var pilots = await Task.WhenAll(scope.PilotIds.Select(id =>
                        Named("scope.pilot_ids", "pilot", () => GrainFactory.GetGrain<IPilotGrain>(id).Get())));
                    return ([.. pilots.Select(p => p.Definition.PartnershipId).Distinct(StringComparer.Ordinal)],
                        [.. pilots.Select(p => p.Definition.ProgrammeId).Distinct(StringComparer.Ordinal)]);
                default:
                    throw new ArgumentOutOfRangeException(nameof(scope), scope.Kind, "Every scope kind says what it covers.");
            }
        });

    private async Task<string> ProgrammePartnershipAsync(string programmeId)
    {
        var programme = await Named("scope.id", "programme", () => GrainFactory.GetGrain<IProgrammeGrain>(programmeId).Get());
        return programme.Definition.OwnerKind == ProgrammeOwnerKind.Partnership
            ? programme.Definition.OwnerId
            : throw new InvalidFieldException("scope.id", "is a city's programme; list its pilots instead");
    }

    // A scope naming nothing is the caller's mistake in a field, not a missing resource of the API.
    private static async Task<T> Named<T>(string field, string entity, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (EntityNotFoundException missing)
        {
            throw new InvalidFieldException(field, $"names no {entity} ('{missing.Id}')");
        }
    }

    private AccessScope DonorScope(IEnumerable<string> cityIds) => new(ValueList.Of(cityIds), [], [], [Id], []);
}
