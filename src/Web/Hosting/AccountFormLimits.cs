using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cooperation.Web.Hosting;

/// <summary>
/// Rate limits of the account forms (sign-in, password reset, invitation), beside the account
/// grain's lockout: per client address (the policy <see cref="Policy"/>, on the pages that carry
/// <c>[EnableRateLimiting]</c>; only their POSTs count) and per e-mail address whatever the client
/// (<see cref="TryAttempt"/>, in the handler, once the address is read). A refused request gets the
/// 429 page in the person's language. Counts are per web host, in memory: behind a load balancer
/// each host allows its share, and the grain's lockout (one per account, cluster-wide) still holds.
/// </summary>
internal sealed class AccountFormLimits(IOptions<WebOptions> options) : IDisposable
{
    /// <summary>The rate-limiting policy of the account forms.</summary>
    public const string Policy = "account-forms";

    private readonly PartitionedRateLimiter<string> _perAddress = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => Window(options.Value.AttemptsPerAddressPerMinute)));

    /// <summary>Takes one attempt for <paramref name="email"/> (normalised); false when this address had its share this minute.</summary>
    public bool TryAttempt(string email)
    {
        using var lease = _perAddress.AttemptAcquire(email);
        return lease.IsAcquired;
    }

    /// <summary>Registers the per-client policy and the 429 answer.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<AccountFormLimits>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Policy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                    return RateLimitPartition.GetNoLimiter("read");
                var perMinute = context.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.FormsPerClientPerMinute;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => Window(perMinute));
            });
        });
    }

    private static FixedWindowRateLimiterOptions Window(int perMinute) => new()
    {
        PermitLimit = Math.Max(1, perMinute),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <inheritdoc/>
    public void Dispose() => _perAddress.Dispose();
}
