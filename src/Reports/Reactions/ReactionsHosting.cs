using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cooperation.Reports.Reactions;

/// <summary>Registers the event reactor and its reactions: one class per reaction, no handler touched to add one.</summary>
public static class ReactionsHosting
{
    /// <summary>The reactor and the reactions of reports and notices.</summary>
    public static IServiceCollection AddEventReactions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReactionOptions>(configuration.GetSection("Reactions"));
        services.AddSingleton<IEventReaction, ReviewNotices>();
        services.AddSingleton<IEventReaction, SubscriptionSchedules>();
        services.AddSingleton<EventReactor>();
        services.AddHostedService(provider => provider.GetRequiredService<EventReactor>());
        return services;
    }
}
