using System.Security.Cryptography;
using Cooperation.Contracts.DonorReports;
using Cooperation.Silo.Access;
using Npgsql;

namespace Cooperation.Silo.DonorReports;

/// <summary>
/// A reporting key kept in PostgreSQL (table reporting_key), keyed by its purpose: made once by
/// whichever silo asks first (the database settles a race), then held in memory.
/// </summary>
internal sealed class ReportKeyGrain(NpgsqlDataSource dataSource) : Grain, IReportKeyGrain
{
    /// <summary>Bytes of a key made here.</summary>
    public const int KeyBytes = 32;

    private byte[]? _key;

    /// <inheritdoc/>
    public async Task<byte[]> Get()
    {
        PlatformWork.Require("Reading a reporting key");
        if (_key is not null)
            return _key;
        var purpose = this.GetPrimaryKeyString();
        // A silo that lost the race to make the key sees it at its second look.
        for (var attempt = 0; _key is null && attempt < 2; attempt++)
        {
            await using var command = dataSource.CreateCommand("""
                WITH made AS (INSERT INTO reporting_key (purpose, key) VALUES ($1, $2) ON CONFLICT (purpose) DO NOTHING RETURNING key)
                SELECT key FROM made UNION ALL SELECT key FROM reporting_key WHERE purpose = $1 LIMIT 1
                """);
            command.Parameters.Add(new() { Value = purpose });
            command.Parameters.Add(new() { Value = RandomNumberGenerator.GetBytes(KeyBytes) });
            _key = await command.ExecuteScalarAsync() as byte[];
        }
        return _key ?? throw new InvalidOperationException($"No {purpose} key could be made or read in table reporting_key.");
    }
}
