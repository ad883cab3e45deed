using Cooperation.Contracts.Common;
using Orleans.Storage;

namespace Cooperation.Silo.Hosting;

/// <summary>Writing grain state so that memory never runs ahead of storage.</summary>
public static class PersistentStateExtensions
{
    /// <summary>
    /// Replaces the state with <paramref name="next"/> and persists it. When the write fails the
    /// previous state is put back and the grain deactivates, so the next call reloads what
    /// storage really holds (a failed write may still have committed). Failures other than an
    /// ETag conflict surface as <see cref="StorageUnavailableException"/>: the driver's own
    /// exceptions cannot travel to clients.
    /// </summary>
    public static async Task CommitAsync<TState>(this IPersistentState<TState> state, TState next, IGrainBase grain)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception error)
        {
            state.State = previous;
            grain.DeactivateOnIdle();
            if (error is InconsistentStateException)
                throw;
            throw new StorageUnavailableException("Storage did not confirm the change; read the entity before retrying.");
        }
    }
}
