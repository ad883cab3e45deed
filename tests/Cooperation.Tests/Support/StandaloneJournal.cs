using Cooperation.Silo.Journal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cooperation.Tests.Support;

/// <summary>A journal outside any silo, for reading events back or appending directly.</summary>
public static class StandaloneJournal
{
    /// <summary>Feed signals go nowhere: there is no grain runtime to send them to.</summary>
    public static PostgresEventJournal Create(NpgsqlDataSource dataSource, JournalOptions? options = null) =>
        new(dataSource, Options.Create(options ?? new JournalOptions()),
            new FeedNotifier(new ServiceCollection().BuildServiceProvider()),
            NullLogger<PostgresEventJournal>.Instance);
}
