using TdktBot.Testing;

namespace TdktBot.Data.Tests;

/// <summary>The tests on PostgreSQL share one throwaway cluster, each with a database of its own.</summary>
[CollectionDefinition(PostgresCluster.Collection)]
public sealed class PostgresTests : ICollectionFixture<PostgresCluster>;
