using System.Net.Sockets;
using Npgsql;

namespace TdktBot.Testing.Tests;

/// <summary>The throwaway PostgreSQL of the store's tests: found where Debian installs it, stopped when done, and never skipped.</summary>
public sealed class PostgresClusterTests
{
    [Fact]
    public void Without_the_binaries_the_tests_fail_and_say_how_to_install_them()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-postgresql-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<InvalidOperationException>(() => PostgresCluster.Binaries(missing, path: missing));

        Assert.Contains("apt-get install -y postgresql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_takes_password_logins_gives_each_test_its_database_and_is_gone_after_dispose()
    {
        int port;
        using (var cluster = new PostgresCluster())
        {
            port = cluster.Port;
            var first = cluster.CreateDatabase();
            var second = cluster.CreateDatabase();
            Assert.NotEqual(first, second);

            await using (var connection = new NpgsqlConnection(first))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT current_database()", connection);
                Assert.Equal(new NpgsqlConnectionStringBuilder(first).Database, (string?)await command.ExecuteScalarAsync());
            }

            var wrong = new NpgsqlConnectionStringBuilder(second) { Password = "wrong" }.ConnectionString;
            var refused = await Assert.ThrowsAsync<PostgresException>(async () =>
            {
                await using var connection = new NpgsqlConnection(wrong);
                await connection.OpenAsync();
            });
            Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
            cluster.DropDatabase(first);
        }

        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }
}
