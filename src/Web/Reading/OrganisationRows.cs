using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.People;
using Cooperation.Reports.Rendering;

namespace Cooperation.Web.Reading;

/// <summary>An organisation on the admin's home: what it is, its people and its API keys.</summary>
/// <param name="Organisation">The organisation.</param>
/// <param name="People">Its people's accounts counted by status.</param>
/// <param name="ActiveCredentials">Its API keys not revoked.</param>
/// <param name="RevokedCredentials">Its API keys revoked.</param>
internal sealed record OrganisationRow(OrganisationView Organisation, IReadOnlyDictionary<AccountStatus, int> People, int ActiveCredentials, int RevokedCredentials)
{
    /// <summary>The row of <paramref name="organisation"/> with its <paramref name="accounts"/> and <paramref name="credentials"/>.</summary>
    public static OrganisationRow Of(OrganisationView organisation, IEnumerable<AccountView> accounts, IEnumerable<CredentialView> credentials)
    {
        var keys = credentials.ToArray();
        var people = Enum.GetValues<AccountStatus>().ToDictionary(s => s, s => 0);
        foreach (var account in accounts)
            people[account.Status]++;
        return new(organisation, people, keys.Count(c => c.RevokedAt is null), keys.Count(c => c.RevokedAt is not null));
    }

    /// <summary><paramref name="rows"/> by kind, then name in <paramref name="language"/>.</summary>
    public static IReadOnlyList<OrganisationRow> Sorted(IEnumerable<OrganisationRow> rows, ReportLanguage language) =>
    [
        .. rows.OrderBy(r => r.Organisation.Definition.Kind)
            .ThenBy(r => ReportText.In(r.Organisation.Definition.Names, language), StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Organisation.OrganisationId, StringComparer.Ordinal),
    ];
}
