using Cooperation.Contracts.Common;
using Cooperation.Contracts.People;

namespace Cooperation.Silo.People;

/// <summary>A one-time link that is open: the hash of its secret and until when it works.</summary>
/// <param name="TokenHash">What <see cref="OneTimeToken.HashOf"/> gave for its secret.</param>
/// <param name="ExpiresAt">Until when.</param>
[GenerateSerializer, Immutable, Alias("coop.OpenLink")]
internal sealed record OpenLink([property: Id(0)] string TokenHash, [property: Id(1)] DateTimeOffset ExpiresAt);

/// <summary>An account's state: the fold of its events.</summary>
[GenerateSerializer, Alias("coop.AccountState")]
internal sealed record AccountState
{
    /// <summary>Who the person is; null before the invitation.</summary>
    [Id(0)] public AccountDefinition? Definition { get; init; }

    /// <summary>Their organisation's city ("" for the platform's admins).</summary>
    [Id(1)] public string CityId { get; init; } = "";

    /// <summary>Invited, active or disabled.</summary>
    [Id(2)] public AccountStatus Status { get; init; }

    /// <summary>When it was last invited.</summary>
    [Id(3)] public DateTimeOffset InvitedAt { get; init; }

    /// <summary>By whom, as the journal names the actor.</summary>
    [Id(4)] public string InvitedBy { get; init; } = "";

    /// <summary>The open invitation link, until a password is set.</summary>
    [Id(5)] public OpenLink? Invitation { get; init; }

    /// <summary>The open password-reset link, until used.</summary>
    [Id(6)] public OpenLink? PasswordReset { get; init; }

    /// <summary>The password's hash; null before the first password.</summary>
    [Id(7)] public string? PasswordHash { get; init; }

    /// <summary>What valid sessions carry; changes with every password and on disabling.</summary>
    [Id(8)] public string SessionStamp { get; init; } = "";

    /// <summary>Why it is disabled, while it is.</summary>
    [Id(9)] public string? DisabledReason { get; init; }
}

/// <summary>The directory's state: every claimed address with its account and organisation, in the order claimed.</summary>
[GenerateSerializer, Alias("coop.AccountDirectoryState")]
internal sealed record AccountDirectoryState
{
    /// <summary>The claims.</summary>
    [Id(0)] public ValueList<AccountClaimed> Accounts { get; init; } = [];
}
