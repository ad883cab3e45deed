using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Microsoft.Extensions.Logging;

namespace Cooperation.Silo.Submissions;

/// <summary>
/// One organisation's import of readings under one idempotency key. Each pilot decides on its
/// rows (<see cref="IReadingImportParticipant.Stage"/>); this grain appends every pilot's events
/// and its own record in one journal transaction, so a file is stored whole or not at all and
/// exactly once. A pilot that changed in between makes the append fail on the pilot's sequence;
/// the import then decides again.
/// </summary>
internal sealed partial class ReadingImportGrain(
    [PersistentState(EntityTypes.ReadingImport, StorageNames.Domain)] IPersistentState<EntitySnapshot<ReadingImportState>> snapshot,
    IEventJournal journal,
    TimeProvider clock,
    ILogger<ReadingImportGrain> logger) : EventSourcedGrain<ReadingImportState>(snapshot, journal, clock, logger), IReadingImportGrain
{
    /// <summary>Times an import decides again after a pilot changed under it.</summary>
    public const int MaxAttempts = 3;

    /// <inheritdoc/>
    protected override string EntityType => EntityTypes.ReadingImport;

    /// <inheritdoc/>
    protected override ReadingImportState Initial => new();

    /// <inheritdoc/>
    protected override ReadingImportState Apply(ReadingImportState state, JournalEntry entry) => ReadingImportEvents.Apply(state, entry);

    private string Organisation => Id[..Id.IndexOf(':')];

    private string Key => Id[(Id.IndexOf(':') + 1)..];

    /// <inheritdoc/>
    protected override void AuthorizeRead()
    {
        var caller = CallerContext.Current;
        if (caller.Role != Role.Admin && caller.Role != Role.System && caller.OrganisationId != Organisation)
            throw new AccessDeniedException("Only the importing organisation may see its imports.");
    }

    /// <inheritdoc/>
    public async Task<ReadingImportResult> Import(ReadingImportRequest request)
    {
        AuthorizeRead();
        var hash = RequestIdentity.HashOf(new Fingerprint(Organisation, request));
        if (State.Result is { } first)
        {
            return State.RequestHash == hash
                ? first with { Replayed = true }
                : throw new EntityExistsException("import with idempotency key", Key);
        }

        for (var attempt = 1; ; attempt++)
        {
            var stages = await Task.WhenAll(request.Rows.GroupBy(r => r.PilotId, StringComparer.Ordinal)
                .Select(rows => GrainFactory.GetGrain<IReadingImportParticipant>(rows.Key).Stage(ValueList.Of(rows))));
            // A file is one request: in all-or-nothing mode, a pilot out of the caller's reach refuses it.
            if (request.Mode == ImportMode.AllOrNothing && stages.FirstOrDefault(s => s.Denied) is { } denied)
                throw new AccessDeniedException(denied.Rejections[0].Reason);
            var result = Summarise(request, stages);
            if (request.ValidateOnly || result.RowsAccepted == 0 || (request.Mode == ImportMode.AllOrNothing && result.Rejections.Count > 0))
                return result;

            var stored = result with { Stored = true, StoredAt = Clock.Now() };
            var own = Prepare([new ReadingsImported(hash, StoredImportResult.Of(stored))], new RequestIdentity(Key, hash));
            var staged = stages.Where(s => s.Append is not null).Select(s => s.Append!).ToArray();
            try
            {
                await Journal.AppendAsync(new JournalAppend([.. own, .. staged.SelectMany(s => s.ToEntries())], [.. staged.SelectMany(s => s.Readings)]));
            }
            catch (ConcurrentChangeException) when (attempt < MaxAttempts)
            {
                continue;
            }
            catch
            {
                // Also for a duplicate key: another activation stored it; the next one reads what it did.
                DeactivateOnIdle();
                throw;
            }
            AcceptCommitted(own, []);
            await CompleteAsync(staged);
            return stored;
        }
    }

    private static ReadingImportResult Summarise(ReadingImportRequest request, IReadOnlyList<ImportStage> stages)
    {
        var rejections = request.Unreadable.Concat(stages.SelectMany(s => s.Rejections)).OrderBy(r => r.Row).ToArray();
        var periods = stages.SelectMany(s => s.Periods).ToArray();
        return new ReadingImportResult(request.RowCount, periods.Sum(p => p.Readings), ValueList.Of(rejections), ValueList.Of(periods),
            Stored: false, StoredAt: null, Replayed: false);
    }

    /// <summary>Tells each pilot what was committed for it; one that misses it reloads from the journal when its next write collides.</summary>
    private async Task CompleteAsync(IEnumerable<StagedAppend> staged)
    {
        foreach (var append in staged)
        {
            try
            {
                await GrainFactory.GetGrain<IReadingImportParticipant>(append.Entries[0].EntityId).Complete(append);
            }
            catch (Exception error)
            {
                LogCompleteFailed(logger, append.Entries[0].EntityId, error);
            }
        }
    }

    // A record, not an anonymous type: the event JSON settings skip read-only properties.
    private sealed record Fingerprint(string OrganisationId, ReadingImportRequest Request);

    [LoggerMessage(LogLevel.Warning, "Pilot '{PilotId}' did not take in an import's committed events; it reloads them on its next write")]
    private static partial void LogCompleteFailed(ILogger logger, string pilotId, Exception error);
}
