using System.Net;
using System.Text;
using Cooperation.Contracts.Common;
using Cooperation.Gateway.Demo;
using Cooperation.Tests.Support;
using Cooperation.Tests.Web;

namespace Cooperation.Tests.WebPages;

/// <summary>
/// The partnership page's live stream: it tells a member's page when events it may see commit
/// (as WatchPartnership shows them), and nothing of events outside its scope.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class LivePageTests(WebFixture web)
{
    private const string Live = "/partnerships/haiphong-kitakyushu/live";

    [Fact]
    public async Task A_reading_submitted_through_the_api_reaches_the_offices_stream_and_not_the_parks()
    {
        using var office = await DemoBrowsers.SignedInAsync(web, "HP_DOFA");
        using var park = await DemoBrowsers.SignedInAsync(web, "NAM_CAU_KIEN");
        using var officeClient = DemoBrowsers.Client(web, office);
        using var parkClient = DemoBrowsers.Client(web, park);
        using var officeStream = await StreamAsync(officeClient);
        using var parkStream = await StreamAsync(parkClient);
        Assert.StartsWith("text/event-stream", officeStream.Response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("retry:", await officeStream.NextLineAsync(TimeSpan.FromSeconds(10)));
        Assert.StartsWith("retry:", await parkStream.NextLineAsync(TimeSpan.FromSeconds(10)));

        // Kitakyushu takes part in the compost pilot; last month awaits review, so it takes a correction.
        var lastMonth = ReportingPeriod.Containing(DemoPeriods.Today().AddMonths(-1), ReportingFrequency.Monthly).ToString();
        var kitakyushu = await DemoActorsFor.As(web.Api, "KITAKYUSHU_KEY");
        await kitakyushu.Kpis.RecordKpiReadingsAsync(Requests.Reading("hp-compost", lastMonth, 71.5));

        Assert.True(await officeStream.WaitForAsync("event: change", TimeSpan.FromSeconds(20)), "the office's page was not told");
        Assert.False(await parkStream.WaitForAsync("event: change", TimeSpan.FromSeconds(3)), "the park was told of a pilot it may not read");
    }

    [Fact]
    public async Task The_stream_is_refused_to_one_who_may_not_read_the_partnership_and_a_wrong_last_event_id_is_a_bad_request()
    {
        using var outsider = await DemoBrowsers.SignedInAsync(web, "NAM_CAU_KIEN");
        using var client = DemoBrowsers.Client(web, outsider);
        using var forbidden = await client.GetAsync("/partnerships/no-such-partnership/live");
        using var request = new HttpRequestMessage(HttpMethod.Get, Live);
        request.Headers.Add("Last-Event-ID", "yesterday");
        using var wrong = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    private static async Task<EventStream> StreamAsync(HttpClient client)
    {
        var response = await client.GetAsync(Live, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8));
    }

    /// <summary>A server-sent events stream read line by line.</summary>
    private sealed class EventStream(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        private Task<string?>? _pending;

        public HttpResponseMessage Response => response;

        /// <summary>The next line, or null when none came within <paramref name="timeout"/>.</summary>
        public async Task<string?> NextLineAsync(TimeSpan timeout)
        {
            _pending ??= reader.ReadLineAsync();
            if (await Task.WhenAny(_pending, Task.Delay(timeout)) != _pending)
                return null;
            var line = await _pending;
            _pending = null;
            return line;
        }

        /// <summary>Whether a line equal to <paramref name="expected"/> came within <paramref name="timeout"/>.</summary>
        public async Task<bool> WaitForAsync(string expected, TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < until)
            {
                if (await NextLineAsync(until - DateTime.UtcNow) is not { } line)
                    return false;
                if (line == expected)
                    return true;
            }
            return false;
        }

        public void Dispose()
        {
            response.Dispose();
            reader.Dispose();
        }
    }
}
