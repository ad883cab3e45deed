using Cooperation.Contracts.Common;
using Cooperation.Contracts.Mous;
using Cooperation.Contracts.Partnerships;
using Cooperation.Tests.Support;

namespace Cooperation.Tests.Grains;

[Collection(TestClusterCollection.Name)]
public sealed class MouGrainTests(TestClusterFixture fixture)
{
    private static MouDefinition Mou(World world, params string[] pilots) => new(world.PartnershipId,
        new LocalizedText(null, null, "MoU on the eco-industrial park"), [world.AgencyId, world.DonorId], "Cooperation on the park.",
        ValueList.Of(pilots), new DateOnly(2024, 1, 1), new DateOnly(2099, 12, 31));

    [Fact]
    public async Task An_mou_is_a_draft_until_every_party_signed_then_active_and_listed()
    {
        var world = await World.CreateAsync(fixture.Client);
        var pilotId = await world.CreatePilotWithKpiAsync(fixture.Client);
        var id = Ids.New("mou");
        var mou = fixture.Client.GetGrain<IMouGrain>(id);

        var draft = await mou.Create(Mou(world, pilotId));
        Assert.Equal(MouStatus.Draft, draft.Status);
        Assert.True(draft.AwaitsSignatureOf(world.AgencyId));
        Assert.False(draft.AwaitsSignatureOf(Ids.New("stranger")));
        var half = await mou.Sign(new Signature(world.AgencyId, new DateOnly(2023, 12, 12)));
        Assert.Equal(MouStatus.Draft, half.Status);
        Assert.False(half.AwaitsSignatureOf(world.AgencyId));
        Assert.True(half.AwaitsSignatureOf(world.DonorId));
        await mou.Sign(new Signature(world.AgencyId, new DateOnly(2023, 12, 12)));
        await Assert.ThrowsAsync<RuleViolationException>(() => mou.Sign(new Signature(world.AgencyId, new DateOnly(2023, 12, 13))));
        await Assert.ThrowsAsync<InvalidFieldException>(() => mou.Sign(new Signature(Ids.New("stranger"), new DateOnly(2023, 12, 13))));
        var signed = await mou.Sign(new Signature(world.DonorId, new DateOnly(2023, 12, 14)));

        Assert.Equal(MouStatus.Active, signed.Status);
        Assert.False(signed.AwaitsSignatureOf(world.DonorId));
        Assert.False(signed.ExpiringSoon);
        Assert.Equal([id], (await fixture.Client.GetGrain<IPartnershipGrain>(world.PartnershipId).Get()).MouIds);
        Assert.Equal(1, (await fixture.Client.GetGrain<IPartnershipGrain>(world.PartnershipId).GetProgress()).ActiveMous);
    }

    [Fact]
    public async Task Linked_pilots_and_parties_must_belong()
    {
        var world = await World.CreateAsync(fixture.Client);
        var mou = fixture.Client.GetGrain<IMouGrain>(Ids.New("mou"));

        var error = await Assert.ThrowsAsync<InvalidFieldException>(() => mou.Create(Mou(world, Ids.New("foreign-pilot"))));
        Assert.Equal("linked_pilot_ids[0]", Assert.Single(error.Violations).Field);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => mou.Create(Mou(world) with { PartyOrganisationIds = [world.AgencyId, Ids.New("nobody")] }));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => mou.Get());
    }

    [Fact]
    public async Task A_reminder_marks_past_due_commitments_overdue_and_termination_is_final()
    {
        var world = await World.CreateAsync(fixture.Client);
        var mou = fixture.Client.GetGrain<IMouGrain>(Ids.New("mou"));
        await mou.Create(Mou(world));
        await mou.AddCommitment(new CommitmentDefinition("study", "Deliver the feasibility study.", world.DonorId, new DateOnly(2025, 12, 31)));
        await Assert.ThrowsAsync<InvalidFieldException>(() =>
            mou.AddCommitment(new CommitmentDefinition("x", "Something.", Ids.New("stranger"), new DateOnly(2025, 12, 31))));

        await PilotGrainTests.Eventually(async () => (await mou.Get()).Commitments.Single().OverdueSince);
        Assert.Equal(1, (await fixture.Client.GetGrain<IPartnershipGrain>(world.PartnershipId).GetProgress()).OverdueCommitments);

        var done = await mou.SetCommitmentStatus("study", CommitmentStatus.Done);
        Assert.False(done.Overdue);
        // A draft cannot be terminated; a signed MoU can.
        await Assert.ThrowsAsync<RuleViolationException>(() => mou.Terminate("Replaced by a wider agreement"));
        await mou.Sign(new Signature(world.AgencyId, new DateOnly(2023, 12, 12)));
        await mou.Sign(new Signature(world.DonorId, new DateOnly(2023, 12, 12)));
        var terminated = await mou.Terminate("Replaced by a wider agreement");
        Assert.Equal(MouStatus.Terminated, terminated.Status);
        await mou.Terminate("Replaced by a wider agreement");
        await Assert.ThrowsAsync<RuleViolationException>(() => mou.Terminate("Another reason"));
        await Assert.ThrowsAsync<RuleViolationException>(() => mou.AddCommitment(new CommitmentDefinition("later", "Something.", world.DonorId, new DateOnly(2030, 1, 1))));
    }
}
