using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Access;

/// <summary>A credential was issued. Its secret is known only by its hash.</summary>
/// <param name="OrganisationId">The organisation it acts for.</param>
/// <param name="Role">What it may do.</param>
/// <param name="CityId">The organisation's city ("" for the platform).</param>
/// <param name="Label">Who or what holds it.</param>
/// <param name="SecretHash">SHA-256 of its key's secret.</param>
[EventKind("credential.issued", 1)]
[GenerateSerializer, Immutable, Alias("coop.CredentialIssued")]
internal sealed record CredentialIssued(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] Role Role,
    [property: Id(2)] string CityId,
    [property: Id(3)] string Label,
    [property: Id(4)] string SecretHash) : IEntityEvent;

/// <summary>A credential was revoked for good.</summary>
[EventKind("credential.revoked", 1)]
internal sealed record CredentialRevoked(string Reason) : IEntityEvent;

/// <summary>A credential was entered in the registry.</summary>
[EventKind("credential-registry.registered", 1)]
[GenerateSerializer, Immutable, Alias("coop.CredentialRegistered")]
internal sealed record CredentialRegistered([property: Id(0)] string CredentialId, [property: Id(1)] string OrganisationId) : IEntityEvent;

/// <summary>A credential's state: the fold of its events.</summary>
[GenerateSerializer, Alias("coop.CredentialState")]
internal sealed record CredentialState
{
    /// <summary>How it was issued; null before.</summary>
    [Id(0)] public CredentialIssued? Issued { get; init; }

    /// <summary>When.</summary>
    [Id(1)] public DateTimeOffset IssuedAt { get; init; }

    /// <summary>By whom (organisation, credential).</summary>
    [Id(2)] public string IssuedBy { get; init; } = "";

    /// <summary>When it was revoked, if it was.</summary>
    [Id(3)] public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Why.</summary>
    [Id(4)] public string? RevokedReason { get; init; }
}

/// <summary>The registry's state: every credential with its organisation, in the order issued.</summary>
[GenerateSerializer, Alias("coop.CredentialRegistryState")]
internal sealed record CredentialRegistryState
{
    /// <summary>The registered credentials.</summary>
    [Id(0)] public ValueList<CredentialRegistered> Credentials { get; init; } = [];
}

/// <summary>How credential events change state.</summary>
internal static class CredentialEvents
{
    /// <summary>A credential's state after <paramref name="entry"/>.</summary>
    public static CredentialState Apply(CredentialState state, JournalEntry entry) => entry.Event switch
    {
        CredentialIssued issued => new CredentialState { Issued = issued, IssuedAt = entry.RecordedAt, IssuedBy = entry.Actor.ToString() },
        CredentialRevoked revoked => state with { RevokedAt = entry.RecordedAt, RevokedReason = revoked.Reason },
        var other => throw new InvalidOperationException($"A credential does not take {other.GetType().Name} events."),
    };

    /// <summary>The registry's state after <paramref name="entry"/>.</summary>
    public static CredentialRegistryState Apply(CredentialRegistryState state, JournalEntry entry) => entry.Event switch
    {
        CredentialRegistered registered => state with { Credentials = state.Credentials.Add(registered) },
        var other => throw new InvalidOperationException($"The credential registry does not take {other.GetType().Name} events."),
    };
}
