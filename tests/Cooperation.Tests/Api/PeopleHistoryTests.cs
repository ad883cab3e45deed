using Cooperation.Contracts.Access;
using Cooperation.Contracts.DonorReports;
using Cooperation.Contracts.Partnerships;
using Cooperation.Contracts.People;
using Cooperation.Tests.Support;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>A change a signed-in person made shows in the history over the API with their account and name.</summary>
[Collection(ApiCollection.Name)]
public sealed class PeopleHistoryTests(ApiFixture api)
{
    [Fact]
    public async Task A_persons_change_names_them_in_the_history_beside_their_organisation_and_role()
    {
        var world = await api.CreateWorldAsync();
        var officeId = Ids.New("office");
        await api.Organisations.CreateOrganisationAsync(Requests.Organisation(officeId, world.FirstCityId, Proto.OrganisationKind.CityDepartment));
        var accountId = Ids.New("acct");
        var token = OneTimeToken.New(TokenPurpose.Invitation);
        var account = api.Cluster.Client.GetGrain<IAccountGrain>(accountId);
        await account.Invite(new AccountDefinition($"{Ids.New("lan")}@example.org", "Nguyễn Thị Lan", officeId, Role.CityOffice, ReportLanguage.Vi), token.Hash);
        var person = (await account.AcceptInvitation(token.Secret, "ten green pilots in Hai Phong")).Session!.Caller;

        await ActAsync(person, () => api.Cluster.Client.GetGrain<IPartnershipGrain>(world.PartnershipId)
            .SetMember(new PartnershipMember(world.AgencyId, PartnershipRole.Implementer)));
        var history = await api.Audit.GetHistoryAsync(new() { Entity = $"partnerships/{world.PartnershipId}", PageSize = 2 });

        var (change, creation) = (history.Events[0], history.Events[1]);
        Assert.Equal("partnership.member-set", change.Kind);
        Assert.Equal((officeId, Proto.Role.CityOffice, ""), (change.Actor.OrganisationId, change.Actor.Role, change.Actor.CredentialId));
        Assert.Equal(new Proto.ActingPerson { AccountId = accountId, DisplayName = "Nguyễn Thị Lan" }, change.Actor.Person);
        // A key's change names no person.
        Assert.Null(creation.Actor.Person);
        Assert.NotEmpty(creation.Actor.CredentialId);
    }

    private static async Task ActAsync(Caller caller, Func<Task> change)
    {
        CallerContext.Set(caller);
        await change();
    }
}
