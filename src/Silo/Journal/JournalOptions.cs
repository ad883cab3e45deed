namespace Cooperation.Silo.Journal;

/// <summary>Group commit of the journal (configuration section "Journal").</summary>
public sealed class JournalOptions
{
    /// <summary>Most rows (events and readings) one transaction stores.</summary>
    public int MaxBatchRows { get; set; } = 2000;

    /// <summary>Transactions in flight at once.</summary>
    public int Writers { get; set; } = 4;
}
