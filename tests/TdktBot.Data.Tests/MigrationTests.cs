using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TdktBot.Testing;

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

    [Fact]
    public async Task Telegram_chats_linked_before_group_chats_existed_are_marked_as_groups_by_their_negative_id()
    {
        using var store = new TestStore();
        await using (var before = store.Open())
        {
            await TdktStore.MigrateAsync(before);
            await before.GetService<IMigrator>().MigrateAsync("ChatOnboarding");
            await before.Database.ExecuteSqlRawAsync("""
                INSERT INTO Chats (Channel, Address, Role, Active, CreatedAt) VALUES
                    ('telegram', '-1001234', 'Staff', 1, 0),
                    ('telegram', '5551234', 'Head', 1, 0),
                    ('zalo', '-77', 'Head', 1, 0);
                """);
        }

        await using var after = store.Open();
        Assert.Contains("20261124110002_GroupChats", await TdktStore.MigrateAsync(after));

        var groups = await after.Chats.OrderBy(c => c.Id).Select(c => c.IsGroup).ToListAsync();
        Assert.Equal([true, false, false], groups);
    }
}
