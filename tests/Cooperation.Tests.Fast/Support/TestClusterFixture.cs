using Cooperation.Silo.Hosting;

namespace Cooperation.Tests.Support;

/// <summary>
/// The fast lane's two-silo cluster: the production silo set-up on memory (journal, snapshots,
/// reminders), no PostgreSQL. The in-memory journal passes the same contract as PostgreSQL's
/// (<see cref="EventJournalContract"/>).
/// </summary>
public sealed class TestClusterFixture : ClusterFixture
{
    /// <summary>The journal's storage, shared by both silos.</summary>
    public InMemoryJournalStore Journal { get; } = new();

    /// <inheritdoc/>
    protected override Task<ISiloInfrastructure> InfrastructureAsync() => Task.FromResult<ISiloInfrastructure>(new InMemoryInfrastructure(Journal));

    /// <inheritdoc/>
    public override Task<long> StoredReadingsAsync(string subject) => Task.FromResult(Journal.ReadingCount(subject));

    /// <inheritdoc/>
    public override Task<long> EventCountAsync(params string[] entityIds) => Task.FromResult(Journal.EventCount(entityIds));
}

/// <summary>Tests that share one <see cref="TestClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TestClusterCollection : ICollectionFixture<TestClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "test cluster";
}
