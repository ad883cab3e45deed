using Cooperation.Contracts.Audit;
using Cooperation.Contracts.Common;
using Cooperation.Silo.Access;
using Npgsql;
using Orleans.Concurrency;

namespace Cooperation.Silo.Audit;

/// <summary>Which entities of a type exist, read from the journal: each has exactly one first event.</summary>
[StatelessWorker]
internal sealed class EntityDirectoryGrain(NpgsqlDataSource dataSource) : Grain, IEntityDirectoryGrain
{
    /// <inheritdoc/>
    public async Task<ValueList<string>> Ids(string entityType)
    {
        PlatformWork.Require("Listing every entity of a type");
        await using var command = dataSource.CreateCommand("SELECT entity_id FROM entity_event WHERE entity_type = $1 AND sequence = 1");
        command.Parameters.Add(new() { Value = entityType });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetString(0));
        return ValueList.Of(ids);
    }
}
