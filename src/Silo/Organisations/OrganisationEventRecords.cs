using Cooperation.Contracts.Common;
using Cooperation.Contracts.Organisations;
using Cooperation.Contracts.DonorReports;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Organisations;

/// <summary>An organisation's definition as its events store it.</summary>
/// <param name="Names">Its names.</param>
/// <param name="Kind">What kind of body it is.</param>
/// <param name="CityId">Its city.</param>
/// <param name="PreferredLanguage">Its notices' language; absent in events written before languages existed.</param>
internal sealed record StoredOrganisationDefinition(StoredText Names, OrganisationKind Kind, string CityId, ReportLanguage? PreferredLanguage = null)
    : IStoredRecord<StoredOrganisationDefinition, OrganisationDefinition>
{
    /// <inheritdoc/>
    public static StoredOrganisationDefinition Of(OrganisationDefinition value) =>
        new(StoredText.Of(value.Names), value.Kind, value.CityId, value.PreferredLanguage);

    /// <inheritdoc/>
    public OrganisationDefinition ToContract() => new(Names.ToContract(), Kind, CityId, PreferredLanguage);
}

/// <summary>An organisation's contacts as its events store them.</summary>
/// <param name="Addresses">E-mail addresses of its notices.</param>
/// <param name="OptedOut">Notice kinds it does not want.</param>
/// <param name="Language">Its language from then on; absent when unchanged (and in events written before languages existed).</param>
internal sealed record StoredOrganisationContacts(ValueList<string> Addresses, ValueList<NoticeKind> OptedOut, ReportLanguage? Language = null)
    : IStoredRecord<StoredOrganisationContacts, OrganisationContacts>
{
    /// <inheritdoc/>
    public static StoredOrganisationContacts Of(OrganisationContacts value) => new(value.Addresses, value.OptedOut, value.Language);

    /// <inheritdoc/>
    public OrganisationContacts ToContract() => new(Addresses, OptedOut, Language);
}
