namespace Cooperation.Silo.Kpis.Readings;

/// <summary>Tuning of the group commit that stores readings (configuration section "ReadingStore").</summary>
public sealed class ReadingStoreOptions
{
    /// <summary>Most readings written in one transaction.</summary>
    public int MaxBatchReadings { get; set; } = 2000;

    /// <summary>
    /// Transactions in flight at once. While one commits (waiting for the WAL flush),
    /// the next batch gathers and writes.
    /// </summary>
    public int Writers { get; set; } = 4;
}
