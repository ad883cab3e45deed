using Cooperation.Contracts.DonorReports;
using Cooperation.Gateway.DonorReports;
using Cooperation.Reports;
using Cooperation.Reports.Delivery;
using Cooperation.ReportBenchmark;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Support;

/// <summary>Requests and set-up of donors' reports.</summary>
public static partial class Requests
{
    /// <summary>A monthly subscription of the world's donor to its partnership, mailed as PDF.</summary>
    public static Proto.Subscription Subscription(ApiWorld world, string subscriptionId) => new()
    {
        DonorOrganisationId = world.DonorId,
        SubscriptionId = subscriptionId,
        Title = "Monthly progress",
        Scope = new() { Kind = Proto.ReportScopeKind.Partnership, Id = world.PartnershipId },
        Schedule = new() { Cadence = Proto.ReportCadence.Monthly, TimeZone = "Asia/Tokyo" },
        Language = Proto.ReportLanguage.En,
        Formats = { Proto.ReportFormat.Pdf },
        Recipients = { "donor@example.org" },
    };

    /// <summary>Archives a small made-up report of <paramref name="subscriptionId"/>; its PDF's id.</summary>
    public static async Task<long> ArchiveReportAsync(ApiFixture api, string donorId, string subscriptionId)
    {
        var report = SyntheticPortfolio.Report(2, 2, 3) with { DonorId = donorId, SubscriptionId = subscriptionId };
        var files = await new ReportArchive(api.Cluster.Client).SaveAsync(report, ReportFormats.Pdf | ReportFormats.Csv);
        return files.Single(f => f.Format == ReportFormats.Pdf).ReportId;
    }
}
