using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using TdktBot.Data.Entities;
using TdktBot.Testing;
using TdktBot.Core.Conversations;

namespace TdktBot.Data.Tests;

/// <summary>The store is made and upgraded only by migrations, one set per provider, of the same model.</summary>
public abstract class MigrationTests(Func<TestStore> newStore)
{
    [Fact]
    public async Task A_new_store_is_created_from_migrations_and_a_second_start_applies_nothing()
    {
        using var store = newStore();

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
    public async Task Creating_a_new_store_logs_no_error()
    {
        using var store = newStore();
        using var log = new RecordingLog();
        using var logging = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Debug));
        var options = new DbContextOptionsBuilder<TdktDbContext>();
        TdktStore.Configure(options, store.Provider, store.ConnectionString).UseLoggerFactory(logging);
        await using var db = new TdktDbContext(options.Options);

        Assert.NotEmpty(await TdktStore.MigrateAsync(db));

        // Npgsql's migrator used to query the history table before it existed and log the failure as an error.
        Assert.Contains(log.Entries, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        using var store = newStore();
        await using var db = await store.MigratedAsync();

        // Fails when an entity changes without "dotnet ef migrations add".
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Instants_are_stored_as_UTC_milliseconds_and_read_back_as_the_same_instant()
    {
        using var store = newStore();
        await using (var db = await store.MigratedAsync())
        {
            db.Audit.Add(new AuditEntry { At = new DateTimeOffset(2026, 1, 30, 8, 0, 0, 250, TimeSpan.FromHours(7)), Actor = "bot", Action = "test", Subject = "-" });
            await db.SaveChangesAsync();
        }

        await using var check = store.Open();
        var stored = await check.Database.SqlQuery<long>($"SELECT \"At\" AS \"Value\" FROM \"Audit\"").SingleAsync();
        Assert.Equal(new DateTimeOffset(2026, 1, 30, 1, 0, 0, 250, TimeSpan.Zero).ToUnixTimeMilliseconds(), stored);
        Assert.Equal(new DateTimeOffset(2026, 1, 30, 1, 0, 0, 250, TimeSpan.Zero), (await check.Audit.SingleAsync()).At);
    }

    /// <summary>SQLite's own: write-ahead logging, and the data migrations of stores made by earlier versions.</summary>
    public sealed class OnSqlite() : MigrationTests(() => new TestStore())
    {
        // A process killed inside Migrate leaves EF's lock row in the file; the next start must not wait for it for ever.
        [Fact]
        public async Task A_migration_lock_left_by_a_killed_start_is_cleared_and_the_next_start_goes_on()
        {
            using var store = new TestStore();
            await using (var first = await store.MigratedAsync())
            {
                await first.Database.ExecuteSqlRawAsync("""CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);""");
                await first.Database.ExecuteSqlRawAsync("""INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-12-06 04:00:00+00:00');""");
            }

            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var cleared = false;
            await using var second = store.Open();
            Assert.Empty(await TdktStore.MigrateAsync(second, () => cleared = true, guard.Token));

            Assert.True(cleared);
            Assert.Equal(0, await second.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM "__EFMigrationsLock" """).SingleAsync());
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

        [Fact]
        public async Task Roles_stored_on_chats_become_the_roles_of_the_people_behind_private_chats_and_groups_keep_only_their_unit()
        {
            using var store = new TestStore();
            await using (var before = store.Open())
            {
                await TdktStore.MigrateAsync(before);
                await before.GetService<IMigrator>().MigrateAsync("StoreVersionInModel");
                await before.Database.ExecuteSqlRawAsync("""
                    INSERT INTO Units (Id, Name, Groups, IsOffice, InDirectory) VALUES
                        (1, 'Trường THCS Hoa Thám', '', 0, 1),
                        (2, 'Phòng Văn hóa - Xã hội', '', 1, 1);
                    INSERT INTO Chats (Id, Channel, Address, DisplayName, UnitId, Role, IsGroup, Active, CreatedAt) VALUES
                        (1, 'telegram', '5001', 'Cô Lan', 1, 'Head', 0, 1, 10),
                        (2, 'zalo', 'z-9', 'Cán bộ VH-XH', 2, 'Office', 0, 0, 20),
                        (3, 'console', 'Trường THCS Hoa Thám', 'Trường THCS Hoa Thám', 1, 'Staff', 0, 1, 30),
                        (4, 'telegram', '-1001', 'Nhóm THCS', 1, 'Head', 1, 1, 40),
                        (5, 'telegram', '-1002', 'Nhóm VH-XH cũ', 2, 'Office', 0, 1, 50),
                        (6, 'telegram', '7001', NULL, NULL, 'Head', 0, 1, 60);
                    INSERT INTO Invites (CodeHash, UnitId, Role, CreatedBy, CreatedAt, ExpiresAt, UsedAt, UsedByChatId) VALUES
                        ('A', 1, 'Head', 'Phòng VH-XH', 0, 100, 5, 1);
                    INSERT INTO Audit (At, Actor, Action, Subject) VALUES (5, 'telegram:5001', 'chat.link', 'chat:1');
                    """);
            }

            await using var after = store.Open();
            Assert.Contains(await TdktStore.MigrateAsync(after), m => m.EndsWith("_PersonRoles", StringComparison.Ordinal));

            var members = await after.Members.OrderBy(m => m.Id).ToListAsync();
            Assert.Equal(
                [
                    (Messenger.Telegram, "5001", 1L, ChatRole.Head, "Cô Lan", (long?)1),
                    (Messenger.Zalo, "z-9", 2L, ChatRole.Office, "Cán bộ VH-XH", null),
                    (Messenger.Console, "Trường THCS Hoa Thám", 1L, ChatRole.Staff, "Trường THCS Hoa Thám", null),
                ],
                members.Select(m => (m.Channel, m.PersonId, m.UnitId, m.Role, m.DisplayName, m.InviteId)));
            Assert.Equal([10L, 20L, 30L], members.Select(m => m.CreatedAt.ToUnixTimeMilliseconds()));

            // Every chat keeps its link and its state; the groups' people hold no role until they redeem an invite.
            var chats = await after.Chats.OrderBy(c => c.Id).Select(c => new { c.Address, c.UnitId, c.Active }).ToListAsync();
            Assert.Equal(
                [("5001", (long?)1, true), ("z-9", 2, false), ("Trường THCS Hoa Thám", 1, true), ("-1001", 1, true), ("-1002", 2, true), ("7001", null, true)],
                chats.Select(c => (c.Address, c.UnitId, c.Active)));
            Assert.Null((await after.Audit.SingleAsync()).ActorId);
        }
    }

    [Collection(PostgresCluster.Collection)]
    public sealed class OnPostgres(PostgresCluster postgres) : MigrationTests(() => new TestStore(postgres))
    {
        [Fact]
        public async Task A_database_that_does_not_exist_yet_is_created_by_the_first_start()
        {
            var missing = postgres.ConnectionString("tdkt_new_" + Guid.NewGuid().ToString("N"));
            try
            {
                await using var db = new TdktDbContext(TdktStore.Options(missing, StoreProvider.Postgres));
                Assert.NotEmpty(await TdktStore.MigrateAsync(db));
                Assert.Equal(0L, await db.ReadVersionAsync());
            }
            finally
            {
                postgres.DropDatabase(missing);
            }
        }
    }
}
