using Microsoft.EntityFrameworkCore;

namespace TdktBot.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task A_new_file_is_created_from_migrations_and_a_second_start_applies_nothing()
    {
        using var store = new TestStore();

        await using (var first = store.Open())
        {
            var applied = await TdktStore.MigrateAsync(first);
            Assert.NotEmpty(applied);
            Assert.Equal(applied, await first.Database.GetAppliedMigrationsAsync());
            Assert.Equal(0, await first.Units.CountAsync());
        }

        await using var second = store.Open();
        Assert.Empty(await TdktStore.MigrateAsync(second));
        Assert.Empty(await second.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        using var store = new TestStore();
        await using var db = await store.MigratedAsync();

        // Fails when an entity changes without "dotnet ef migrations add".
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task The_store_uses_write_ahead_logging_so_readers_do_not_block_the_writer()
    {
        using var store = new TestStore();
        await using var db = await store.MigratedAsync();

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
