using Cooperation.Contracts.Common;
using Cooperation.Contracts.Reporting;
using Cooperation.Gateway.Common;
using Cooperation.Reports.Delivery;
using Google.Protobuf;
using Grpc.Core;
using Cooperation.Reports;
using Hangfire;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Reporting;

/// <summary>
/// gRPC (and JSON) front of donors' reports: subscriptions (the worker keeps their recurring jobs
/// in step once a change is committed), "send now", the archive and failed deliveries. Who may do what is decided by the
/// donor's subscriptions grain; webhook targets are checked before a subscription is saved, and
/// webhook secrets are shown only when made.
/// </summary>
public sealed class ReportingGrpcService(
    GrainReferences<IReportSubscriptionsGrain> donors,
    SubscriptionSchedule schedule,
    IBackgroundJobClient jobs,
    ReportArchive archive,
    ReportAccess access,
    DeliveryLog deliveries,
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
        var view = await Donor(request.DonorOrganisationId).GetToManage(request.SubscriptionId);
        var cadence = view.Definition.Schedule.Frequency;
        var now = clock.GetUtcNow();
        // By default the period a scheduled run would report now: the latest whose window has closed.
        var period = request.Period.Length == 0
            ? schedule.CalendarOf(view).DuePeriod(now)
            : ReportingPeriod.Parse(request.Period, "period");
        if (period.Frequency != cadence)
            throw new InvalidFieldException("period", $"must be a {cadence.ToString().ToLowerInvariant()} period, as the subscription's cadence");
        if (period.End >= DateOnly.FromDateTime(now.UtcDateTime))
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
        var subscriptions = await access.ReadableSubscriptionsAsync(request.DonorOrganisationId, request.SubscriptionId);
        var files = await archive.ListAsync(request.DonorOrganisationId, subscriptions, size, context.CancellationToken);
        return new() { Reports = { files.Select(f => f.ToProto()) } };
    }

    /// <inheritdoc/>
    public override async Task DownloadReport(Proto.DownloadReportRequest request, IServerStreamWriter<Proto.ReportChunk> responseStream, ServerCallContext context)
    {
        var file = await access.ReadableFileAsync(request.ReportId, context.CancellationToken);
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
        // The whole donor's: every subscription with an archived report (a delivery follows its archiving), deleted ones too.
        var subscriptions = await access.ReadableSubscriptionsAsync(request.DonorOrganisationId, "")
            ?? await archive.SubscriptionsAsync(request.DonorOrganisationId, context.CancellationToken);
        var failed = await deliveries.ListAsync(request.DonorOrganisationId, subscriptions, "failed", context.CancellationToken);
        return new() { Deliveries = { failed.Select(d => d.ToProto()) } };
    }

    private Proto.Subscription ToProto(ReportSubscriptionView view) => view.ToProto(schedule.CalendarOf(view), clock.GetUtcNow());

    private IReportSubscriptionsGrain Donor(string donorId) => donors.Get(Field.Id(donorId, "donor_organisation_id"));
}
