namespace Cooperation.Contracts.Access;

/// <summary>What a credential lets its organisation do.</summary>
[GenerateSerializer, Alias("coop.Role")]
public enum Role
{
    /// <summary>Nobody known: the caller of a request that named none. May do nothing.</summary>
    Anonymous = 0,

    /// <summary>Runs the platform: everything, credentials included.</summary>
    Admin = 1,

    /// <summary>A city's foreign-affairs office or department: manages the partnerships of its city.</summary>
    CityOffice = 2,

    /// <summary>A partner agency, centre, park or city: updates the pilots and MoU commitments it takes part in.</summary>
    PartnerAgency = 3,

    /// <summary>A donor: reads the pilots it funds and appoints their JCM verifiers.</summary>
    Donor = 4,

    /// <summary>The platform itself (reminders, scheduled jobs, operators' command line); never held by a credential.</summary>
    System = 5,
}

/// <summary>
/// Who makes a request: an organisation acting in a role through a credential. The gateway
/// puts it in the Orleans request context; grains read it with <see cref="CallerContext"/>.
/// </summary>
/// <param name="OrganisationId">The acting organisation.</param>
/// <param name="Role">The role its credential grants.</param>
/// <param name="CredentialId">The credential used, null for the platform itself.</param>
/// <param name="CityId">The organisation's city: a city office manages that city's partnerships.</param>
/// <param name="AccountId">The person acting, when one signed in to the web application; null for API keys and the platform.</param>
[GenerateSerializer, Immutable, Alias("coop.Caller")]
public sealed record Caller(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] Role Role,
    [property: Id(2)] string? CredentialId,
    [property: Id(3)] string CityId,
    [property: Id(4)] string? AccountId = null)
{
    /// <summary>The platform acting on its own: reminders, scheduled jobs, the operators' command line.</summary>
    public static Caller Platform { get; } = new("platform", Role.System, null, "");

    /// <summary>A caller nobody named; refused everything.</summary>
    public static Caller Anonymous { get; } = new("anonymous", Role.Anonymous, null, "");

    /// <summary>Admins and the platform itself may do anything.</summary>
    public bool IsPrivileged => Role is Role.Admin or Role.System;

    /// <inheritdoc/>
    public override string ToString() => (CredentialId ?? AccountId) is { } by ? $"{OrganisationId} ({Role}, {by})" : $"{OrganisationId} ({Role})";
}

/// <summary>The caller of the request being handled, carried in Orleans' request context.</summary>
public static class CallerContext
{
    private const string Key = "coop.caller";

    /// <summary>
    /// The caller of the current request. The gateway sets one on every request; the platform's
    /// own work (reminders, jobs, the command line) declares itself with <see cref="ActAsPlatform"/>.
    /// Anything else is <see cref="Caller.Anonymous"/> and may do nothing: a forgotten caller
    /// fails closed.
    /// </summary>
    public static Caller Current => RequestContext.Get(Key) as Caller ?? Caller.Anonymous;

    /// <summary>Whether a caller was set on this async flow.</summary>
    public static bool IsSet => RequestContext.Get(Key) is Caller;

    /// <summary>Makes <paramref name="caller"/> the caller of what follows on this async flow.</summary>
    public static void Set(Caller caller) => RequestContext.Set(Key, caller);

    /// <summary>
    /// Makes the platform the caller of what follows on this async flow: the platform's own work
    /// (reminders, jobs, the operators' command line), or the reads a grain makes on behalf of a
    /// caller it has already authorised. Not for a change made on a user's behalf: the journal
    /// would name the platform as its actor.
    /// </summary>
    public static void ActAsPlatform() => Set(Caller.Platform);

    /// <summary>
    /// Runs <paramref name="read"/> as the platform and leaves the current caller in place after
    /// it (a value set inside an async method does not flow back out): for reads a grain makes to
    /// judge its caller, who is then judged on the result.
    /// </summary>
    public static async Task<T> AsPlatformAsync<T>(Func<Task<T>> read)
    {
        ActAsPlatform();
        return await read();
    }

    /// <summary>Runs <paramref name="work"/> as the platform, as <see cref="AsPlatformAsync{T}"/> does, for work without an answer.</summary>
    public static async Task AsPlatformAsync(Func<Task> work)
    {
        ActAsPlatform();
        await work();
    }
}
