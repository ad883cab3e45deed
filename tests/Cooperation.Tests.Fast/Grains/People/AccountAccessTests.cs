using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.People;
using Cooperation.Tests.Support;
using static Cooperation.Tests.Grains.People.Acting;

namespace Cooperation.Tests.Grains.People;

/// <summary>Who may invite, read and manage a person's account, and what the directory shows to whom.</summary>
[Collection(TestClusterCollection.Name)]
public sealed class AccountAccessTests(TestClusterFixture fixture)
{
    private const string Password = "sister cities since 2014";

    private IAccountGrain Account(string id) => fixture.Client.GetGrain<IAccountGrain>(id);

    private IAccountDirectoryGrain Directory => fixture.Client.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key);

    private Task<AccountView> InviteAs(Caller caller, string id, AccountDefinition definition) =>
        As(caller, () => Account(id).Invite(definition, OneTimeToken.New(TokenPurpose.Invitation).Hash));

    [Fact]
    public async Task An_admin_invites_anyone_a_city_office_the_people_of_its_partnerships_and_nobody_else_invites()
    {
        var world = await PeopleWorld.CreateAsync(fixture.Client);

        var platformAdmin = await InviteAs(world.Admin, Ids.New("acct"), PeopleWorld.Person("platform", Role.Admin));
        await InviteAs(world.Admin, Ids.New("acct"), PeopleWorld.Person(world.OutsiderId));
        var partnerCity = await InviteAs(world.Office, Ids.New("acct"), PeopleWorld.Person(world.PartnerCityId));
        var ownCity = await InviteAs(world.Office, Ids.New("acct"), PeopleWorld.Person(world.World.AgencyId));
        var colleague = await InviteAs(world.Office, Ids.New("acct"), PeopleWorld.Person(world.OfficeId, Role.CityOffice));

        Assert.Equal("platform (Admin, key-admin)", platformAdmin.InvitedBy);
        Assert.Equal(world.Office.ToString(), partnerCity.InvitedBy);
        Assert.All([partnerCity, ownCity, colleague], view => Assert.Equal(AccountStatus.Invited, view.Status));
        // Outside its partnerships: an organisation of a third city, one of the partner city that is not a member.
        await Assert.ThrowsAsync<AccessDeniedException>(() => InviteAs(world.Office, Ids.New("acct"), PeopleWorld.Person(world.OutsiderId)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => InviteAs(world.Office, Ids.New("acct"), PeopleWorld.Person(world.StrangerId)));
        // Partner agencies and donors invite nobody, not even their own colleagues.
        await Assert.ThrowsAsync<AccessDeniedException>(() => InviteAs(world.Agency, Ids.New("acct"), PeopleWorld.Person(world.World.AgencyId)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => InviteAs(world.Donor, Ids.New("acct"), PeopleWorld.Person(world.World.DonorId, Role.Donor)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => InviteAs(Caller.Anonymous, Ids.New("acct"), PeopleWorld.Person(world.World.AgencyId)));
    }

    [Fact]
    public async Task The_role_must_suit_the_organisation_and_an_address_or_an_id_is_taken_once()
    {
        var world = await PeopleWorld.CreateAsync(fixture.Client);
        var definition = PeopleWorld.Person(world.World.AgencyId);
        var id = Ids.New("acct");
        var first = OneTimeToken.New(TokenPurpose.Invitation);

        var role = await Assert.ThrowsAsync<InvalidFieldException>(() => InviteAs(world.Admin, Ids.New("acct"), PeopleWorld.Person(world.World.DonorId, Role.CityOffice)));
        Assert.Equal("role", Assert.Single(role.Violations).Field);
        await Assert.ThrowsAsync<InvalidFieldException>(() => InviteAs(world.Admin, Ids.New("acct"), PeopleWorld.Person("platform", Role.CityOffice)));
        await Assert.ThrowsAsync<InvalidFieldException>(() => InviteAs(world.Admin, Ids.New("acct"), definition with { Email = "not an address" }));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => InviteAs(world.Admin, Ids.New("acct"), PeopleWorld.Person(Ids.New("nobody"))));
        var badHash = await Assert.ThrowsAsync<InvalidFieldException>(() => As(world.Admin, () => Account(Ids.New("acct")).Invite(definition, "secret")));
        Assert.Equal("token_hash", Assert.Single(badHash.Violations).Field);

        await As(world.Admin, () => Account(id).Invite(definition, first.Hash));
        // Invited again with the same content: the new link replaces the first.
        var second = OneTimeToken.New(TokenPurpose.Invitation);
        await As(world.Admin, () => Account(id).Invite(definition, second.Hash));
        await Assert.ThrowsAsync<RuleViolationException>(() => Anonymously(() => Account(id).AcceptInvitation(first.Secret, Password)));
        await Assert.ThrowsAsync<EntityExistsException>(() => InviteAs(world.Admin, id, definition with { DisplayName = "Someone else" }));
        await Assert.ThrowsAsync<EntityExistsException>(() => InviteAs(world.Admin, Ids.New("acct"), definition with { Email = definition.Email.ToUpperInvariant() }));
        Assert.Equal(SignInOutcome.SignedIn, (await Anonymously(() => Account(id).AcceptInvitation(second.Secret, Password))).Outcome);
        // An active account is not invited again.
        await Assert.ThrowsAsync<EntityExistsException>(() => InviteAs(world.Admin, id, definition));
        // Invited, invited again, password set.
        Assert.Equal(3, await fixture.EventCountAsync(id));
    }

    [Fact]
    public async Task The_person_and_those_who_manage_their_organisations_people_read_an_account_others_do_not()
    {
        var world = await PeopleWorld.CreateAsync(fixture.Client);
        var id = Ids.New("acct");
        var colleagueId = Ids.New("acct");
        var definition = PeopleWorld.Person(world.PartnerCityId);
        var token = OneTimeToken.New(TokenPurpose.Invitation);
        await As(world.Office, () => Account(id).Invite(definition, token.Hash));
        await InviteAs(world.Office, colleagueId, PeopleWorld.Person(world.PartnerCityId));
        var person = (await Anonymously(() => Account(id).AcceptInvitation(token.Secret, Password))).Session!.Caller;

        Assert.Equal(definition.Email, (await As(person, () => Account(id).Get())).Definition.Email);
        Assert.Equal(id, (await As(world.Office, () => Account(id).Get())).AccountId);
        Assert.True(await As(world.Office, () => Account(id).IsReadable()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(world.Agency, () => Account(id).Get()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(person, () => Account(colleagueId).Get()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Anonymously(() => Account(id).Get()));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => As(world.Admin, () => Account(Ids.New("acct")).Get()));

        // The directory lists what Get would show: all of them to the office, only themself to the person.
        Assert.Equal([id, colleagueId], (await As(world.Office, () => Directory.List(world.PartnerCityId))).Select(v => v.AccountId));
        Assert.Equal([id], (await As(person, () => Directory.List(world.PartnerCityId))).Select(v => v.AccountId));
        Assert.Empty(await As(world.Agency, () => Directory.List(world.PartnerCityId)));
    }

    [Fact]
    public async Task Disabling_ends_sessions_and_sign_in_until_enabled_and_only_the_person_sets_their_language()
    {
        var world = await PeopleWorld.CreateAsync(fixture.Client);
        var id = Ids.New("acct");
        var token = OneTimeToken.New(TokenPurpose.Invitation);
        await As(world.Office, () => Account(id).Invite(PeopleWorld.Person(world.World.AgencyId), token.Hash));
        var session = await Anonymously(() => Account(id).AcceptInvitation(token.Secret, Password));
        var person = session.Session!.Caller;

        Assert.Equal(Contracts.DonorReports.ReportLanguage.Ja, (await As(person, () => Account(id).SetLanguage(Contracts.DonorReports.ReportLanguage.Ja))).Definition.Language);
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(world.Office, () => Account(id).SetLanguage(Contracts.DonorReports.ReportLanguage.En)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(world.Agency, () => Account(id).Disable("left")));
        await Assert.ThrowsAsync<InvalidFieldException>(() => As(world.Office, () => Account(id).Disable(" ")));

        var disabled = await As(world.Office, () => Account(id).Disable("Left the agency"));

        Assert.Equal(AccountStatus.Disabled, disabled.Status);
        Assert.Equal("Left the agency", disabled.DisabledReason);
        Assert.Null(await Anonymously(() => Account(id).Session(session.SessionStamp!)));
        Assert.Equal(SignInOutcome.NotActive, (await Anonymously(() => Account(id).SignIn(Password))).Outcome);
        Assert.Null(await Anonymously(() => Account(id).RequestPasswordReset(OneTimeToken.New(TokenPurpose.PasswordReset).Hash)));

        Assert.Equal(AccountStatus.Active, (await As(world.Admin, () => Account(id).Enable())).Status);
        // Sessions from before stay ended; signing in again gives a working one.
        Assert.Null(await Anonymously(() => Account(id).Session(session.SessionStamp!)));
        var again = await Anonymously(() => Account(id).SignIn(Password));
        Assert.NotNull(await Anonymously(() => Account(id).Session(again.SessionStamp!)));
    }

    [Fact]
    public async Task A_password_reset_ends_other_sessions_and_names_are_shown_to_any_known_caller()
    {
        var world = await PeopleWorld.CreateAsync(fixture.Client);
        var id = Ids.New("acct");
        var invitation = OneTimeToken.New(TokenPurpose.Invitation);
        var definition = PeopleWorld.Person(world.World.DonorId, Role.Donor) with { DisplayName = "Tanaka Hiroshi" };
        await As(world.Admin, () => Account(id).Invite(definition, invitation.Hash));
        var first = await Anonymously(() => Account(id).AcceptInvitation(invitation.Secret, Password));
        var reset = OneTimeToken.New(TokenPurpose.PasswordReset);

        Assert.Equal(id, (await Anonymously(() => Account(id).RequestPasswordReset(reset.Hash)))!.AccountId);
        await Assert.ThrowsAsync<RuleViolationException>(() => Anonymously(() => Account(id).AcceptInvitation(reset.Secret, "a brand new passphrase")));
        var second = await Anonymously(() => Account(id).ResetPassword(reset.Secret, "a brand new passphrase"));

        Assert.Equal(SignInOutcome.SignedIn, second.Outcome);
        Assert.NotEqual(first.SessionStamp, second.SessionStamp);
        Assert.Null(await Anonymously(() => Account(id).Session(first.SessionStamp!)));
        Assert.NotNull(await Anonymously(() => Account(id).Session(second.SessionStamp!)));
        Assert.Equal(SignInResult.Refused, await Anonymously(() => Account(id).SignIn(Password)));
        await Assert.ThrowsAsync<RuleViolationException>(() => Anonymously(() => Account(id).ResetPassword(reset.Secret, "yet another passphrase")));

        var names = await As(world.Agency, () => Directory.Names([id, id, Ids.New("acct")]));
        Assert.Equal([new PersonName(id, "Tanaka Hiroshi", world.World.DonorId)], names);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Anonymously(() => Directory.Names([id])));
    }
}
