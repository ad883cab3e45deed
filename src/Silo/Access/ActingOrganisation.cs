using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;

namespace Cooperation.Silo.Access;

/// <summary>
/// The organisation a credential or a person's account acts for, in a role: the role must suit
/// the organisation's kind (a city office is a city government or department, a donor is a
/// donor, a partner agency is anything but a donor), and the organisation's city goes with the
/// caller it becomes. One rule for keys and people.
/// </summary>
internal static class ActingOrganisation
{
    /// <summary>The organisation admins of the platform itself act for; it need not exist as an organisation.</summary>
    public const string Platform = "platform";

    /// <summary>Whether <paramref name="role"/> suits an organisation of <paramref name="kind"/>.</summary>
    public static bool Suits(Role role, OrganisationKind kind) => role switch
    {
        Role.CityOffice => kind is OrganisationKind.CityGovernment or OrganisationKind.CityDepartment,
        Role.Donor => kind == OrganisationKind.Donor,
        Role.PartnerAgency => kind != OrganisationKind.Donor,
        Role.Admin => true,
        // Anonymous (unset) and System are refused by the requests' own rules.
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Every role a credential or account may have says which organisations suit it."),
    };

    /// <summary>
    /// The city of <paramref name="organisationId"/> ("" for the platform's own admins) once its
    /// kind is checked against <paramref name="role"/>: InvalidArgument on "role" when it does not
    /// suit, NotFound for an unknown organisation.
    /// </summary>
    public static async Task<string> CityOfAsync(IGrainFactory grains, string organisationId, Role role)
    {
        if (organisationId == Platform)
        {
            return role == Role.Admin
                ? ""
                : throw new InvalidFieldException("role", "the platform's own credentials and accounts are admins");
        }
        var organisation = (await grains.GetGrain<IOrganisationGrain>(organisationId).Get()).Definition;
        return Suits(role, organisation.Kind) ? organisation.CityId
            : throw new InvalidFieldException("role", $"{role} does not suit '{organisationId}', a {organisation.Kind}");
    }
}
