using Cooperation.Reports.Reactions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cooperation.Worker.Reactions;

/// <summary>Registers the event reactor and its reactions: one class per reaction, no handler touched to add one.</summary>
public static class ReactionsHosting
{
    /// <summary>The reactor (on its own connections to the journal) and the reactions of reports and notices.</summary>
    public static IServiceCollection AddEventReactions(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Cooperation")
            ?? throw new InvalidOperationException("ConnectionStrings:Cooperation is not set: the reactor reads the journal in PostgreSQL.");
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.Configure<ReactionOptions>(configuration.GetSection("Reactions"));
        services.AddSingleton<IEventReaction, ReviewNotices>();
        services.AddSingleton<IEventReaction, SubscriptionSchedules>();
        services.AddSingleton<EventReactor>();
        services.AddHostedService(provider => provider.GetRequiredService<EventReactor>());
        return services;
    }
}
