using System.Security.Cryptography;
using System.Text.Json;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.Journal;

/// <summary>A grain's state as of an event: what activation starts from before reading the later events.</summary>
/// <param name="Version">Sequence of the last event applied, 0 for none.</param>
/// <param name="State">The state after it; null before the first event.</param>
[GenerateSerializer, Alias("coop.EntitySnapshot`1")]
internal sealed record EntitySnapshot<TState>([property: Id(0)] long Version, [property: Id(1)] TState? State);

/// <summary>A client's key for a request and a hash of its content, to recognise a retry.</summary>
/// <param name="Key">Chosen by the client, unique per request and entity.</param>
/// <param name="Hash">Hash of what was asked, by whom.</param>
internal readonly record struct RequestIdentity(string Key, string Hash)
{
    /// <summary>A hash of <paramref name="fingerprint"/> (a record of what was asked and by whom) as stored JSON.</summary>
    public static string HashOf<T>(T fingerprint) where T : class => Convert.ToHexStringLower(
        SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(fingerprint, EventJson.Options)));
}

/// <summary>
/// A grain whose state is the fold of its events in the journal. A change is decided against
/// the current state, recorded as events (<see cref="RaiseAsync(IReadOnlyList{IEntityEvent}, IReadOnlyList{SubjectReading}?, RequestIdentity?)"/>),
/// and applied to memory only after the journal committed them, so memory never runs ahead of
/// storage. Activation starts from the latest snapshot and applies the events after it;
/// snapshots are written every <see cref="SnapshotEvery"/> events and are never needed for
/// correctness. Written by this grain's activation only: a second activation writing the same
/// sequence is refused by the journal's key.
/// </summary>
internal abstract partial class EventSourcedGrain<TState>(
    IPersistentState<EntitySnapshot<TState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger logger) : Grain
    where TState : class
{
    /// <summary>Events between snapshots.</summary>
    public const int SnapshotEvery = 100;

    private int _sinceSnapshot;

    // The newest events as last read from the journal, kept while no event follows them: a page
    // opens on the newest history far more often than the entity changes.
    private NewestEvents? _newest;

    /// <summary>The journal's name for this kind of entity, e.g. "pilot".</summary>
    protected abstract string EntityType { get; }

    /// <summary>The state before any event.</summary>
    protected abstract TState Initial { get; }

    /// <summary>The state after <paramref name="entry"/>'s event: pure, and never refuses (events are facts).</summary>
    protected abstract TState Apply(TState state, JournalEntry entry);

    /// <summary>The partnership whose watchers see this entity's events, if any.</summary>
    protected virtual string? ScopeOf(TState state) => null;

    /// <summary>Refuses a caller who may not read the entity (its history included).</summary>
    protected abstract void AuthorizeRead();

    /// <summary>
    /// <see cref="AuthorizeRead"/> for an entity whose readers are judged on what other grains
    /// hold (e.g. a person's account: the partnerships of its organisation).
    /// </summary>
    protected virtual Task AuthorizeReadAsync()
    {
        AuthorizeRead();
        return Task.CompletedTask;
    }

    /// <summary>An event as histories and feeds show it: by default as stored; an entity with secrets in its events leaves them out.</summary>
    protected virtual IEntityEvent Redacted(IEntityEvent @event) => @event;

    /// <summary>Called after events were committed and applied.</summary>
    protected virtual void OnRaised(IReadOnlyList<JournalEntry> entries, IReadOnlyList<SubjectReading> readings) { }

    /// <summary>The grain's id.</summary>
    protected string Id => this.GetPrimaryKeyString();

    /// <summary>The current state.</summary>
    protected TState State { get; private set; } = null!;

    /// <summary>Sequence of the last event applied, 0 before the first.</summary>
    protected long Version { get; private set; }

    /// <summary>The journal.</summary>
    protected IEventJournal Journal => journal;

    /// <summary>The clock.</summary>
    protected TimeProvider Clock => clock;

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        State = snapshot.State?.State ?? Initial;
        Version = snapshot.State?.Version ?? 0;
        var tail = await journal.ReadAsync(EntityType, Id, Version, cancellationToken: cancellationToken);
        foreach (var entry in tail)
        {
            State = Apply(State, entry);
            Version = entry.Sequence;
        }
        _sinceSnapshot = tail.Count;
    }

    /// <summary>Records one event; see <see cref="RaiseAsync(IReadOnlyList{IEntityEvent}, IReadOnlyList{SubjectReading}?, RequestIdentity?)"/>.</summary>
    protected Task RaiseAsync(IEntityEvent @event) => RaiseAsync([@event]);

    /// <summary>
    /// Stores <paramref name="events"/> (and the <paramref name="readings"/> they record) as
    /// one atomic append by the current caller, then applies them. When the append fails the
    /// state is unchanged and the grain deactivates, so the next call reloads what storage
    /// holds (a failed write may still have committed). A <see cref="DuplicateRequestException"/>
    /// changes nothing and leaves the grain active.
    /// </summary>
    protected async Task RaiseAsync(IReadOnlyList<IEntityEvent> events, IReadOnlyList<SubjectReading>? readings = null,
        RequestIdentity? request = null)
    {
        var (entries, next) = Decide(events, request);
        readings ??= [];
        try
        {
            await journal.AppendAsync(new JournalAppend(entries, readings));
        }
        catch (DuplicateRequestException)
        {
            throw;
        }
        catch
        {
            this.DeactivateOnIdle();
            throw;
        }
        Accept(entries, next);
        OnRaised(entries, readings);
        await SnapshotIfDueAsync();
    }

    /// <summary>
    /// The journal entries <paramref name="events"/> would be, numbered after the current
    /// version, for an append made elsewhere (e.g. several entities in one transaction).
    /// </summary>
    protected IReadOnlyList<JournalEntry> Prepare(IReadOnlyList<IEntityEvent> events, RequestIdentity? request = null) =>
        Decide(events, request).Entries;

    private (IReadOnlyList<JournalEntry> Entries, TState Next) Decide(IReadOnlyList<IEntityEvent> events, RequestIdentity? request)
    {
        var caller = CallerContext.Current;
        var at = clock.Now();
        var entries = events.Select((e, i) => new JournalEntry(EntityType, Id, Version + i + 1, e, at, caller,
            IdempotencyKey: i == 0 ? request?.Key : null, RequestHash: i == 0 ? request?.Hash : null)).ToArray();
        var next = entries.Aggregate(State, Apply);
        // The scope after the events: a creation event brings the entity into its partnership.
        return (ScopeOf(next) is { } scope ? entries.Select(e => e with { Scope = scope }).ToArray() : entries, next);
    }

    /// <summary>
    /// Takes in entries committed by an append made elsewhere. True when they are applied (now,
    /// or already, by an activation that read them from the journal); false, and the grain
    /// deactivates to reload, when they do not follow the current version.
    /// </summary>
    protected bool AcceptCommitted(IReadOnlyList<JournalEntry> entries, IReadOnlyList<SubjectReading> readings)
    {
        if (entries.Count > 0 && entries[^1].Sequence <= Version)
            return true;
        if (entries.Count == 0 || entries[0].Sequence != Version + 1)
        {
            this.DeactivateOnIdle();
            return false;
        }
        Accept(entries, entries.Aggregate(State, Apply));
        OnRaised(entries, readings);
        return true;
    }

    private void Accept(IReadOnlyList<JournalEntry> entries, TState next)
    {
        State = next;
        Version = entries[^1].Sequence;
        _sinceSnapshot += entries.Count;
    }

    private async Task SnapshotIfDueAsync()
    {
        if (_sinceSnapshot < SnapshotEvery)
            return;
        snapshot.State = new EntitySnapshot<TState>(Version, State);
        try
        {
            await snapshot.WriteStateAsync();
            _sinceSnapshot = 0;
        }
        catch (Exception error)
        {
            // Only a shortcut for the next activation: the journal already holds every event.
            LogSnapshotFailed(logger, EntityType, Id, error);
        }
    }

    /// <summary>
    /// Whether the caller, who may read the entity, may also see <paramref name="event"/> in its
    /// history or feed; every event unless a kind of entity scopes some (see AccessPolicy).
    /// </summary>
    protected virtual ValueTask<bool> ShowsAsync(IEntityEvent @event) => ValueTask.FromResult(true);

    /// <summary>A page of the entity's history, for whoever may read the entity: the events within the caller's scope.</summary>
    public async Task<HistoryPage> GetHistory(HistoryQuery query)
    {
        await AuthorizeReadAsync();
        query.Validate();
        var entries = query.NewestFirst
            ? query.From is null
                ? await NewestAsync(query.Limit + 1)
                : Audited(await journal.ReadBackwardAsync(EntityType, Id, query.From.Value, query.Limit + 1))
            : Audited(await journal.ReadAsync(EntityType, Id, query.From ?? 0, query.Limit + 1));
        var page = entries.Take(query.Limit).ToArray();
        var shown = new List<AuditEvent>(page.Length);
        foreach (var (entry, audited) in page)
        {
            if (await ShowsAsync(entry.Event))
                shown.Add(audited.Value);
        }
        // The next page continues after the last event read, shown or not.
        return new HistoryPage(ValueList.Of(shown), entries.Count > query.Limit ? page[^1].Entry.Sequence : null);
    }

    // Each entry with the event as histories show it, made when first shown (its payload as JSON).
    private IReadOnlyList<(JournalEntry Entry, Lazy<AuditEvent> Audited)> Audited(IReadOnlyList<JournalEntry> entries) =>
        [.. entries.Select(entry => (entry, new Lazy<AuditEvent>(() => AuditEvents.Of(entry with { Event = Redacted(entry.Event) }), LazyThreadSafetyMode.None)))];

    /// <summary>
    /// The newest <paramref name="count"/> events, newest first, each with its shown form: from
    /// memory when nothing was recorded since they were read.
    /// </summary>
    private async Task<IReadOnlyList<(JournalEntry Entry, Lazy<AuditEvent> Audited)>> NewestAsync(int count)
    {
        if (_newest is { } kept && kept.Version == Version && kept.Count >= count)
            return kept.Entries.Count > count ? kept.Entries.Take(count).ToArray() : kept.Entries;
        var version = Version;
        var entries = Audited(await journal.ReadBackwardAsync(EntityType, Id, long.MaxValue, count));
        if (version == Version)
            _newest = new NewestEvents(version, count, entries);
        return entries;
    }

    /// <summary>Up to <paramref name="Count"/> newest events, read when the grain stood at <paramref name="Version"/>.</summary>
    private sealed record NewestEvents(long Version, int Count, IReadOnlyList<(JournalEntry Entry, Lazy<AuditEvent> Audited)> Entries);

    /// <summary>Whether the caller may read the entity.</summary>
    public async Task<bool> IsReadable()
    {
        try
        {
            await AuthorizeReadAsync();
            return true;
        }
        catch (CooperationException)
        {
            return false;
        }
    }

    /// <summary>Those of the entity's <paramref name="events"/> the caller may see.</summary>
    public async Task<ValueList<AuditEvent>> Visible(ValueList<AuditEvent> events)
    {
        if (!await IsReadable())
            return [];
        var shown = new List<AuditEvent>(events.Count);
        foreach (var e in events)
        {
            var stored = e.EntityType == EntityType && e.EntityId == Id ? EventJson.Deserialize(e.Kind, e.PayloadJson) : null;
            if (stored is not null && await ShowsAsync(stored))
                shown.Add(Redacted(stored) is var redacted && ReferenceEquals(redacted, stored) ? e : e with { PayloadJson = EventJson.Serialize(redacted) });
        }
        return ValueList.Of(shown);
    }

    [LoggerMessage(LogLevel.Warning, "Snapshot of {EntityType} '{Id}' not written; activation replays more events until the next one")]
    private static partial void LogSnapshotFailed(ILogger logger, string entityType, string id, Exception error);
}
