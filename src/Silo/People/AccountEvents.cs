using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.People;

/// <summary>A person was invited (or invited again, which replaces the link). Only the link's hash is kept.</summary>
/// <param name="Definition">Who they are.</param>
/// <param name="CityId">Their organisation's city ("" for the platform's admins), carried by their sessions.</param>
/// <param name="TokenHash">The hash of the invitation link's secret.</param>
/// <param name="ExpiresAt">Until when the link works.</param>
[EventKind("account.invited", 1)]
internal sealed record AccountInvited(StoredAccountDefinition Definition, string CityId, string TokenHash, DateTimeOffset ExpiresAt) : IEntityEvent;

/// <summary>A password was set through a one-time link (which it uses up); sessions from before end.</summary>
/// <param name="Purpose">The link's purpose: accepting the invitation or resetting the password.</param>
/// <param name="PasswordHash">The password's slow salted hash (ASP.NET Core Identity, format v3).</param>
/// <param name="SessionStamp">The new stamp sessions carry from now on.</param>
[EventKind("account.password-set", 1)]
internal sealed record AccountPasswordSet(TokenPurpose Purpose, string PasswordHash, string SessionStamp) : IEntityEvent;

/// <summary>A password-reset link was mailed; only its hash is kept.</summary>
/// <param name="TokenHash">The hash of the link's secret.</param>
/// <param name="ExpiresAt">Until when it works.</param>
[EventKind("account.password-reset-requested", 1)]
internal sealed record AccountPasswordResetRequested(string TokenHash, DateTimeOffset ExpiresAt) : IEntityEvent;

/// <summary>The account was disabled: its sessions and open links end.</summary>
/// <param name="Reason">Why.</param>
/// <param name="SessionStamp">A new stamp nobody holds, so every session ends.</param>
[EventKind("account.disabled", 1)]
internal sealed record AccountDisabled(string Reason, string SessionStamp) : IEntityEvent;

/// <summary>A disabled account was enabled again.</summary>
[EventKind("account.enabled", 1)]
internal sealed record AccountEnabled : IEntityEvent;

/// <summary>The person chose another language.</summary>
[EventKind("account.language-set", 1)]
internal sealed record AccountLanguageSet(ReportLanguage Language) : IEntityEvent;

/// <summary>An e-mail address was claimed for an account in the directory.</summary>
/// <param name="Email">The address, normalised.</param>
/// <param name="AccountId">The account holding it.</param>
/// <param name="OrganisationId">The account's organisation.</param>
[EventKind("account-directory.claimed", 1)]
[GenerateSerializer, Immutable, Alias("coop.AccountClaimed")]
internal sealed record AccountClaimed([property: Id(0)] string Email, [property: Id(1)] string AccountId, [property: Id(2)] string OrganisationId)
    : IEntityEvent;

/// <summary>How account and directory events change state, and how histories show them.</summary>
internal static class AccountEvents
{
    /// <summary>An account's state after <paramref name="entry"/>.</summary>
    public static AccountState Apply(AccountState state, JournalEntry entry) => entry.Event switch
    {
        AccountInvited invited when state.Definition is null => new AccountState
        {
            Definition = invited.Definition.ToContract(),
            CityId = invited.CityId,
            Status = AccountStatus.Invited,
            InvitedAt = entry.RecordedAt,
            InvitedBy = entry.Actor.ToString(),
            Invitation = new OpenLink(invited.TokenHash, invited.ExpiresAt),
        },
        AccountInvited again => state with
        {
            InvitedAt = entry.RecordedAt,
            InvitedBy = entry.Actor.ToString(),
            Invitation = new OpenLink(again.TokenHash, again.ExpiresAt),
        },
        // A link is used once: setting a password closes every open one.
        AccountPasswordSet set => state with
        {
            Status = AccountStatus.Active,
            PasswordHash = set.PasswordHash,
            SessionStamp = set.SessionStamp,
            Invitation = null,
            PasswordReset = null,
        },
        AccountPasswordResetRequested reset => state with { PasswordReset = new OpenLink(reset.TokenHash, reset.ExpiresAt) },
        AccountDisabled disabled => state with
        {
            Status = AccountStatus.Disabled,
            DisabledReason = disabled.Reason,
            SessionStamp = disabled.SessionStamp,
            Invitation = null,
            PasswordReset = null,
        },
        AccountEnabled => state with
        {
            Status = state.PasswordHash is null ? AccountStatus.Invited : AccountStatus.Active,
            DisabledReason = null,
        },
        AccountLanguageSet language => state with { Definition = state.Definition! with { Language = language.Language } },
        var other => throw new InvalidOperationException($"An account does not take {other.GetType().Name} events."),
    };

    /// <summary>The directory's state after <paramref name="entry"/>.</summary>
    public static AccountDirectoryState Apply(AccountDirectoryState state, JournalEntry entry) => entry.Event switch
    {
        AccountClaimed claimed => state with { Accounts = state.Accounts.Add(claimed) },
        var other => throw new InvalidOperationException($"The account directory does not take {other.GetType().Name} events."),
    };

    /// <summary>
    /// <paramref name="event"/> as a history shows it: hashes and stamps left out (they are
    /// write-only, like every secret), the rest as stored.
    /// </summary>
    public static IEntityEvent Redacted(IEntityEvent @event) => @event switch
    {
        // Null properties are left out of the JSON a history shows.
        AccountInvited invited => invited with { TokenHash = null! },
        AccountPasswordSet set => set with { PasswordHash = null!, SessionStamp = null! },
        AccountPasswordResetRequested reset => reset with { TokenHash = null! },
        AccountDisabled disabled => disabled with { SessionStamp = null! },
        _ => @event,
    };
}
