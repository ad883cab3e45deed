using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;

namespace Cooperation.Contracts.Organisations;

/// <summary>The e-mail notices the platform sends an organisation.</summary>
[GenerateSerializer, Alias("coop.NoticeKind")]
public enum NoticeKind
{
    /// <summary>The daily digest of reporting periods, milestones and commitments falling due or overdue.</summary>
    DueReminders = 1,

    /// <summary>A submission of the organisation's was returned with a comment.</summary>
    SubmissionReturned = 2,

    /// <summary>A reporting period of a pilot it takes part in was approved.</summary>
    PeriodApproved = 3,
}

/// <summary>Where an organisation's notices go, which it does not want, and in which language.</summary>
/// <param name="Addresses">E-mail addresses that receive its notices.</param>
/// <param name="OptedOut">Notice kinds it does not want.</param>
/// <param name="Language">The organisation's preferred language from now on; null keeps the one it has.</param>
[GenerateSerializer, Immutable, Alias("coop.OrganisationContacts")]
public sealed record OrganisationContacts(
    [property: Id(0)] ValueList<string> Addresses,
    [property: Id(1)] ValueList<NoticeKind> OptedOut,
    [property: Id(2)] ReportLanguage? Language = null)
{
    /// <summary>Most addresses an organisation may list.</summary>
    public const int MaxAddresses = 20;

    /// <summary>No addresses: the organisation gets no notices.</summary>
    public static OrganisationContacts None { get; } = new([], []);

    /// <summary>Where notices of <paramref name="kind"/> go: none when opted out.</summary>
    public IReadOnlyList<string> For(NoticeKind kind) => OptedOut.Contains(kind) ? [] : Addresses;

    /// <summary>Refuses contacts that break a rule, naming the field.</summary>
    public void Validate()
    {
        if (Addresses.Count > MaxAddresses)
            throw new InvalidFieldException("contacts", $"may hold at most {MaxAddresses} addresses");
        for (var i = 0; i < Addresses.Count; i++)
            Field.EmailAddress(Addresses[i], $"contacts[{i}]");
        for (var i = 0; i < OptedOut.Count; i++)
            Field.Choice(OptedOut[i], $"opted_out[{i}]");
        if (Language is { } language)
            Field.Choice(language, "preferred_language");
    }
}
