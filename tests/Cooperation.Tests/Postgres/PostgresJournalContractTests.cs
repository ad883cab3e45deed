using Cooperation.Silo.Journal;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Postgres;

/// <summary>The PostgreSQL journal passes the journal contract, which the fast lane's in-memory journal also passes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalContractTests(PostgresFixture postgres) : EventJournalContract
{
    /// <inheritdoc/>
    protected override IEventJournal NewJournal() => StandaloneJournal.Create(postgres.DataSource);
}
