using System.Globalization;
using System.Text;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Partnerships;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Cooperation.Web.Pages.Partnerships;

/// <summary>
/// <c>/partnerships/{id}/live</c>: server-sent events telling a partnership page that events it
/// may see have committed, so its script fetches the pilots section again (no reload). It reads the
/// partnership's feed as the person, through the same watch loop as the API's WatchPartnership
/// (<see cref="FeedWatcher"/>): the feed shows each member only what it could see in each entity's
/// own history, and a browser that reconnects with its last event id misses nothing. A stream ends
/// after <see cref="Lifetime"/> and the browser reconnects, so the person's session is checked again.
/// </summary>
public sealed class LiveModel(IGrainFactory grains) : ReadPage(grains)
{
    /// <summary>How long one stream lasts before the browser reconnects (and the session is checked again).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>How often the watch looks at the feed without being woken.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>A comment is sent when nothing else was for this long, so proxies keep the stream open.</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    /// <summary>Streams until the browser leaves, or for <see cref="Lifetime"/>.</summary>
    public async Task<IActionResult> OnGetAsync(string id)
    {
        id = PathId(id, "partnership");
        // The event id a reconnecting browser sends back: a feed position from this stream.
        var lastEventId = Request.Headers["Last-Event-ID"].ToString();
        long? after = null;
        if (lastEventId.Length > 0)
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var sent))
                return BadRequest();
            after = sent;
        }
        // Refuses a person who may not read the partnership before anything is streamed (the 403 page).
        await Grains.GetGrain<IPartnershipGrain>(id).Get();
        var feed = Grains.GetGrain<IPartnershipFeedGrain>(id);
        var position = after ?? await feed.LastPosition();

        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        Response.ContentType = "text/event-stream; charset=utf-8";
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(HttpContext.RequestAborted);
        lifetime.CancelAfter(Lifetime);
        try
        {
            await using var watcher = new FeedWatcher(Grains, feed, Caller);
            await watcher.StartAsync();
            // The browser waits this long before reconnecting; the first bytes tell it the watch is in place.
            await WriteAsync($"retry: 3000\nid: {Position(position)}\n\n", lifetime.Token);
            var quietSince = DateTimeOffset.UtcNow;
            await foreach (var page in watcher.PagesAfterAsync(position, Poll, lifetime.Token))
            {
                if (page.Events.Count > 0)
                {
                    await WriteAsync($"id: {Position(page.Position)}\nevent: change\ndata: {page.Events.Count.ToString(CultureInfo.InvariantCulture)}\n\n", lifetime.Token);
                    quietSince = DateTimeOffset.UtcNow;
                }
                else if (DateTimeOffset.UtcNow - quietSince > KeepAlive)
                {
                    await WriteAsync(": still watching\n\n", lifetime.Token);
                    quietSince = DateTimeOffset.UtcNow;
                }
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The browser left, or the stream's lifetime is over: it reconnects with its last event id.
        }
        return new EmptyResult();
    }

    private static string Position(long position) => position.ToString(CultureInfo.InvariantCulture);

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await Response.Body.FlushAsync(cancellationToken);
    }
}
