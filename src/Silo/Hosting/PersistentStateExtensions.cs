namespace Cooperation.Silo.Hosting;

/// <summary>Writing grain state so that memory never runs ahead of storage.</summary>
public static class PersistentStateExtensions
{
    /// <summary>
    /// Replaces the state with <paramref name="next"/> and persists it. When the write fails the
    /// previous state is put back and the grain deactivates, so the next call reloads what
    /// storage really holds (a failed write may still have committed).
    /// </summary>
    public static async Task CommitAsync<TState>(this IPersistentState<TState> state, TState next, IGrainBase grain)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
