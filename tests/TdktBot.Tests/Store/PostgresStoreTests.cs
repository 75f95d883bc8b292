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
/// The bot on a PostgreSQL store (<c>Store:Provider</c> Postgres): the office's commands and the running bot store and
/// read there as on SQLite, and a store that cannot be reached is named by its setting, never with its password.
/// </summary>
[Collection(PostgresCluster.Collection)]
public sealed partial class PostgresStoreTests(PostgresCluster postgres) : IDisposable
{
    private readonly TestStore _store = new(postgres);
    private readonly PlanFolder _folder = new();

    public void Dispose()
    {
        _folder.Dispose();
        _store.Dispose();
    }

    private Dictionary<string, string?> Settings => new(_folder.Settings().Concat(_store.Settings()));

    [Fact]
    public async Task Plan_reload_invite_and_chat_store_in_PostgreSQL()
    {
        // Units are written as people type them, without marks; the directory's folding finds them, not the database's collation.
        var reload = Run(Settings, string.Empty, "plan", "reload");
        var invite = Run(Settings, string.Empty, "invite", "create", "--unit", "tram y te", "--role", "staff");
        var code = Code().Match(invite.Output).Groups[1].Value;
        var chat = Run(Settings, $"NOP D1\n/start {code}\n", "chat", "--as", "TRUONG THCS HOA THAM");

        Assert.Equal(
            (0, "Kế hoạch năm 2026: thêm 21 mục, bỏ 0 mục, đổi hạn 0 mục; thêm 149 nghĩa vụ của đơn vị, bỏ 0.\n"
                + "Đã nạp lại kế hoạch. Bot đang chạy sẽ dùng lịch mới từ lần quét nhắc việc tiếp theo.\n"),
            (reload.ExitCode, reload.Output));
        Assert.True(invite.ExitCode == 0, invite.Error);
        Assert.True(chat.ExitCode == 0, chat.Error);
        var answers = chat.Output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("✅ Đã ghi nhận: đơn vị đã nộp hạn nộp D1", answers[0], StringComparison.Ordinal);
        Assert.Contains("Đã liên kết cuộc trò chuyện này với Trạm Y tế xã", answers[1], StringComparison.Ordinal);

        await using var db = _store.Open();
        Assert.Equal(149, await db.Obligations.CountAsync());
        Assert.Equal(ObligationStatus.Submitted, (await db.ObligationAsync("D1", "Trường THCS Hoa Thám")).Status);
        var used = await db.Invites.Include(i => i.Unit).SingleAsync();
        Assert.Equal(("Trạm Y tế xã", ChatRole.Staff, true), (used.Unit.Name, used.Role, used.UsedAt is not null));
        Assert.NotEqual(code, used.CodeHash);
    }

