using Cooperation.Contracts.Grpc;

namespace Cooperation.LoadGenerator;

/// <summary>
/// The chaos mode (<c>--mode chaos</c>, run by ops/chaos.sh while it kills a silo): the bench's
/// writes, partners' updates under their own idempotency keys, for <see cref="LoadOptions.Seconds"/>
/// with no warm-up; then every update whose first try failed is sent again under the same key
/// until it is acknowledged (for at most <see cref="RetrySeconds"/>). Prints the load's line and the
/// ledger's (<see cref="ChaosLedger.Summary"/>) and writes every key sent and its outcome to
/// <see cref="LoadOptions.LedgerFile"/>, for the script to count what was stored.
/// </summary>
public static class ChaosMode
{
    /// <summary>How long the failed updates are retried after the load.</summary>
    public const int RetrySeconds = 60;

    /// <summary>Runs the load and the retries; returns the exit code (1 when an update stayed unacknowledged).</summary>
    public static async Task<int> RunAsync(LoadOptions options, SubmissionService.SubmissionServiceClient[] submissions, string[] pilots)
    {
        var ledger = new ChaosLedger(options.Clients);
        // ops/chaos.sh times its kill from this line.
        Console.Error.WriteLine("Load started");
        var load = await LoadRun.RunAsync("chaos-writes", options with { WarmupSeconds = 0 },
            (client, random) => ledger.SubmitAsync(client, submissions[client], BenchPortfolio.Update(pilots, random)));
        Console.WriteLine(load);

        var failed = ledger.Unresolved.ToArray();
        Console.Error.WriteLine($"Retrying {failed.Length} failed updates under their keys...");
        var until = DateTime.UtcNow.AddSeconds(RetrySeconds);
        await Parallel.ForEachAsync(failed, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (update, _) => await ledger.RetryAsync(submissions[0], update, until));

        Console.WriteLine(ledger.Summary());
        if (options.LedgerFile.Length > 0)
            await ledger.WriteAsync(options.LedgerFile);
        return ledger.Unresolved.Count == 0 ? 0 : 1;
    }
}
