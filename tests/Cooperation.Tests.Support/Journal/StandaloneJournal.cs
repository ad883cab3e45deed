using Cooperation.Silo.Journal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cooperation.Tests.Support;

/// <summary>Journals outside any silo, for reading events back or appending directly.</summary>
public static class StandaloneJournal
{
    /// <summary>The PostgreSQL journal on <paramref name="dataSource"/>.</summary>
    public static PostgresEventJournal Create(NpgsqlDataSource dataSource, JournalOptions? options = null) =>
        new(dataSource, Options.Create(options ?? new JournalOptions()), NoFeeds(), NullLogger<PostgresEventJournal>.Instance);

    /// <summary>An in-memory journal on <paramref name="store"/>.</summary>
    public static InMemoryEventJournal InMemory(InMemoryJournalStore store) => new(store, NoFeeds());

    // Feed signals go nowhere: there is no grain runtime to send them to.
    private static FeedNotifier NoFeeds() => new(new ServiceCollection().BuildServiceProvider());
}
