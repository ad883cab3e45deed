using Cooperation.Tests.Support;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>Cities, organisations, partnerships, programmes and MoUs over gRPC, end to end.</summary>
[Collection(ApiCollection.Name)]
public sealed class DomainRoundTripTests(ApiFixture api)
{
    [Fact]
    public async Task Cities_carry_their_partnerships_and_indices()
    {
        var world = await api.CreateWorldAsync();

        var index = await api.Cities.RecordCityIndexAsync(new Proto.RecordCityIndexRequest
        {
            CityId = world.FirstCityId,
            IndexCode = "pgi",
            Name = new Proto.LocalizedText { En = "Provincial Green Index" },
            Year = 2023,
            Components =
            {
                new Proto.IndexComponent { Code = "a", Name = new() { En = "A" }, Score = 7.41 },
                new Proto.IndexComponent { Code = "b", Name = new() { En = "B" }, Score = 6.18 },
                new Proto.IndexComponent { Code = "c", Name = new() { En = "C" }, Score = 6.68 },
                new Proto.IndexComponent { Code = "d", Name = new() { En = "D" }, Score = 5.73 },
            },
        });
        var city = await api.Cities.GetCityAsync(new Proto.GetCityRequest { CityId = world.FirstCityId });
        var partnerships = await api.Cities.ListCityPartnershipsAsync(new Proto.ListCityPartnershipsRequest { CityId = world.FirstCityId });

        Assert.Equal(26.0, index.Total);
        Assert.Equal("Asia/Ho_Chi_Minh", city.TimeZone);
        Assert.Equal(26.0, Assert.Single(city.Indices).Total);
        Assert.Equal([world.ProgrammeId], Assert.Single(partnerships.Partnerships).ProgrammeIds);
    }

    [Fact]
    public async Task Organisations_and_partnership_members_round_trip()
    {
        var world = await api.CreateWorldAsync();

        var donor = await api.Organisations.GetOrganisationAsync(new Proto.GetOrganisationRequest { OrganisationId = world.DonorId });
        var partnership = await api.Partnerships.SetPartnershipMemberAsync(new Proto.SetPartnershipMemberRequest
        {
            PartnershipId = world.PartnershipId,
            OrganisationId = world.DonorId,
            Role = Proto.PartnershipRole.Donor,
        });

        Assert.Equal(Proto.OrganisationKind.Donor, donor.Kind);
        Assert.Equal(Proto.RelationKind.SisterCity, partnership.Relation);
        Assert.Equal(2, partnership.Relations.Count);
        Assert.Equal(Proto.PartnershipRole.Donor, Assert.Single(partnership.Members).Role);
    }

    [Fact]
    public async Task A_programme_has_its_own_kpis_under_the_programmes_subject()
    {
        var world = await api.CreateWorldAsync();
        var subject = $"programmes/{world.ProgrammeId}";
        var kpi = Requests.Kpi("unused", "people-trained");
        kpi.Subject = subject;
        kpi.Unit = "people";

        await api.Kpis.DefineKpiAsync(kpi);
        await api.Kpis.RecordKpiReadingsAsync(new Proto.RecordKpiReadingsRequest
        {
            Subject = subject,
            Readings = { new Proto.KpiReadingInput { KpiCode = "people-trained", Period = "2025-03", Value = 120 } },
        });
        var programme = await api.Programmes.GetProgrammeAsync(new Proto.GetProgrammeRequest { ProgrammeId = world.ProgrammeId });

        Assert.Equal(Proto.ProgrammeOwnerKind.Partnership, programme.OwnerKind);
        Assert.Equal(120, Assert.Single(programme.Kpis).Progress.CurrentValue);
        Assert.Equal(1, programme.ReadingCount);
    }

    [Fact]
    public async Task An_mou_is_signed_listed_and_its_commitments_tracked()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        var mouId = Ids.New("mou");

        await api.Mous.CreateMouAsync(new Proto.CreateMouRequest
        {
            MouId = mouId,
            PartnershipId = world.PartnershipId,
            Title = new Proto.LocalizedText { En = "MoU on the eco-industrial park" },
            PartyOrganisationIds = { world.AgencyId, world.DonorId },
            Scope = "Cooperation on the park.",
            LinkedPilotIds = { pilotId },
            EffectiveDate = "2024-01-01",
            ExpiryDate = "2099-12-31",
        });
        await api.Mous.SignMouAsync(new Proto.SignMouRequest { MouId = mouId, OrganisationId = world.AgencyId, SignedOn = "2023-12-12" });
        await api.Mous.SignMouAsync(new Proto.SignMouRequest { MouId = mouId, OrganisationId = world.DonorId, SignedOn = "2023-12-12" });
        var commitment = await api.Mous.AddCommitmentAsync(new Proto.AddCommitmentRequest
        {
            MouId = mouId, CommitmentId = "study", Text = "Deliver the study.", OwnerOrganisationId = world.DonorId, DueDate = "2025-12-31",
        });
        var done = await api.Mous.SetCommitmentStatusAsync(new Proto.SetCommitmentStatusRequest { MouId = mouId, CommitmentId = "study", Status = Proto.CommitmentStatus.Done });
        var listed = await api.Partnerships.ListPartnershipMousAsync(new Proto.ListPartnershipMousRequest { PartnershipId = world.PartnershipId });
        var terminated = await api.Mous.TerminateMouAsync(new Proto.TerminateMouRequest { MouId = mouId, Reason = "Replaced" });

        Assert.True(commitment.Overdue);
        Assert.False(done.Overdue);
        Assert.Equal(Proto.MouStatus.Active, Assert.Single(listed.Mous).Status);
        Assert.Equal(Proto.MouStatus.Terminated, terminated.Status);
        Assert.Equal("Replaced", terminated.TerminationReason);
        Assert.Equal(terminated, await api.Mous.GetMouAsync(new Proto.GetMouRequest { MouId = mouId }));
    }
}
