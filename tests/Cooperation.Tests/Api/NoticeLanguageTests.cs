using System.Globalization;
using Cooperation.Reports.Notices;
using Cooperation.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Api;

/// <summary>
/// An organisation's preferred language: set when it is created or with its contacts, kept until
/// changed, and spoken by its notices (the daily digest, review notices), with dates as the
/// language writes them and times in the recipient's city's zone.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NoticeLanguageTests(ApiFixture api)
{
    [Fact]
    public async Task An_organisation_keeps_its_preferred_language_until_it_changes_it()
    {
        var world = await api.CreateWorldAsync();
        var id = Ids.New("org");
        var create = Requests.Organisation(id, world.FirstCityId, Proto.OrganisationKind.Enterprise);
        create.PreferredLanguage = Proto.ReportLanguage.Vi;

        Assert.Equal(Proto.ReportLanguage.Vi, (await api.Organisations.CreateOrganisationAsync(create)).PreferredLanguage);
        var contacts = new Proto.SetOrganisationContactsRequest { OrganisationId = id, Contacts = { $"{id}@example.org" } };
        Assert.Equal(Proto.ReportLanguage.Vi, (await api.Organisations.SetOrganisationContactsAsync(contacts)).PreferredLanguage);
        contacts.PreferredLanguage = Proto.ReportLanguage.Ja;
        Assert.Equal(Proto.ReportLanguage.Ja, (await api.Organisations.SetOrganisationContactsAsync(contacts)).PreferredLanguage);
        // The same creation again is harmless and shows the language in force.
        Assert.Equal(Proto.ReportLanguage.Ja, (await api.Organisations.CreateOrganisationAsync(create)).PreferredLanguage);
        Assert.Equal(Proto.ReportLanguage.Ja, (await api.Organisations.GetOrganisationAsync(new() { OrganisationId = id })).PreferredLanguage);

        contacts.PreferredLanguage = (Proto.ReportLanguage)9;
        var refused = await Assert.ThrowsAsync<RpcException>(() => api.Organisations.SetOrganisationContactsAsync(contacts).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("preferred_language", refused.Status.Detail);
    }

    [Fact]
    public async Task The_digest_and_the_review_notices_speak_each_recipients_language()
    {
        var world = await api.CreateWorldAsync();
        var pilotId = await api.CreatePilotWithKpiAsync(world);
        var overdue = DateTime.UtcNow.AddDays(-20);
        await api.Pilots.AddMilestoneAsync(new()
        {
            PilotId = pilotId, MilestoneId = "late", Title = new() { En = "Weighbridge installed", Vi = "Lắp đặt cân" },
            PlannedDate = overdue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        await api.Organisations.SetOrganisationContactsAsync(new()
        {
            OrganisationId = world.AgencyId, Contacts = { $"{world.AgencyId}@example.org" }, PreferredLanguage = Proto.ReportLanguage.Vi,
        });
        var office = Ids.New("office");
        var createOffice = Requests.Organisation(office, world.FirstCityId, Proto.OrganisationKind.CityDepartment);
        createOffice.PreferredLanguage = Proto.ReportLanguage.Ja;
        await api.Organisations.CreateOrganisationAsync(createOffice);
        await api.Organisations.SetOrganisationContactsAsync(new() { OrganisationId = office, Contacts = { $"{office}@example.org" } });
        await using var mailbox = await SmtpSink.StartAsync(api.SmtpPort);

        using (var scope = api.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DueReminderJob>().RunAsync(CancellationToken.None);
        var digest = Assert.Single(await mailbox.MessagesToAsync($"{world.AgencyId}@example.org", 1));
        Assert.StartsWith("Cooperation nhắc việc ngày", digest.Subject);
        Assert.Contains("Quá hạn (1):", digest.TextBody);
        Assert.Contains($"{overdue:dd/MM/yyyy}  mốc \"Lắp đặt cân\" của dự án", digest.TextBody);

        var partner = api.As(await api.IssueKeyAsync(world.AgencyId, Cooperation.Contracts.Access.Role.PartnerAgency));
        var reviewer = api.As(await api.IssueKeyAsync(office, Cooperation.Contracts.Access.Role.CityOffice));
        await partner.Submissions.SubmitUpdateAsync(BadInputWorld.Update(pilotId, "2025-03"));
        await reviewer.Reviews.ApprovePeriodAsync(new() { PilotId = pilotId, Period = "2025-03" });

        var approvedToPartner = (await mailbox.MessagesToAsync($"{world.AgencyId}@example.org", 2)).Single(m => m != digest && m.Subject != digest.Subject);
        Assert.StartsWith("Đã phê duyệt:", approvedToPartner.Subject);
        Assert.Contains("tháng 3/2025", approvedToPartner.Subject);
        var approvedToOffice = Assert.Single(await mailbox.MessagesToAsync($"{office}@example.org", 1));
        Assert.StartsWith("承認：", approvedToOffice.Subject);
        Assert.Contains("2025年3月", approvedToOffice.Subject);
        var zone = (await api.Cities.GetCityAsync(new() { CityId = world.FirstCityId })).TimeZone;
        Assert.Contains($"（{zone}）に決定しました。", approvedToOffice.TextBody);
        Assert.Contains("当期間の数値は確定し、ロックされました。", approvedToOffice.TextBody);
    }
}
