using Cooperation.Contracts.Access;
using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Contracts.Pilots;
using Cooperation.Silo.Access;
using Cooperation.Silo.Journal;
using Cooperation.Silo.Pilots.Jcm;
using Npgsql;
using Orleans.Concurrency;

namespace Cooperation.Silo.Audit;

/// <summary>Which entities of a type exist, read from the journal: each has exactly one first event.</summary>
[StatelessWorker]
internal sealed class EntityDirectoryGrain(NpgsqlDataSource dataSource) : Grain, IEntityDirectoryGrain
{
    /// <inheritdoc/>
    public Task<ValueList<string>> Ids(string entityType)
    {
        PlatformWork.Require("Listing every entity of a type");
        return AllAsync(entityType);
    }

    /// <inheritdoc/>
    public async Task<ValueList<string>> ReadableIds(string entityType)
    {
        if (!AuditedEntities.Has(entityType))
            throw new InvalidFieldException("entity_type", $"'{entityType}' has no history to list its entities by");
        var caller = CallerContext.Current;
        if (caller.Role == Role.Anonymous)
            throw new AccessDeniedException($"Listing {entityType} entities needs a caller: an API key or a signed-in person.");
        var ids = await AllAsync(entityType);
        if (AccessPolicy.SeesEverything(caller))
            return ids;
        // Each entity decides, as for a single read of it (the caller flows with the calls).
        var entities = new AuditedEntities(GrainFactory);
        var readable = await Task.WhenAll(ids.Select(id => entities.Grain(entityType, id).IsReadable()));
        return ValueList.Of(ids.Where((_, i) => readable[i]));
    }

    /// <inheritdoc/>
    public async Task<ValueList<string>> PilotsToVerify()
    {
        var caller = CallerContext.Current;
        if (caller.Role == Role.Anonymous)
            throw new AccessDeniedException("Listing the pilots to verify needs a caller: an API key or a signed-in person.");
        // Every pilot that ever appointed the organisation (an index serves it); each pilot then
        // decides whether the organisation still verifies it.
        var candidates = await IdsAsync(
            "SELECT DISTINCT entity_id FROM entity_event WHERE kind = $1 AND payload->>'organisationId' = $2 AND entity_type = 'pilot'",
            EventJson.KindOf(new JcmVerifierAppointed(caller.OrganisationId)), caller.OrganisationId);
        var verifies = await Task.WhenAll(candidates.Select(id => GrainFactory.GetGrain<IPilotGrain>(id).MayVerify()));
        return ValueList.Of(candidates.Where((_, i) => verifies[i]).Order(StringComparer.Ordinal));
    }

    private Task<ValueList<string>> AllAsync(string entityType) =>
        IdsAsync("SELECT entity_id FROM entity_event WHERE entity_type = $1 AND sequence = 1", entityType);

    private async Task<ValueList<string>> IdsAsync(string sql, params string[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.Add(new() { Value = parameter });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetString(0));
        return ValueList.Of(ids);
    }
}
