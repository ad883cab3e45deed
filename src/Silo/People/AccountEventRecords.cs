using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.People;

/// <summary>A person's account definition as its events store it.</summary>
/// <param name="Email">The address, normalised.</param>
/// <param name="DisplayName">Their name.</param>
/// <param name="OrganisationId">The organisation they act for.</param>
/// <param name="Role">Their role.</param>
/// <param name="Language">Their preferred language.</param>
internal sealed record StoredAccountDefinition(string Email, string DisplayName, string OrganisationId, Role Role, ReportLanguage Language)
    : IStoredRecord<StoredAccountDefinition, AccountDefinition>
{
    /// <inheritdoc/>
    public static StoredAccountDefinition Of(AccountDefinition value) =>
        new(value.Email, value.DisplayName, value.OrganisationId, value.Role, value.Language);

    /// <inheritdoc/>
    public AccountDefinition ToContract() => new(Email, DisplayName, OrganisationId, Role, Language);
}
