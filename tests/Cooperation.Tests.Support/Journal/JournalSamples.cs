using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Pilots;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Pilots;

namespace Cooperation.Tests.Support;

/// <summary>Journal entries, readings and appends for tests that talk to a journal directly.</summary>
public static class JournalSamples
{
    /// <summary>A city office acting through a credential.</summary>
    public static readonly Caller Actor = new("hp-dofa", Role.CityOffice, "cred-test", "hai-phong");

    /// <summary>When the sample events happened (UTC, whole seconds).</summary>
    public static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>A pilot's status change, its <paramref name="sequence"/>-th event; with a key, the request's hash is "hash-" + key.</summary>
    public static JournalEntry Event(string pilot, long sequence, string? scope = null, string? key = null) =>
        new("pilot", pilot, sequence, new PilotStatusChanged(PilotStatus.Proposed, PilotStatus.Approved, $"step {sequence}"),
            At, Actor, scope, key, key is null ? null : "hash-" + key);

    /// <summary>A plain reading of <paramref name="kpi"/>, recorded at <paramref name="recordedAt"/> (now when null).</summary>
    public static StoredKpiReading Reading(string kpi, string period, double value, long sequence, DateTimeOffset? recordedAt = null) =>
        new(kpi, ReportingPeriod.Parse(period, "p"), value, null, null, [], null, null, sequence, recordedAt ?? DateTimeOffset.UtcNow);

    /// <summary>One event of <paramref name="pilot"/> with the readings it records.</summary>
    public static JournalAppend Append(string pilot, long sequence, params StoredKpiReading[] readings) =>
        new([Event(pilot, sequence)], readings.Select(r => new SubjectReading("pilots/" + pilot, r)).ToArray());

    /// <summary>
    /// A scope's feed after <paramref name="after"/> once it holds <paramref name="count"/> events
    /// (or after 10 s): PostgreSQL holds events back while an older transaction, of any test
    /// anywhere on the server, is still running.
    /// </summary>
    public static async Task<IReadOnlyList<JournalEntry>> FeedAsync(IEventJournal journal, string scope, long after, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var entries = await journal.ReadFeedAsync(scope, after, 100);
            if (entries.Count >= count || DateTime.UtcNow > until)
                return entries;
            await Task.Delay(50);
        }
    }
}
