using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using TdktBot.Cli;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Testing;
using TdktBot.Tests.Cli;
using TdktBot.Tests.Worker;

namespace TdktBot.Tests.Store;

/// <summary>
/// <c>store copy --to</c>: a commune's SQLite store, after a plan load, invites and confirmations, moved into an empty
/// PostgreSQL database, where the bot then reads and writes as before; a filled target or a wrong connection changes nothing.
/// </summary>
[Collection(PostgresCluster.Collection)]
public sealed partial class StoreCopyTests(PostgresCluster postgres) : IDisposable
{
    private readonly TestStore _target = new(postgres);
    private readonly PlanFolder _folder = new();

    public void Dispose()
    {
        _folder.Dispose();
        _target.Dispose();
    }

    private Dictionary<string, string?> OnSqlite => _folder.Settings();

    private Dictionary<string, string?> OnPostgres => new(_folder.Settings().Concat(_target.Settings()));

    [Fact]
    public async Task Every_row_moves_with_its_key_and_the_bot_goes_on_from_PostgreSQL()
    {
        Assert.Equal(0, Run(OnSqlite, string.Empty, "plan", "reload").ExitCode);
        var invite = Run(OnSqlite, string.Empty, "invite", "create", "--unit", "Trạm Y tế xã", "--role", "head");
        var code = Code().Match(invite.Output).Groups[1].Value;
        var chat = Run(OnSqlite, $"NOP D1\n/start {code}\nda nop D1 roi\n", "chat", "--as", "THCS Hoa Thám");
        Assert.True(chat.ExitCode == 0, chat.Error);

        var copy = Run(OnSqlite, string.Empty, "store", "copy", "--to", _target.ConnectionString);

        Assert.True(copy.ExitCode == 0, copy.Error);
        Assert.StartsWith("Đã chép cơ sở dữ liệu sang PostgreSQL «", copy.Output, StringComparison.Ordinal);
        Assert.Contains("  Obligations: 149\n", copy.Output, StringComparison.Ordinal);
        Assert.Contains("  Targets: 21\n", copy.Output, StringComparison.Ordinal);
        Assert.Contains("Password=***", copy.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(postgres.Password, copy.Output, StringComparison.Ordinal);

        // Row for row the same, keys included, on both providers' own conversions.
        await using (var sqlite = new TdktDbContext(TdktStore.Options($"Data Source={Path.Combine(_folder.DataFolder, "tdkt.db")}")))
        await using (var pg = _target.Open())
        {
            Assert.Equal(await Snapshot(sqlite), await Snapshot(pg));
            Assert.True(await pg.Audit.AnyAsync());
            var d1 = await pg.ObligationAsync("D1", "Trường THCS Hoa Thám");
            Assert.Equal((ObligationStatus.Submitted, true), (d1.Status, d1.StatusChangedAt is not null));
        }

        // The bot on PostgreSQL: what was confirmed stays confirmed, and new rows get keys after the copied ones.
        var next = Run(OnPostgres, string.Empty, "invite", "create", "--unit", "Trường Mầm non Hoa Thám");
        var ask = Run(OnPostgres, "don vi toi con viec gi\nNOP 3\n", "chat", "--as", "THCS Hoa Thám");
        Assert.True(next.ExitCode == 0, next.Error);
        Assert.True(ask.ExitCode == 0, ask.Error);
        var answers = ask.Output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain("Hạn nộp D1", answers[0], StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận: đơn vị đã nộp nhiệm vụ số 3", answers[1], StringComparison.Ordinal);
        await using var after = _target.Open();
        Assert.Equal(2, await after.Invites.CountAsync());
        Assert.Equal(2, await after.Obligations.CountAsync(o => o.Unit.Name == "Trường THCS Hoa Thám" && o.Status == ObligationStatus.Submitted));
    }

    [Fact]
    public async Task A_target_that_holds_data_is_refused_and_left_as_it_was()
    {
        Assert.Equal(0, Run(OnSqlite, string.Empty, "plan", "reload").ExitCode);
        Assert.Equal(0, Run(OnSqlite, string.Empty, "store", "copy", "--to", _target.ConnectionString).ExitCode);
        Assert.Equal(0, Run(OnSqlite, "NOP D1\n", "chat", "--as", "THCS Hoa Thám").ExitCode);

        var again = Run(OnSqlite, string.Empty, "store", "copy", "--to", _target.ConnectionString);

        Assert.Equal(CliApp.InputError, again.ExitCode);
        Assert.Contains("đã có dữ liệu", again.Error, StringComparison.Ordinal);
        Assert.Contains("Không chép gì.", again.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(postgres.Password, again.Error, StringComparison.Ordinal);
        await using var pg = _target.Open();
        Assert.Equal(ObligationStatus.Pending, (await pg.ObligationAsync("D1", "Trường THCS Hoa Thám")).Status);
        Assert.Equal(149, await pg.Obligations.CountAsync());
    }

    [Fact]
    public void A_wrong_password_names_the_option_and_never_shows_the_password()
    {
        Assert.Equal(0, Run(OnSqlite, string.Empty, "plan", "reload").ExitCode);
        var wrong = new NpgsqlConnectionStringBuilder(_target.ConnectionString) { Password = "sai-mat-khau-4Rw" }.ConnectionString;

        var copy = Run(OnSqlite, string.Empty, "store", "copy", "--to", wrong);

        Assert.Equal(CliApp.InputError, copy.ExitCode);
        Assert.StartsWith("Lỗi cơ sở dữ liệu PostgreSQL (--to = «", copy.Error, StringComparison.Ordinal);
        Assert.Contains("sai tên người dùng (Username) hoặc mật khẩu (Password)", copy.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sai-mat-khau-4Rw", copy.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", copy.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tdkt.db")]
    [InlineData("Host=;Password=bi-mat")]
    public void What_is_not_a_PostgreSQL_connection_is_refused(string to)
    {
        var copy = Run(OnSqlite, string.Empty, "store", "copy", "--to", to);

        Assert.Equal(CliApp.InputError, copy.ExitCode);
        Assert.StartsWith("--to không phải chuỗi kết nối PostgreSQL đọc được", copy.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("bi-mat", copy.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_SQLite_file_is_named_and_nothing_is_created()
    {
        var copy = Run(OnSqlite, string.Empty, "store", "copy", "--to", _target.ConnectionString);

        Assert.Equal(CliApp.InputError, copy.ExitCode);
        Assert.Contains("Không có cơ sở dữ liệu để chép", copy.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.DataFolder));
    }

    /// <summary>Every table's rows as text, keys included, in key order.</summary>
    private static async Task<List<string>> Snapshot(TdktDbContext db) =>
    [
        .. (await db.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync()).Select(u => $"U {u.Id} {u.Name} {u.Groups} {u.IsOffice} {u.InDirectory}"),
        .. (await db.Targets.AsNoTracking().OrderBy(t => t.Id).ToListAsync()).Select(t => $"T {t.Id} {t.PlanId} {t.Kind} {t.Number} {t.Due} {t.Content}"),
        .. (await db.Obligations.AsNoTracking().OrderBy(o => o.Id).ToListAsync()).Select(o => $"O {o.Id} {o.TargetId} {o.UnitId} {o.Status} {o.StatusChangedAt:O} {o.ScheduleFrom:O}"),
        .. (await db.Chats.AsNoTracking().OrderBy(c => c.Id).ToListAsync()).Select(c => $"C {c.Id} {c.Channel} {c.Address} {c.UnitId} {c.CreatedAt:O}"),
        .. (await db.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync()).Select(m => $"M {m.Id} {m.PersonId} {m.UnitId} {m.Role}"),
        .. (await db.Invites.AsNoTracking().OrderBy(i => i.Id).ToListAsync()).Select(i => $"I {i.Id} {i.CodeHash} {i.UnitId} {i.Role} {i.UsedAt:O}"),
        .. (await db.Audit.AsNoTracking().OrderBy(a => a.Id).ToListAsync()).Select(a => $"A {a.Id} {a.At:O}"),
        .. (await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync()).Select(d => $"D {d.Id} {d.Key} {d.Status} {d.NotBefore:O} {d.Text}"),
    ];

    private static CliRun Run(Dictionary<string, string?> settings, string input, params string[] args) =>
        CliRun.At(new FakeTimeProvider(BotUnderTest.Vn(2026, 1, 20, 9)), settings, input, args);

    [GeneratedRegex("/start ([A-Z0-9]{10})")]
    private static partial Regex Code();
}
