using Cooperation.Silo.Journal;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Journal;

/// <summary>The in-memory journal the fast lane's grains stand on passes the journal contract PostgreSQL's passes.</summary>
public sealed class InMemoryJournalContractTests : EventJournalContract
{
    private readonly InMemoryJournalStore _store = new();

    /// <inheritdoc/>
    protected override IEventJournal NewJournal() => StandaloneJournal.InMemory(_store);
}
