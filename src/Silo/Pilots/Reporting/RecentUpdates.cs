using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Journal;

namespace Cooperation.Silo.Pilots.Reporting;

/// <summary>
/// The updates a pilot's activation stored or answered lately, by idempotency key, so a retry is
/// answered from memory. A key older than these (or from an earlier activation) is found in the
/// journal, whose unique index refuses a second update under it.
/// </summary>
internal sealed class RecentUpdates(int capacity = 1000)
{
    private readonly Dictionary<string, (string Hash, UpdateReceipt Receipt)> _byKey = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>
    /// The receipt to answer a retry of <paramref name="key"/> with; null when the key is not
    /// known here. AlreadyExists when the key was used for another update.
    /// </summary>
    public UpdateReceipt? Replay(string key, string hash)
    {
        if (!_byKey.TryGetValue(key, out var known))
            return null;
        return known.Hash == hash ? known.Receipt with { Replayed = true } : throw Reused(key);
    }

    /// <summary>Keeps <paramref name="receipt"/> as the answer to retries of <paramref name="key"/>.</summary>
    public void Remember(string key, string hash, UpdateReceipt receipt)
    {
        if (!_byKey.TryAdd(key, (hash, receipt)))
            return;
        _order.Enqueue(key);
        if (_order.Count > capacity)
            _byKey.Remove(_order.Dequeue());
    }

    /// <summary>The refusal of a key used for another update.</summary>
    public static Contracts.Common.EntityExistsException Reused(string key) => new("update with idempotency key", key);

    /// <summary>
    /// A hash of what an update asks and who asks it: the same key with another body, or from
    /// another organisation, is a different request.
    /// </summary>
    public static string Hash(string organisationId, PilotUpdate update) => RequestIdentity.HashOf(new Fingerprint(organisationId, update));

    // A record, not an anonymous type: the event JSON settings skip read-only properties.
    private sealed record Fingerprint(string OrganisationId, PilotUpdate Update);
}
