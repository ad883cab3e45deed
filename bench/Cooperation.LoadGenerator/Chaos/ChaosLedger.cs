using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Cooperation.Contracts.Grpc;
using Grpc.Core;

namespace Cooperation.LoadGenerator;

/// <summary>
/// What became of every update the chaos mode sent: acknowledged (with when it was), or failed
/// and kept to be sent again under the same idempotency key. Success times are kept per client
/// (one writer each, no locking) and merged at the end.
/// </summary>
public sealed class ChaosLedger(int clients)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<double>[] _successSeconds = Enumerable.Range(0, clients).Select(_ => new List<double>(50_000)).ToArray();
    private readonly double[] _slowestSeconds = new double[clients];
    private readonly double[] _lastTrySeconds = new double[clients];
    private readonly ConcurrentDictionary<string, SubmitUpdateRequest> _failed = new();
    private readonly ConcurrentDictionary<StatusCode, int> _failures = new();

    /// <summary>Keys acknowledged, and whether on the first try.</summary>
    public ConcurrentDictionary<string, bool> Acknowledged { get; } = new();

    /// <summary>Updates whose first try failed and that no retry has stored yet.</summary>
    public ICollection<SubmitUpdateRequest> Unresolved => _failed.Values;

    /// <summary>Seconds since the ledger was made (the load's start).</summary>
    public double Now => _clock.Elapsed.TotalSeconds;

    /// <summary>
    /// Sends <paramref name="update"/> as client <paramref name="client"/>; a failure is noted,
    /// kept for the retries and thrown again after a short pause (a client backs off; a shorter
    /// pause than the server's hint keeps the load on).
    /// </summary>
    public async Task SubmitAsync(int client, SubmissionService.SubmissionServiceClient submissions, SubmitUpdateRequest update)
    {
        var started = Now;
        try
        {
            await submissions.SubmitUpdateAsync(update);
        }
        catch (RpcException error)
        {
            _lastTrySeconds[client] = Now;
            _slowestSeconds[client] = Math.Max(_slowestSeconds[client], _lastTrySeconds[client] - started);
            _failed[update.IdempotencyKey] = update;
            _failures.AddOrUpdate(error.StatusCode, 1, (_, n) => n + 1);
            await Task.Delay(100);
            throw;
        }
        var finished = _lastTrySeconds[client] = Now;
        Acknowledged[update.IdempotencyKey] = true;
        _successSeconds[client].Add(finished);
        _slowestSeconds[client] = Math.Max(_slowestSeconds[client], finished - started);
    }

    /// <summary>Sends <paramref name="update"/> again under its key until it is acknowledged or <paramref name="until"/> passes.</summary>
    public async Task RetryAsync(SubmissionService.SubmissionServiceClient submissions, SubmitUpdateRequest update, DateTime until)
    {
        while (true)
        {
            try
            {
                await submissions.SubmitUpdateAsync(update);
                Acknowledged[update.IdempotencyKey] = false;
                _failed.TryRemove(update.IdempotencyKey, out _);
                return;
            }
            catch (RpcException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(250);
            }
            catch (RpcException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Recovery: the longest time a client (a partner with one update in flight) went without a
    /// successful write, from one acknowledged first try to its next, failed and stuck tries in
    /// between (a client whose last tries failed: until the last one's answer); the longest of
    /// each client, longest first, with when each began.
    /// </summary>
    public IReadOnlyList<(double Seconds, double From)> LongestClientGaps(int count) =>
        _successSeconds.Select((times, client) => Longest(times.Count > 0 ? [.. times, _lastTrySeconds[client]] : times))
            .OrderByDescending(gap => gap.Seconds).Take(count).ToArray();

    /// <summary>The longest time no client at all had a write acknowledged, and when it began.</summary>
    public (double Seconds, double From) LongestClusterGap() => Longest(_successSeconds.SelectMany(s => s).Order().ToList());

    private static (double Seconds, double From) Longest(List<double> times) =>
        Enumerable.Range(1, Math.Max(0, times.Count - 1))
            .Select(i => (Seconds: times[i] - times[i - 1], From: times[i - 1]))
            .DefaultIfEmpty()
            .MaxBy(gap => gap.Seconds);

    /// <summary>One line of figures, key=value, for people and ops/chaos.sh alike.</summary>
    public string Summary()
    {
        var gaps = LongestClientGaps(3);
        var cluster = LongestClusterGap();
        var firstTry = Acknowledged.Values.Count(first => first);
        var failures = string.Join(',', _failures.OrderBy(f => f.Key.ToString()).Select(f => $"{f.Key}:{f.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"chaos acknowledged={Acknowledged.Count} first_try={firstTry} failed={_failures.Values.Sum()} retried={Acknowledged.Count - firstTry} " +
            $"unresolved={_failed.Count} recovery_s={gaps[0].Seconds:F2} recovery_from_s={gaps[0].From:F1} " +
            $"next_gaps={string.Join(',', gaps.Skip(1).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Seconds:F2}@{g.From:F1}")))} " +
            $"cluster_gap_s={cluster.Seconds:F2} cluster_gap_from_s={cluster.From:F1} slowest_answer_s={_slowestSeconds.Max():F2} " +
            $"failures={(failures.Length == 0 ? "none" : failures)}");
    }

    /// <summary>Writes every key sent, one a line: the key, a tab, "acknowledged" or "unresolved".</summary>
    public async Task WriteAsync(string path)
    {
        var lines = Acknowledged.Keys.Select(key => $"{key}\tacknowledged")
            .Concat(_failed.Keys.Select(key => $"{key}\tunresolved"));
        await File.WriteAllLinesAsync(path, lines);
    }
}
