using Cooperation.Contracts.Common;
using Cooperation.Contracts.DonorReports;
using Cooperation.Gateway.Common;
using Cooperation.Reports.Delivery;
using Google.Protobuf;
using Grpc.Core;
using Cooperation.Reports;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.DonorReports;

/// <summary>
/// gRPC (and JSON) front of donors' reports: subscriptions (the worker keeps their recurring jobs
/// in step once a change is committed), "send now", the archive and failed deliveries. Who may do
/// what is decided by the donor's subscriptions grain, for the archive and deliveries too (the
/// silo's archive and delivery log grains ask it); webhook targets are checked before a
/// subscription is saved, and webhook secrets are shown only when made. "Send now" queues the
/// worker's job through Hangfire's client: queueing is the API's write, the work is the worker's.
/// </summary>
internal sealed class DonorReportGrpcService(
    GrainReferences<IReportSubscriptionsGrain> donors,
    IGrainFactory grains,
    SubscriptionSchedule schedule,
    SendNow sendNow,
    ReportArchive archive,
    WebhookSecrets secrets,
    WebhookTargets targets,
    TimeProvider clock) : Proto.ReportingService.ReportingServiceBase
{
    /// <summary>Bytes per chunk of a downloaded report.</summary>
    public const int ChunkSize = 64 * 1024;

    /// <inheritdoc/>
    public override async Task<Proto.Subscription> CreateSubscription(Proto.CreateSubscriptionRequest request, ServerCallContext context)
    {
        var definition = request.Subscription.ToDomain();
        await targets.CheckSavedAsync(definition.WebhookUrl, "webhook_url", context.CancellationToken);
        var (view, isNew) = await Donor(definition.DonorOrganisationId).Create(request.Subscription.SubscriptionId, definition);
        var answer = ToProto(view);
        // Shown this once, to whoever made it; never in reads.
        if (isNew)
            answer.WebhookSecret = await secrets.OfAsync(view, context.CancellationToken);
        return answer;
    }

    /// <inheritdoc/>
    public override async Task<Proto.Subscription> UpdateSubscription(Proto.UpdateSubscriptionRequest request, ServerCallContext context)
    {
        var definition = request.Subscription.ToDomain();
        await targets.CheckSavedAsync(definition.WebhookUrl, "webhook_url", context.CancellationToken);
        var view = await Donor(definition.DonorOrganisationId).Change(request.Subscription.SubscriptionId, definition);
        return ToProto(view);
    }

    /// <inheritdoc/>
    public override async Task<Proto.Subscription> SetSubscriptionPaused(Proto.SetSubscriptionPausedRequest request, ServerCallContext context)
    {
        var view = await Donor(request.DonorOrganisationId).SetPaused(request.SubscriptionId, request.Paused);
        return ToProto(view);
    }

    /// <inheritdoc/>
    public override async Task<Proto.WebhookSecret> RotateWebhookSecret(Proto.SubscriptionRef request, ServerCallContext context)
    {
        var view = await Donor(request.DonorOrganisationId).RotateWebhookSecret(request.SubscriptionId);
        return new() { SubscriptionId = view.SubscriptionId, Secret = await secrets.OfAsync(view, context.CancellationToken) };
    }

    /// <inheritdoc/>
    public override async Task<Proto.DeleteSubscriptionResult> DeleteSubscription(Proto.SubscriptionRef request, ServerCallContext context)
    {
        await Donor(request.DonorOrganisationId).Delete(request.SubscriptionId);
        return new() { SubscriptionId = request.SubscriptionId };
    }

    /// <inheritdoc/>
    public override async Task<Proto.Subscription> GetSubscription(Proto.SubscriptionRef request, ServerCallContext context) =>
        ToProto(await Donor(request.DonorOrganisationId).Get(request.SubscriptionId));

    /// <inheritdoc/>
    public override async Task<Proto.SubscriptionList> ListSubscriptions(Proto.ListSubscriptionsRequest request, ServerCallContext context) =>
        new() { Subscriptions = { (await Donor(request.DonorOrganisationId).List()).Select(ToProto) } };

    /// <inheritdoc/>
    public override async Task<Proto.SendReportNowResult> SendReportNow(Proto.SendReportNowRequest request, ServerCallContext context)
    {
        var (period, job) = await sendNow.QueueAsync(Donor(request.DonorOrganisationId), request.SubscriptionId, request.Period);
        return new() { Period = period.ToString(), JobId = job };
    }

    /// <inheritdoc/>
    public override async Task<Proto.ReportList> ListReports(Proto.ListReportsRequest request, ServerCallContext context)
    {
        var size = request.PageSize == 0 ? 50 : request.PageSize is >= 1 and <= 200 ? request.PageSize
            : throw new InvalidFieldException("page_size", "must be 1–200, or 0 for 50");
        var files = await Archive.ListReadable(request.DonorOrganisationId, request.SubscriptionId, size);
        return new() { Reports = { files.Select(f => f.ToProto()) } };
    }

    /// <inheritdoc/>
    public override async Task DownloadReport(Proto.DownloadReportRequest request, IServerStreamWriter<Proto.ReportChunk> responseStream, ServerCallContext context)
    {
        var file = await Archive.ReadableFile(request.ReportId);
        var first = true;
        await foreach (var content in archive.ChunksAsync(file.ReportId, file.Size, ChunkSize, context.CancellationToken))
        {
            var chunk = new Proto.ReportChunk { Data = ByteString.CopyFrom(content) };
            if (first)
                chunk.Report = file.ToProto();
            first = false;
            await responseStream.WriteAsync(chunk, context.CancellationToken);
        }
        // An empty file is one chunk: its metadata with no bytes.
        if (first)
            await responseStream.WriteAsync(new Proto.ReportChunk { Data = ByteString.Empty, Report = file.ToProto() }, context.CancellationToken);
    }

    /// <inheritdoc/>
    public override async Task<Proto.DeliveryList> ListFailedDeliveries(Proto.ListFailedDeliveriesRequest request, ServerCallContext context)
    {
        var failed = await grains.GetGrain<IDeliveryLogGrain>(0).ListFailed(request.DonorOrganisationId);
        return new() { Deliveries = { failed.Select(d => d.ToProto()) } };
    }

    private IReportArchiveGrain Archive => grains.GetGrain<IReportArchiveGrain>(0);

    private Proto.Subscription ToProto(ReportSubscriptionView view) => view.ToProto(schedule.CalendarOf(view), clock.GetUtcNow());

    private IReportSubscriptionsGrain Donor(string donorId) => donors.Get(Field.Id(donorId, "donor_organisation_id"));
}
