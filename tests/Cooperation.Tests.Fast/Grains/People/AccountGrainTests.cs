using System.Text.Json.Nodes;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.People;
using Cooperation.Silo.Journal;
using Cooperation.Silo.People;
using Cooperation.Tests.Support;
using static Cooperation.Tests.Grains.People.Acting;

namespace Cooperation.Tests.Grains.People;

[Collection(TestClusterCollection.Name)]
public sealed class AccountGrainTests(TestClusterFixture fixture)
{
    private const string Password = "green growth in Hải Phòng";

    private IAccountGrain Account(string id) => fixture.Client.GetGrain<IAccountGrain>(id);

    private IAccountDirectoryGrain Directory => fixture.Client.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key);

    /// <summary>Invites a person of <paramref name="definition"/> as the admin; returns the account id and the link's secret.</summary>
    private async Task<(string Id, string Secret)> InviteAsync(PeopleWorld world, AccountDefinition definition)
    {
        var id = Ids.New("acct");
        var token = OneTimeToken.New(TokenPurpose.Invitation);
        await As(world.Admin, () => Account(id).Invite(definition, token.Hash));
        return (id, token.Secret);
    }

    private async Task<(string Id, SignInResult Result)> ActiveAsync(PeopleWorld world, AccountDefinition definition)
    {
        var (id, secret) = await InviteAsync(world, definition);
        return (id, await Anonymously(() => Account(id).AcceptInvitation(secret, Password)));
    }

    [Fact]
    public async Task An_invited_person_sets_a_password_through_the_link_and_is_signed_in_as_their_organisation()
    {
        var world = await PeopleWorld.CreateAsync(fixture.Client);
        var definition = PeopleWorld.Person(world.World.AgencyId) with { Email = " Lan.Nguyen" + Ids.New("x") + "@Example.org " };
        var (id, secret) = await InviteAsync(world, definition);

        var invited = await As(world.Admin, () => Account(id).Get());
        var accepted = await Anonymously(() => Account(id).AcceptInvitation(secret, Password));

        Assert.Equal(AccountStatus.Invited, invited.Status);
        Assert.Equal(definition.Email.Trim().ToLowerInvariant(), invited.Definition.Email);
        Assert.NotNull(invited.InvitationExpiresAt);
        Assert.Equal(SignInOutcome.SignedIn, accepted.Outcome);
        Assert.Equal(new Caller(world.World.AgencyId, Role.PartnerAgency, null, world.World.FirstCityId, id), accepted.Session!.Caller);
        Assert.Equal(accepted.Session, await Anonymously(() => Account(id).Session(accepted.SessionStamp!)));
        Assert.Equal(id, await Directory.Find(invited.Definition.Email.ToUpperInvariant()));
        var view = await As(world.Admin, () => Account(id).Get());
        Assert.Equal(AccountStatus.Active, view.Status);
        Assert.Null(view.InvitationExpiresAt);
    }

    [Fact]
    public async Task A_used_wrong_purpose_or_wrong_link_is_no_longer_valid_and_a_weak_password_is_refused()
    {
        var world = await PeopleWorld.CreateAsync(fixture.Client);
        var (id, secret) = await InviteAsync(world, PeopleWorld.Person(world.World.AgencyId));

        var weak = await Assert.ThrowsAsync<InvalidFieldException>(() => Anonymously(() => Account(id).AcceptInvitation(secret, "short")));
        Assert.Equal("password", Assert.Single(weak.Violations).Field);
        await Assert.ThrowsAsync<RuleViolationException>(() => Anonymously(() => Account(id).AcceptInvitation(OneTimeToken.New(TokenPurpose.Invitation).Secret, Password)));
        await Assert.ThrowsAsync<RuleViolationException>(() => Anonymously(() => Account(id).ResetPassword(secret, Password)));
        await Anonymously(() => Account(id).AcceptInvitation(secret, Password));
        var reused = await Assert.ThrowsAsync<RuleViolationException>(() => Anonymously(() => Account(id).AcceptInvitation(secret, Password + "!")));
        Assert.Contains("no longer valid", reused.Message);
        await Assert.ThrowsAsync<RuleViolationException>(() => Anonymously(() => Account(Ids.New("acct")).AcceptInvitation(secret, Password)));
    }

    [Fact]
    public async Task Sign_in_takes_the_password_refuses_others_and_locks_after_five_failures()
    {
        var world = await PeopleWorld.CreateAsync(fixture.Client);
        var (id, _) = await ActiveAsync(world, PeopleWorld.Person(world.World.AgencyId));

        var signedIn = await Anonymously(() => Account(id).SignIn(Password));
        Assert.Equal(SignInOutcome.SignedIn, signedIn.Outcome);
        Assert.NotNull(signedIn.SessionStamp);
        for (var i = 0; i < SignInLockout.Failures - 1; i++)
            Assert.Equal(SignInResult.Refused, await Anonymously(() => Account(id).SignIn("not the password at all")));
        Assert.Equal(SignInOutcome.LockedOut, (await Anonymously(() => Account(id).SignIn("not the password at all"))).Outcome);

        var locked = await Anonymously(() => Account(id).SignIn(Password));
        Assert.Equal(SignInOutcome.LockedOut, locked.Outcome);
        Assert.True(locked.LockedUntil > DateTimeOffset.UtcNow);
        Assert.Null(locked.Session);
    }

    [Fact]
    public async Task An_expired_invitation_is_no_longer_valid()
    {
        var world = await PeopleWorld.CreateAsync(fixture.Client);
        var id = Ids.New("acct");
        var token = OneTimeToken.New(TokenPurpose.Invitation);
        var definition = PeopleWorld.Person(world.World.AgencyId);
        // Invited eight days ago, as the journal would hold it.
        var invitedAt = DateTimeOffset.UtcNow.AddDays(-8);
        fixture.Journal.Append(new JournalAppend([new JournalEntry(EntityTypes.Account, id, 1,
            new AccountInvited(StoredAccountDefinition.Of(definition), world.World.FirstCityId, token.Hash, invitedAt + OneTimeToken.Lifetime),
            invitedAt, world.Admin)], []));

        var expired = await Assert.ThrowsAsync<RuleViolationException>(() => Anonymously(() => Account(id).AcceptInvitation(token.Secret, Password)));

        Assert.Contains("no longer valid", expired.Message);
        // Still invited, with no password: refused like an unknown address.
        Assert.Equal(SignInOutcome.Refused, (await Anonymously(() => Account(id).SignIn(Password))).Outcome);
    }

    [Fact]
    public async Task The_history_names_the_person_as_the_actor_of_what_they_did_and_shows_no_hash_or_stamp()
    {
        var world = await PeopleWorld.CreateAsync(fixture.Client);
        var (id, result) = await ActiveAsync(world, PeopleWorld.Person(world.World.AgencyId));
        await As(result.Session!.Caller, () => Account(id).SetLanguage(Contracts.DonorReports.ReportLanguage.En));

        var history = await As(world.Admin, () => Account(id).GetHistory(new HistoryQuery(false, null, 10)));

        Assert.Equal(["account.invited", "account.password-set", "account.language-set"], history.Events.Select(e => e.Kind));
        Assert.Equal(world.Admin, history.Events[0].Actor with { CityId = "" });
        Assert.All(history.Events.Skip(1), e => Assert.Equal((world.World.AgencyId, Role.PartnerAgency, id), (e.Actor.OrganisationId, e.Actor.Role, e.Actor.AccountId)));
        var shown = string.Join("\n", history.Events.Select(e => e.PayloadJson));
        Assert.DoesNotContain("Hash", shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("stamp", shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(result.SessionStamp!, shown);
        Assert.Equal("Invitation", JsonNode.Parse(history.Events[1].PayloadJson)!["purpose"]!.GetValue<string>());
    }
}
