using Cooperation.Contracts.Common;
using Cooperation.Silo.Hosting;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Kpis.Readings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cooperation.Tests.Support;

/// <summary>
/// One silo's journal on an <see cref="InMemoryJournalStore"/> that every silo of the test
/// cluster shares: appends are committed when they complete and signal the partnerships' feeds,
/// as the PostgreSQL journal's are; once its host stops, appends are refused as Unavailable.
/// </summary>
public sealed class InMemoryEventJournal(InMemoryJournalStore store, FeedNotifier feeds) : IEventJournal, IHostedService
{
    private volatile bool _stopped;

    /// <inheritdoc/>
    public Task AppendAsync(JournalAppend append, CancellationToken cancellationToken = default)
    {
        if (append.RowCount == 0)
            return Task.CompletedTask;
        if (_stopped)
            throw new StorageUnavailableException("The silo is shutting down; nothing was stored, retry.");
        try
        {
            feeds.Notify(store.Append(append));
            return Task.CompletedTask;
        }
        catch (Exception error)
        {
            return Task.FromException(error);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<JournalEntry>> ReadAsync(string entityType, string entityId, long afterSequence, int limit = int.MaxValue,
        CancellationToken cancellationToken = default) => Task.FromResult(store.Read(entityType, entityId, afterSequence, limit));

    /// <inheritdoc/>
    public Task<IReadOnlyList<JournalEntry>> ReadBackwardAsync(string entityType, string entityId, long beforeSequence, int limit,
        CancellationToken cancellationToken = default) => Task.FromResult(store.ReadBackward(entityType, entityId, beforeSequence, limit));

    /// <inheritdoc/>
    public Task<JournalEntry?> FindAsync(string entityType, string entityId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Find(entityType, entityId, idempotencyKey));

    /// <inheritdoc/>
    public Task<IReadOnlyList<JournalEntry>> ReadFeedAsync(string scope, long afterPosition, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.ReadFeed(scope, afterPosition, limit));

    /// <inheritdoc/>
    public Task<long> LastFeedPositionAsync(string scope, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.LastFeedPosition(scope));

    /// <inheritdoc/>
    public Task<KpiReadingHistory> LoadReadingsAsync(string subject, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.LoadReadings(subject, asOf));

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopped = true;
        return Task.CompletedTask;
    }
}

/// <summary>
/// A test silo standing on memory: the journal on a shared <see cref="InMemoryJournalStore"/>,
/// Orleans' memory grain storage (snapshots still go through the production state serializer)
/// and in-memory reminders. Membership and endpoints are the test cluster's.
/// </summary>
public sealed class InMemoryInfrastructure(InMemoryJournalStore store) : ISiloInfrastructure
{
    /// <inheritdoc/>
    public void AddJournal(IServiceCollection services)
    {
        services.AddSingleton(store);
        services.AddSingleton<InMemoryEventJournal>();
        services.AddSingleton<IEventJournal>(sp => sp.GetRequiredService<InMemoryEventJournal>());
        services.AddHostedService(sp => sp.GetRequiredService<InMemoryEventJournal>());
    }

    /// <inheritdoc/>
    public void Configure(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(StorageNames.Domain);
        silo.UseInMemoryReminderService();
    }
}
