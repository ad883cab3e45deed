using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Partnerships;
using Cooperation.Gateway.Common;
using Grpc.Core;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Gateway.Audit;

/// <summary>gRPC (and JSON) front of the audit trail: entities' histories and live partnership feeds.</summary>
internal sealed class AuditGrpcService(
    AuditedEntities entities,
    GrainReferences<IPartnershipGrain> partnerships,
    IGrainFactory grains) : Proto.AuditService.AuditServiceBase
{
    /// <summary>Events on a history page when the request does not say.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>How often a watch looks for events without being woken.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public override async Task<Proto.History> GetHistory(Proto.GetHistoryRequest request, ServerCallContext context)
    {
        var entity = entities.Get(request.Entity, "entity");
        var page = await entity.GetHistory(new HistoryQuery(!request.OldestFirst, request.PageToken == 0 ? null : request.PageToken,
            request.PageSize == 0 ? DefaultPageSize : request.PageSize));
        var people = await grains.PeopleOfAsync(page.Events);
        return new Proto.History
        {
            Entity = request.Entity,
            Events = { page.Events.Select(e => e.ToProto(people)) },
            NextPageToken = page.Next ?? 0,
        };
    }

    /// <inheritdoc/>
    public override async Task WatchPartnership(Proto.WatchPartnershipRequest request, IServerStreamWriter<Proto.AuditEvent> responseStream,
        ServerCallContext context)
    {
        var id = Field.Id(request.PartnershipId, "partnership_id");
        if (request.AfterPosition < 0)
            throw new InvalidFieldException("after_position", "must be a position received earlier, or 0");
        // Refuses a caller who may not read the partnership before anything is streamed.
        await partnerships.Get(id).Get();
        var caller = CallerContext.Current;
        var feed = grains.GetGrain<IPartnershipFeedGrain>(id);
        var position = request.AfterPosition > 0 ? request.AfterPosition : request.FromNow ? await feed.LastPosition() : 0;

        await using var watcher = new FeedWatcher(grains, feed, caller);
        await watcher.StartAsync();
        // Headers tell the client the watch is in place: anything committed from now on reaches it.
        await context.WriteResponseHeadersAsync([]);
        await foreach (var page in watcher.PagesAfterAsync(position, PollInterval, context.CancellationToken))
        {
            var people = await grains.PeopleOfAsync(page.Events);
            foreach (var e in page.Events)
                await responseStream.WriteAsync(e.ToProto(people), context.CancellationToken);
        }
    }
}
