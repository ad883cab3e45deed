namespace Cooperation.Tests.Support;

// xunit finds collection definitions only in the test assembly; the fixtures live in Cooperation.Tests.Support.

/// <summary>Tests that share one <see cref="ApiFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "api";
}

/// <summary>Tests that share one <see cref="PostgresFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "postgres";
}
