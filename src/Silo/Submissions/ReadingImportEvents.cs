using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Submissions;

/// <summary>An import stored its readings (in the same transaction as this event).</summary>
/// <param name="RequestHash">Hash of the file as asked, to tell a retry from another file under the key.</param>
/// <param name="Result">What it did: the answer to every retry.</param>
[EventKind("import.stored", 1)]
internal sealed record ReadingsImported(string RequestHash, StoredImportResult Result) : IEntityEvent;

/// <summary>An import's state: the fold of its one event.</summary>
[GenerateSerializer, Alias("coop.ReadingImportState")]
internal sealed record ReadingImportState
{
    /// <summary>Hash of the file that was stored; null until one was.</summary>
    [Id(0)] public string? RequestHash { get; init; }

    /// <summary>What storing it did.</summary>
    [Id(1)] public ReadingImportResult? Result { get; init; }
}

/// <summary>How an import's events change its state.</summary>
internal static class ReadingImportEvents
{
    /// <summary>The state after <paramref name="entry"/>.</summary>
    public static ReadingImportState Apply(ReadingImportState state, JournalEntry entry) => entry.Event switch
    {
        ReadingsImported stored => new ReadingImportState { RequestHash = stored.RequestHash, Result = stored.Result.ToContract() },
        var other => throw new InvalidOperationException($"An import does not take {other.GetType().Name} events."),
    };
}
