using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.People;

namespace Cooperation.Tests.Support;

/// <summary>A person with an active account, and how to sign in as them.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Email">The address.</param>
/// <param name="Password">The password.</param>
/// <param name="OrganisationId">The organisation.</param>
public sealed record TestPerson(string AccountId, string Email, string Password, string OrganisationId);

/// <summary>People made through the account grains as the platform (the tests' client acts as it), for the web and browser tests.</summary>
public static class TestPeople
{
    /// <summary>A password that keeps the rules.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>An active person of <paramref name="organisationId"/> in <paramref name="role"/>: invited, and the invitation accepted.</summary>
    public static async Task<TestPerson> ActiveAsync(ApiFixture api, string organisationId, Role role, ReportLanguage language = ReportLanguage.En,
        string? name = null)
    {
        var accountId = Ids.New("acct");
        var email = $"{accountId}@example.org";
        var token = OneTimeToken.New(TokenPurpose.Invitation);
        var account = api.Cluster.Client.GetGrain<IAccountGrain>(accountId);
        await account.Invite(new AccountDefinition(email, name ?? $"Person {accountId}", organisationId, role, language), token.Hash);
        await account.AcceptInvitation(token.Secret, Password);
        return new TestPerson(accountId, email, Password, organisationId);
    }
}