    [Fact]
    public async Task Run_loads_the_plan_sweeps_and_sends_the_reminders_from_PostgreSQL()
    {
        // 23/01 08:00: Quartz fires the sweep; the 7-day countdown to 30/01 is due for the 16 units that owe D1, one console chat each.
        var clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 1, 23, 7, 59));
        var channel = new RecordingChannel(clock);
        await using (var bot = BotUnderTest.Create(_folder.DataFolder, clock, channel, Settings))
        {
            await bot.StartAsync();
            clock.Advance(TimeSpan.FromMinutes(1.5));
            await channel.WaitForAsync(16, TimeSpan.FromSeconds(20));
        }

        Assert.Equal(16, channel.Received.Select(r => r.Address).Distinct().Count());
        Assert.All(channel.Received, r => Assert.Contains("30/01/2026", r.Text, StringComparison.Ordinal));
        await using var db = _store.Open();
        Assert.Equal(16, await db.Reminders.CountAsync(r => r.Key.StartsWith("rem:")));
        Assert.Equal(16, await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Sent));
        Assert.False(File.Exists(Path.Combine(_folder.DataFolder, "tdkt.db")));
    }

    [Fact]
    public async Task A_run_on_a_simulated_clock_keeps_its_own_SQLite_store_and_leaves_PostgreSQL_alone()
    {
        await using (var db = _store.Open())
        {
            await TdktBot.Data.TdktStore.MigrateAsync(db);
        }

        var reload = Run(Settings, string.Empty, "plan", "reload", "--now", "2026-01-05T09:00");

        Assert.True(reload.ExitCode == 0, reload.Error);
        Assert.True(File.Exists(Path.Combine(_folder.DataFolder, "tdkt.db")));
        await using var check = _store.Open();
        Assert.Equal(0, await check.Units.CountAsync());
    }

    [Fact]
    public async Task Two_instances_reloading_the_plan_at_once_apply_it_one_after_the_other()
    {
        await using (var db = _store.Open())
        {
            await TdktStore.MigrateAsync(db);
        }

        // A third holds the plan's lock, as an instance in the middle of its reload would: both wait for it, then go one by one.
        await using var holder = new NpgsqlConnection(_store.ConnectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var lockPlan = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('tdkt:plan', 0))", holder, held))
        {
            await lockPlan.ExecuteNonQueryAsync();
        }

        using var first = Start("plan", "reload");
        using var second = Start("plan", "reload");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(first.HasExited || second.HasExited, "a reload went ahead while another held the plan");
        await held.CommitAsync();

        var outputs = await Task.WhenAll(FinishAsync(first), FinishAsync(second));
        Assert.Equal(
            ["Kế hoạch năm 2026: không có gì thay đổi.", "Kế hoạch năm 2026: thêm 21 mục, bỏ 0 mục, đổi hạn 0 mục; thêm 149 nghĩa vụ của đơn vị, bỏ 0."],
            outputs.Select(o => o.Split('\n')[0]).Order(StringComparer.Ordinal));
        await using var check = _store.Open();
        Assert.Equal((21, 149), (await check.Targets.CountAsync(), await check.Obligations.CountAsync()));
    }

    private System.Diagnostics.Process Start(params string[] args)
    {
        var start = CliRun.Executable(_folder.Folder, args);
        foreach (var (key, value) in Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return System.Diagnostics.Process.Start(start)!;
    }

    private static async Task<string> FinishAsync(System.Diagnostics.Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        return await output;
    }

    [Fact]
    public void A_wrong_password_is_named_by_its_setting_and_never_shown()
    {
        var wrong = new NpgsqlConnectionStringBuilder(_store.ConnectionString) { Password = "sai-mat-khau-7Qx" }.ConnectionString;

        var run = Run(new(Settings) { ["ConnectionStrings:Tdkt"] = wrong }, string.Empty, "plan", "reload");

        AssertMasked(run, "sai-mat-khau-7Qx", "máy chủ từ chối đăng nhập: sai tên người dùng (Username) hoặc mật khẩu (Password).");
    }

    [Fact]
    public void A_server_that_does_not_answer_is_named_by_its_setting_and_the_password_is_masked()
    {
        var nowhere = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Database=tdkt;Username=tdkt;Password=bi-mat-9Zk;Timeout=5";

        var run = Run(new(Settings) { ["ConnectionStrings:Tdkt"] = nowhere }, string.Empty, "invite", "list");

        AssertMasked(run, "bi-mat-9Zk", "không kết nối được máy chủ (Host, Port)");
    }

    [Theory]
    [InlineData("Postgres", "", "Store:Provider là Postgres nhưng ConnectionStrings:Tdkt trống")]
    [InlineData("Postgres", "Host=127.0.0.1;Mat khau=bi-mat-9Zk;Port=abc", "ConnectionStrings:Tdkt không phải chuỗi kết nối PostgreSQL hợp lệ")]
    [InlineData("MySql", "", "Store:Provider = «MySql» không đọc được; cần Sqlite")]
    public void A_provider_or_connection_string_that_cannot_be_used_is_refused_before_anything_starts(string provider, string connection, string expected)
    {
        var run = Run(new(Settings) { ["Store:Provider"] = provider, ["ConnectionStrings:Tdkt"] = connection }, string.Empty, "plan", "reload");

        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.StartsWith("Cấu hình chưa đúng: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("bi-mat-9Zk", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    /// <summary>A store error said in Vietnamese with <paramref name="reason"/>, naming the setting, its password masked.</summary>
    private void AssertMasked(CliRun run, string password, string reason)
    {
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.StartsWith("Lỗi cơ sở dữ liệu PostgreSQL (ConnectionStrings:Tdkt = «", run.Error, StringComparison.Ordinal);
        Assert.Contains("Password=***", run.Error, StringComparison.Ordinal);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(password, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(postgres.Password, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The command line on 20/01/2026 as the real time: a simulated clock (<c>--now</c>) would keep its own SQLite store.</summary>
    private static CliRun Run(Dictionary<string, string?> settings, string input, params string[] args) =>
        CliRun.At(new FakeTimeProvider(BotUnderTest.Vn(2026, 1, 20, 9)), settings, input, args);

    [GeneratedRegex("/start ([A-Z0-9]{10})")]
    private static partial Regex Code();
}
