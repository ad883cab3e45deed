namespace Cooperation.Silo.Hosting;

/// <summary>Names of the grain storage providers the grains ask for.</summary>
internal static class StorageNames
{
    /// <summary>Domain state of partnerships and pilots (PostgreSQL through ADO.NET in production).</summary>
    public const string Domain = "cooperation";
}
