using System.Globalization;
using Cooperation.Gateway.Notices;
using Cooperation.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// The daily reminder digest: one e-mail per organisation and day listing its overdue and
/// soon-due milestones and commitments, none for an organisation that opted out, and none twice.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DueReminderTests(ApiFixture api)
{
    private static string Day(int fromToday) => DateTime.UtcNow.AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_partner_gets_one_digest_a_day_listing_what_it_owes()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        await api.Pilots.AddMilestoneAsync(new() { PilotId = pilotId, MilestoneId = "late", Title = new() { En = "Weighbridge installed" }, PlannedDate = Day(-20) });
        await api.Pilots.AddMilestoneAsync(new() { PilotId = pilotId, MilestoneId = "soon", Title = new() { En = "Second windrow running" }, PlannedDate = Day(3) });
        await api.Pilots.AddMilestoneAsync(new() { PilotId = pilotId, MilestoneId = "later", Title = new() { En = "Certification" }, PlannedDate = Day(60) });
        var mouId = Ids.New("mou");
        await api.Mous.CreateMouAsync(BadInputWorld.Mou(mouId, world));
        await api.Mous.AddCommitmentAsync(new() { MouId = mouId, CommitmentId = "c1", Text = "Send the feasibility study.", OwnerOrganisationId = world.AgencyId, DueDate = Day(5) });
        var address = $"{world.AgencyId}@example.org";
        await api.Organisations.SetOrganisationContactsAsync(new() { OrganisationId = world.AgencyId, Contacts = { address } });
        // The donor owns nothing here; an opted-out owner gets nothing.
        await api.Mous.AddCommitmentAsync(new() { MouId = mouId, CommitmentId = "c2", Text = "Fund phase two.", OwnerOrganisationId = world.DonorId, DueDate = Day(2) });
        await api.Organisations.SetOrganisationContactsAsync(new()
        {
            OrganisationId = world.DonorId, Contacts = { $"{world.DonorId}@example.org" }, OptedOut = { Proto.NoticeKind.DueReminders },
        });
        await using var mailbox = await SmtpSink.StartAsync(api.SmtpPort);

        await RunJobAsync();
        await RunJobAsync();

        var mail = await mailbox.WaitForAsync(1, TimeSpan.FromSeconds(5));
        var digest = Assert.Single(mail, m => m.To.Mailboxes.Any(a => a.Address == address));
        Assert.DoesNotContain(mail, m => m.To.Mailboxes.Any(a => a.Address == $"{world.DonorId}@example.org"));
        Assert.Contains("1 overdue", digest.Subject);
        var text = digest.TextBody;
        Assert.Contains("Overdue (1):", text);
        Assert.Contains($"{Day(-20)}  milestone \"Weighbridge installed\"", text);
        Assert.Contains($"{Day(3)}  milestone \"Second windrow running\"", text);
        Assert.Contains($"{Day(5)}  commitment \"Send the feasibility study.\"", text);
        Assert.DoesNotContain("Certification", text);
        Assert.DoesNotContain("Fund phase two.", text);
    }

    private async Task RunJobAsync()
    {
        using var scope = api.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DueReminderJob>().RunAsync(CancellationToken.None);
    }
}
