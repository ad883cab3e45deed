using Cooperation.Contracts.Access;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Contracts.Submissions;
using Cooperation.Silo.Hosting;

namespace Cooperation.Silo.Submissions;

/// <summary>The stored draft, or none.</summary>
[GenerateSerializer, Alias("coop.UpdateDraftState")]
internal sealed class UpdateDraftState
{
    /// <summary>The draft kept, or null.</summary>
    [Id(0)] public UpdateDraft? Draft { get; set; }
}

/// <summary>
/// A partner organisation's draft of one update, in grain storage (PostgreSQL). A draft is the
/// partner's own working copy, not a record of the cooperation: it is not journaled and never
/// counts anywhere until it is submitted as an update. Only its organisation reads or saves it,
/// and only while the pilot lets it report (the pilot grain's decision, asked as the caller).
/// </summary>
internal sealed class UpdateDraftGrain(
    [PersistentState("update-draft", StorageNames.Domain)] IPersistentState<UpdateDraftState> stored) : Grain, IUpdateDraftGrain
{
    /// <inheritdoc/>
    public async Task<UpdateDraft?> Get()
    {
        await AuthorizeAsync();
        return stored.State.Draft;
    }

    /// <inheritdoc/>
    public async Task<UpdateDraft> Save(ValueList<DraftField> fields)
    {
        var checkedFields = UpdateDraft.Checked(fields ?? []);
        await AuthorizeAsync();
        var before = stored.State.Draft;
        var draft = new UpdateDraft(checkedFields, DateTimeOffset.UtcNow, CallerContext.Current.AccountId);
        stored.State.Draft = draft;
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            // Not stored: memory stays what storage holds.
            stored.State.Draft = before;
            throw;
        }
        return draft;
    }

    /// <inheritdoc/>
    public async Task Discard()
    {
        await AuthorizeAsync();
        if (stored.State.Draft is null && !stored.RecordExists)
            return;
        await stored.ClearStateAsync();
        stored.State.Draft = null;
    }

    /// <summary>Refuses anyone but the draft's organisation, and it once the pilot no longer lets it report.</summary>
    private async Task AuthorizeAsync()
    {
        var parts = this.GetPrimaryKeyString().Split('|');
        var caller = CallerContext.Current;
        if (parts.Length != 3 || caller.OrganisationId != parts[2])
            throw new AccessDeniedException($"A draft is read and saved only by the organisation that keeps it; {caller.OrganisationId} may not.");
        if (!await GrainFactory.GetGrain<IPilotGrain>(parts[0]).MaySubmitUpdates())
            throw new AccessDeniedException($"{caller.OrganisationId} may not report on pilot '{parts[0]}'.");
    }
}
