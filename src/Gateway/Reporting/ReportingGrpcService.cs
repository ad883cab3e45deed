using System.Globalization;
using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Reporting;
using Cooperation.Gateway.Common;
using Cooperation.Gateway.Reporting.Delivery;
using Google.Protobuf;
using Grpc.Core;
using Hangfire;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Reporting;

/// <summary>
/// gRPC (and JSON) front of donors' reports: subscriptions (kept in step with their recurring
/// jobs), "send now", the archive and failed deliveries. Who may do what is decided by the
/// donor's subscriptions grain.
/// </summary>
public sealed class ReportingGrpcService(
    GrainReferences<IReportSubscriptionsGrain> donors,
    SubscriptionSchedule schedule,
    IBackgroundJobClient jobs,
    ReportArchive archive,
    DeliveryLog deliveries,
    TimeProvider clock) : Proto.ReportingService.ReportingServiceBase
{
    /// <summary>Bytes per chunk of a downloaded report.</summary>
    public const int ChunkSize = 64 * 1024;

    /// <inheritdoc/>
    public override async Task<Proto.Subscription> CreateSubscription(Proto.CreateSubscriptionRequest request, ServerCallContext context)
    {
        var definition = request.Subscription.ToDomain();
        var view = await Donor(definition.DonorOrganisationId).Create(request.Subscription.SubscriptionId, definition);
        schedule.Sync(view);
        return view.ToProto(clock.GetUtcNow());
    }

    /// <inheritdoc/>
    public override async Task<Proto.Subscription> UpdateSubscription(Proto.UpdateSubscriptionRequest request, ServerCallContext context)
    {
        var definition = request.Subscription.ToDomain();
        var view = await Donor(definition.DonorOrganisationId).Change(request.Subscription.SubscriptionId, definition);
        schedule.Sync(view);
        return view.ToProto(clock.GetUtcNow());
    }

    /// <inheritdoc/>
    public override async Task<Proto.Subscription> SetSubscriptionPaused(Proto.SetSubscriptionPausedRequest request, ServerCallContext context)
    {
        var view = await Donor(request.DonorOrganisationId).SetPaused(request.SubscriptionId, request.Paused);
        schedule.Sync(view);
        return view.ToProto(clock.GetUtcNow());
    }

    /// <inheritdoc/>
    public override async Task<Proto.DeleteSubscriptionResult> DeleteSubscription(Proto.SubscriptionRef request, ServerCallContext context)
    {
        await Donor(request.DonorOrganisationId).Delete(request.SubscriptionId);
        schedule.Remove(request.DonorOrganisationId, request.SubscriptionId);
        return new() { SubscriptionId = request.SubscriptionId };
    }

    /// <inheritdoc/>
    public override async Task<Proto.Subscription> GetSubscription(Proto.SubscriptionRef request, ServerCallContext context) =>
        (await Donor(request.DonorOrganisationId).Get(request.SubscriptionId)).ToProto(clock.GetUtcNow());

    /// <inheritdoc/>
    public override async Task<Proto.SubscriptionList> ListSubscriptions(Proto.ListSubscriptionsRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        return new() { Subscriptions = { (await Donor(request.DonorOrganisationId).List()).Select(s => s.ToProto(now)) } };
    }

    /// <inheritdoc/>
    public override async Task<Proto.SendReportNowResult> SendReportNow(Proto.SendReportNowRequest request, ServerCallContext context)
    {
        var view = await Donor(request.DonorOrganisationId).GetToManage(request.SubscriptionId);
        var cadence = view.Definition.Schedule.Frequency;
        var period = request.Period.Length == 0
            ? view.Definition.Schedule.LastClosedPeriod(clock.GetUtcNow())
            : ReportingPeriod.Parse(request.Period, "period");
        if (period.Frequency != cadence)
            throw new InvalidFieldException("period", $"must be a {cadence.ToString().ToLowerInvariant()} period, as the subscription's cadence");
        if (period.End >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            throw new InvalidFieldException("period", "must have ended: reports cover closed periods");
        var (donor, id) = (view.Definition.DonorOrganisationId, view.SubscriptionId);
        var job = jobs.Enqueue<DonorReportJob>(j => j.RunOnceAsync(donor, id, period.ToString(), CancellationToken.None));
        return new() { Period = period.ToString(), JobId = job };
    }

    /// <inheritdoc/>
    public override async Task<Proto.ReportList> ListReports(Proto.ListReportsRequest request, ServerCallContext context)
    {
        var size = request.PageSize == 0 ? 50 : request.PageSize is >= 1 and <= 200 ? request.PageSize
            : throw new InvalidFieldException("page_size", "must be 1–200, or 0 for 50");
        var subscriptions = await ReadableAsync(request.DonorOrganisationId, request.SubscriptionId);
        return new() { Reports = { (await archive.ListAsync(request.DonorOrganisationId, subscriptions, size)).Select(f => f.ToProto()) } };
    }

    /// <inheritdoc/>
    public override async Task DownloadReport(Proto.DownloadReportRequest request, IServerStreamWriter<Proto.ReportChunk> responseStream, ServerCallContext context)
    {
        var id = request.ReportId.ToString(CultureInfo.InvariantCulture);
        if (request.ReportId <= 0)
            throw new InvalidFieldException("report_id", "must be a report's id, a positive number");
        if (await archive.GetAsync(request.ReportId, context.CancellationToken) is not { } file)
        {
            // NotFound only for those who may read every report; anyone else learns nothing.
            AccessPolicy.Require(Permission.ReadReports, null, "report", id);
            return;
        }
        await Donor(file.DonorId).Get(file.SubscriptionId);
        var content = await archive.ContentAsync(file.ReportId, context.CancellationToken);
        for (var offset = 0; offset < content.Length || offset == 0; offset += ChunkSize)
        {
            var chunk = new Proto.ReportChunk { Data = ByteString.CopyFrom(content, offset, Math.Min(ChunkSize, content.Length - offset)) };
            if (offset == 0)
                chunk.Report = file.ToProto();
            await responseStream.WriteAsync(chunk, context.CancellationToken);
            if (content.Length == 0)
                break;
        }
    }

    /// <inheritdoc/>
    public override async Task<Proto.DeliveryList> ListFailedDeliveries(Proto.ListFailedDeliveriesRequest request, ServerCallContext context)
    {
        var subscriptions = await ReadableAsync(request.DonorOrganisationId, "");
        return new() { Deliveries = { (await deliveries.ListAsync(request.DonorOrganisationId, subscriptions, "failed")).Select(d => d.ToProto()) } };
    }

    /// <summary>The ids of the donor's subscriptions the caller may read: one named, or all.</summary>
    private async Task<IReadOnlyList<string>> ReadableAsync(string donorId, string subscriptionId)
    {
        var donor = Donor(donorId);
        if (subscriptionId.Length > 0)
            return [(await donor.Get(subscriptionId)).SubscriptionId];
        return (await donor.List()).Select(s => s.SubscriptionId).ToArray();
    }

    private IReportSubscriptionsGrain Donor(string donorId) => donors.Get(Field.Id(donorId, "donor_organisation_id"));
}
