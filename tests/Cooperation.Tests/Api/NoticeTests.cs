using System.Globalization;
using Cooperation.Reports.Notices;
using Cooperation.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// E-mail notices: the daily reminder digest (one per organisation and day, listing its overdue and
/// soon-due milestones and commitments, none for an organisation that opted out, none twice), and
/// the notices of a returned or approved period.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NoticeTests(ApiFixture api)
{
    // As an English notice writes a day (the organisations of these tests have no preferred language).
    private static string Day(int fromToday) => DateTime.UtcNow.AddDays(fromToday).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string IsoDay(int fromToday) => DateTime.UtcNow.AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_partner_gets_one_digest_a_day_listing_what_it_owes()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        await api.Pilots.AddMilestoneAsync(new() { PilotId = pilotId, MilestoneId = "late", Title = new() { En = "Weighbridge installed" }, PlannedDate = IsoDay(-20) });
        await api.Pilots.AddMilestoneAsync(new() { PilotId = pilotId, MilestoneId = "soon", Title = new() { En = "Second windrow running" }, PlannedDate = IsoDay(3) });
        await api.Pilots.AddMilestoneAsync(new() { PilotId = pilotId, MilestoneId = "later", Title = new() { En = "Certification" }, PlannedDate = IsoDay(60) });
        var mouId = Ids.New("mou");
        await api.Mous.CreateMouAsync(BadInputWorld.Mou(mouId, world));
        await api.Mous.AddCommitmentAsync(new() { MouId = mouId, CommitmentId = "c1", Text = "Send the feasibility study.", OwnerOrganisationId = world.AgencyId, DueDate = IsoDay(5) });
        var address = $"{world.AgencyId}@example.org";
        await api.Organisations.SetOrganisationContactsAsync(new() { OrganisationId = world.AgencyId, Contacts = { address } });
        // The donor owns nothing here; an opted-out owner gets nothing.
        await api.Mous.AddCommitmentAsync(new() { MouId = mouId, CommitmentId = "c2", Text = "Fund phase two.", OwnerOrganisationId = world.DonorId, DueDate = IsoDay(2) });
        await api.Organisations.SetOrganisationContactsAsync(new()
        {
            OrganisationId = world.DonorId, Contacts = { $"{world.DonorId}@example.org" }, OptedOut = { Proto.NoticeKind.DueReminders },
        });
        await using var mailbox = await SmtpSink.StartAsync(api.SmtpPort);

        await RunJobAsync();
        await RunJobAsync();

        var digest = Assert.Single(await mailbox.MessagesToAsync(address, 2, TimeSpan.FromSeconds(2)));
        Assert.Empty(await mailbox.MessagesToAsync($"{world.DonorId}@example.org", 1, TimeSpan.Zero));
        Assert.Contains("1 overdue", digest.Subject);
        var text = digest.TextBody;
        Assert.Contains("Overdue (1):", text);
        Assert.Contains($"{Day(-20)}  milestone \"Weighbridge installed\"", text);
        Assert.Contains($"{Day(3)}  milestone \"Second windrow running\"", text);
        Assert.Contains($"{Day(5)}  commitment \"Send the feasibility study.\"", text);
        Assert.DoesNotContain("Certification", text);
        Assert.DoesNotContain("Fund phase two.", text);
    }

    [Fact]
    public async Task A_returned_period_is_noticed_to_the_submitter_with_the_comment_and_an_approval_to_submitter_and_approver()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        var office = Ids.New("office");
        await api.Organisations.CreateOrganisationAsync(Requests.Organisation(office, world.FirstCityId, Proto.OrganisationKind.CityDepartment));
        foreach (var organisation in new[] { world.AgencyId, office })
            await api.Organisations.SetOrganisationContactsAsync(new() { OrganisationId = organisation, Contacts = { $"{organisation}@example.org" } });
        var partner = api.As(await api.IssueKeyAsync(world.AgencyId, Cooperation.Contracts.Access.Role.PartnerAgency));
        var reviewer = api.As(await api.IssueKeyAsync(office, Cooperation.Contracts.Access.Role.CityOffice));
        await using var mailbox = await SmtpSink.StartAsync(api.SmtpPort);
        var update = BadInputWorld.Update(pilotId, "2025-03");

        await partner.Submissions.SubmitUpdateAsync(update);
        await reviewer.Reviews.ReturnPeriodAsync(new() { PilotId = pilotId, Period = "2025-03", Comment = "The weighbridge slips are missing." });
        var returned = await mailbox.MessagesToAsync($"{world.AgencyId}@example.org", 1);
        Assert.StartsWith("Returned:", Assert.Single(returned).Subject);
        Assert.Contains("The weighbridge slips are missing.", returned[0].TextBody);

        update.IdempotencyKey = Guid.NewGuid().ToString();
        await partner.Submissions.SubmitUpdateAsync(update);
        await reviewer.Reviews.ApprovePeriodAsync(new() { PilotId = pilotId, Period = "2025-03" });
        Assert.Contains(await mailbox.MessagesToAsync($"{world.AgencyId}@example.org", 2), m => m.Subject!.StartsWith("Approved:", StringComparison.Ordinal));
        Assert.StartsWith("Approved:", Assert.Single(await mailbox.MessagesToAsync($"{office}@example.org", 1)).Subject);
    }

    private async Task RunJobAsync()
    {
        using var scope = api.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DueReminderJob>().RunAsync(CancellationToken.None);
    }
}
