using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;

namespace Cooperation.Contracts.People;

/// <summary>Where a person's account stands.</summary>
[GenerateSerializer, Alias("coop.AccountStatus")]
public enum AccountStatus
{
    /// <summary>Invited by e-mail; no password set yet, so no sign-in.</summary>
    Invited = 1,

    /// <summary>Password set: the person may sign in.</summary>
    Active = 2,

    /// <summary>Switched off by an admin or their office; its sessions stop at their next request.</summary>
    Disabled = 3,
}

/// <summary>
/// A person who signs in to the web application: one organisation, one role (the roles API keys
/// have), an e-mail address that is unique on the platform, a display name for histories, and the
/// language pages and mails speak to them.
/// </summary>
/// <param name="Email">The address they sign in with and are mailed at, as <see cref="AccountEmail.Normalise"/> keeps it.</param>
/// <param name="DisplayName">Their name as histories show it.</param>
/// <param name="OrganisationId">The organisation they act for.</param>
/// <param name="Role">What they may do for it.</param>
/// <param name="Language">The language of their pages and mails.</param>
[GenerateSerializer, Immutable, Alias("coop.AccountDefinition")]
public sealed record AccountDefinition(
    [property: Id(0)] string Email,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string OrganisationId,
    [property: Id(3)] Role Role,
    [property: Id(4)] ReportLanguage Language)
{
    /// <summary>Longest display name.</summary>
    public const int MaxDisplayName = 120;

    /// <summary>Refuses a definition that breaks a rule, naming the field; returns it with its e-mail normalised.</summary>
    public AccountDefinition Validate()
    {
        var email = AccountEmail.Normalise(Email, "email");
        Field.Text(DisplayName, "display_name", MaxDisplayName);
        Field.Id(OrganisationId, "organisation_id");
        if (Role is Role.Anonymous || !Field.IsChoice(Role))
            throw new InvalidFieldException("role", "must be admin, city office, partner agency or donor");
        Field.Choice(Language, "language");
        return this with { Email = email, DisplayName = DisplayName.Trim() };
    }
}

/// <summary>One spelling of an e-mail address per person, so an address names one account.</summary>
public static class AccountEmail
{
    /// <summary>
    /// The address trimmed and in lower case (invariant): "Office@Example.org " and
    /// "office@example.org" are the same person's. Refuses anything but a plain address.
    /// </summary>
    public static string Normalise(string? value, string field)
    {
        var address = (value ?? "").Trim().ToLowerInvariant();
        return Field.EmailAddress(address, field);
    }
}
