using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Broadcasts;
using TdktBot.Core.Access;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Obligations;
using TdktBot.Testing;
using TdktBot.Tests.Cli;
using TdktBot.Tests.Reliability;
using TdktBot.Tests.Worker;

namespace TdktBot.Tests.Cluster;

/// <summary>
/// Two real <c>run</c> processes on one PostgreSQL store and one fake Telegram that enforces Telegram's limits (30 a
/// second overall, 1 a second per chat). Reduced size here; the full trial (10 trials, 500 units and chats)
/// with TDKT_STRESS=1 (docs/benchmarks.md, stress).
/// </summary>
[Collection(PostgresCluster.Collection)]
public sealed class ClusterTrialTests(PostgresCluster postgres)
{
    private const string Broadcast = "Phát động đợt thi đua cao điểm chào mừng Đại hội, cụm thi đua số 3.";
    private const long FirstChat = 300_000;
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>
    /// A broadcast to every unit's chat and the morning's reminder of D1 to every unit, while the leader is SIGKILLed
    /// at a random moment: every chat gets both, at most one repeat per kill, no 429, never more than 30 sends in any
    /// one-second window counting both processes, and the survivor polls within 30 s.
    /// </summary>
    [Fact]
    public async Task A_broadcast_and_a_sweep_survive_the_leaders_kill_each_message_once_within_Telegrams_limits()
    {
        var trials = Stress.Size("CLUSTER_TRIALS", reduced: 1, full: 10);
        var units = Stress.Size("CLUSTER_UNITS", reduced: 80, full: 500);
        var random = new Random(20261203);
        for (var trial = 1; trial <= trials; trial++)
        {
            using var store = new TestStore(postgres);
            using var folder = new PlanFolder();
            var settings = Settings(folder, store);
            AddUnits(folder, units);
            folder.MoveDeadline("D1", Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var reload = CliRun.With(settings, "plan", "reload");
            Assert.True(reload.ExitCode == 0, reload.Error);
            await PrepareAsync(store, units);

            await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { AcceptUnknownChats = true });
            fake.EnforceLimits();
            using var first = BotProcess.Start(folder.Folder, settings, fake);
            using var second = BotProcess.Start(folder.Folder, settings, fake);
            await BotProcess.WaitUntilAsync(() => first.Leads || second.Leads, TimeSpan.FromSeconds(60), "an instance to lead", first, second);

            // Both sweep at start; the reminders of 2 × units messages are out when every chat has two texts.
            var total = 2 * units;
            var killAt = random.Next(1, total);
            await BotProcess.WaitUntilAsync(() => Received(fake).Values.Sum() >= killAt, TimeSpan.FromSeconds(120), $"{killAt} messages out", first, second);
            var (leader, survivor) = first.Leads ? (first, second) : (second, first);
            var polled = fake.Calls.Count(c => c.Method == "getUpdates");
            leader.Kill();
            var killed = Stopwatch.StartNew();
            await fake.WaitUntilAsync(() => fake.Calls.Count(c => c.Method == "getUpdates") > polled + 1, TimeSpan.FromSeconds(30), "the survivor polling");
            var resumed = killed.Elapsed;

            await BotProcess.WaitUntilAsync(() => Received(fake).Count >= total, TimeSpan.FromSeconds(120), $"every chat's broadcast and reminder (trial {trial}, killed after {killAt})", survivor);
            await Task.Delay(TimeSpan.FromSeconds(2));

            var received = Received(fake);
            Assert.Equal(total, received.Count);
            Assert.Equal(units, received.Keys.Count(k => k.Text == Broadcast));
            Assert.All(received.Keys.Where(k => k.Text != Broadcast), k => Assert.Contains("D1", k.Text, StringComparison.Ordinal));
            Assert.InRange(received.Values.Sum() - total, 0, 1);
            var stats = fake.Stats;
            Assert.Equal(0, stats.TooManyRequests);
            Assert.InRange(stats.MaxPerSecond, 1, 30);
            Assert.True(resumed < TimeSpan.FromSeconds(30), $"polling resumed {resumed} after the kill");

            // Both loaded the plan and swept at start, one after the other: neither logged an error (a broken unique key).
            var errors = first.Errors.Concat(second.Errors).ToList();
            Assert.True(errors.Count == 0, string.Join("\n---\n", first.Log, second.Log));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cluster trial {trial}: {units} units, killed after {killAt} of {total}, repeats {received.Values.Sum() - total}, polling resumed after {resumed.TotalSeconds:0.0} s, worst second {stats.MaxPerSecond}"));
        }
    }

    /// <summary>
    /// A head confirms D1 through the leader, which is then killed; the survivor's scheduled morning sweep reminds every
    /// other unit of D1 but not that one, and answers the same head from the same store.
    /// </summary>
    [Fact]
    public async Task A_confirmation_through_one_instance_stops_the_reminder_the_other_sends()
    {
        using var store = new TestStore(postgres);
        using var folder = new PlanFolder();
        folder.MoveDeadline("D1", Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // The daily sweep fires 90 s from now: after the confirmation and the takeover.
        var at = SweepTime();
        var settings = Settings(folder, store);
        settings["Reminders:At"] = at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var reload = CliRun.With(settings, "plan", "reload");
        Assert.True(reload.ExitCode == 0, reload.Error);
        long[] heads = [8001, 8002, 8003];
        await using (var db = store.Open())
        {
            var named = new[] { "Trạm Y tế xã", "Công an xã", "Hội Nông dân xã" };
            var units = await db.Units.Where(u => named.Contains(u.Name)).ToDictionaryAsync(u => u.Name);
            for (var i = 0; i < heads.Length; i++)
            {
                var address = heads[i].ToString(CultureInfo.InvariantCulture);
                db.Chats.Add(new Chat { Channel = Messenger.Telegram, Address = address, UnitId = units[named[i]].Id, CreatedAt = DateTimeOffset.UtcNow });
                db.Members.Add(new Member { Channel = Messenger.Telegram, PersonId = address, UnitId = units[named[i]].Id, Role = ChatRole.Head, CreatedAt = DateTimeOffset.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        await using var fake = await FakeTelegramServer.StartAsync();
        foreach (var head in heads)
        {
            fake.AddChat(head);
        }

        using var first = BotProcess.Start(folder.Folder, settings, fake);
        using var second = BotProcess.Start(folder.Folder, settings, fake);
        await BotProcess.WaitUntilAsync(() => first.Leads || second.Leads, TimeSpan.FromSeconds(60), "an instance to lead", first, second);
        var (leader, survivor) = first.Leads ? (first, second) : (second, first);
        await BotProcess.WaitUntilAsync(() => fake.WaitingPolls > 0, TimeSpan.FromSeconds(60), "the leader polling", leader);

        fake.SendText(8001, "Trạm Y tế đã nộp kế hoạch D1 rồi nhé");
        await BotProcess.WaitUntilAsync(() => fake.Sent.Any(m => m.ChatId == 8001), TimeSpan.FromSeconds(30), "the leader's answer", leader, survivor);
        await using (var db = store.Open())
        {
            Assert.Equal(ObligationStatus.Submitted, await db.Obligations.Where(o => o.Unit.Name == "Trạm Y tế xã" && o.Target.Number == "D1").Select(o => o.Status).SingleAsync());
        }

        leader.Kill();
        await BotProcess.WaitUntilAsync(() => survivor.Leads, TimeSpan.FromSeconds(30), "the survivor to lead", survivor);
        fake.SendText(8001, "D1 nộp chưa?");
        await BotProcess.WaitUntilAsync(() => fake.Sent.Count(m => m.ChatId == 8001) == 2, TimeSpan.FromSeconds(30), "the survivor's answer", survivor);
        Assert.Contains("Trạm Y tế xã đã nộp, chờ tiếp nhận", fake.Sent.Where(m => m.ChatId == 8001).Last().PlainText, StringComparison.Ordinal);

        var wait = at - TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Vietnam) + TimeSpan.FromSeconds(60);
        await BotProcess.WaitUntilAsync(() => fake.Sent.Count(m => m.ChatId is 8002 or 8003) == 2, wait, "the survivor's sweep reminding the two others", survivor);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(fake.Sent.Where(m => m.ChatId is 8002 or 8003), m => Assert.Contains("D1", m.PlainText, StringComparison.Ordinal));
        Assert.Equal(2, fake.Sent.Count(m => m.ChatId == 8001));
    }

    /// <summary>
    /// The daily sweep fires on one instance, which is SIGKILLed while the sweep waits for the store; the other, seeing its
    /// check-ins stop, runs the sweep again (the job requests recovery) and every unit is reminded once.
    /// </summary>
    [Fact]
    public async Task A_sweep_cut_short_by_a_kill_is_run_by_the_other_instance()
    {
        using var store = new TestStore(postgres);
        using var folder = new PlanFolder();
        folder.MoveDeadline("D1", Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var at = SweepTime();
        var settings = Settings(folder, store);
        settings["Reminders:At"] = at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var reload = CliRun.With(settings, "plan", "reload");
        Assert.True(reload.ExitCode == 0, reload.Error);
        long[] chats = [8101, 8102, 8103];
        await using (var db = store.Open())
        {
            var units = await db.Units.Where(u => !u.IsOffice).OrderBy(u => u.Id).Take(chats.Length).ToListAsync();
            db.Chats.AddRange(units.Select((u, i) => new Chat { Channel = Messenger.Telegram, Address = chats[i].ToString(CultureInfo.InvariantCulture), UnitId = u.Id, CreatedAt = DateTimeOffset.UtcNow }));
            await db.SaveChangesAsync();
        }

        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { AcceptUnknownChats = true });
        using var first = BotProcess.Start(folder.Folder, new Dictionary<string, string?>(settings) { ["Instance:Id"] = "may-a" }, fake);
        using var second = BotProcess.Start(folder.Folder, new Dictionary<string, string?>(settings) { ["Instance:Id"] = "may-b" }, fake);
        await BotProcess.WaitUntilAsync(async () => await ScalarAsync(store, "SELECT count(*) FROM qrtz_scheduler_state") == 2, TimeSpan.FromSeconds(60), "both schedulers in the cluster", first, second);

        // The store held, as by a long write: the sweep that fires waits for it, and the test sees on which instance.
        await using var holder = new Npgsql.NpgsqlConnection(store.ConnectionString);
        await holder.OpenAsync();
        await using (var hold = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended('tdkt:sweep', 0))", holder))
        {
            await hold.ExecuteNonQueryAsync();
        }

        string? executing = null;
        await BotProcess.WaitUntilAsync(async () => (executing = await TextAsync(store, "SELECT instance_name FROM qrtz_fired_triggers WHERE state = 'EXECUTING'")) is not null,
            at - TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Vietnam) + TimeSpan.FromSeconds(30), "the daily sweep to fire", first, second);
        var (sweeper, survivor) = executing == "may-a" ? (first, second) : (second, first);
        sweeper.Kill();
        await using (var release = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended('tdkt:sweep', 0))", holder))
        {
            await release.ExecuteNonQueryAsync();
        }

        await BotProcess.WaitUntilAsync(() => chats.All(c => fake.Sent.Any(m => m.ChatId == c)), TimeSpan.FromSeconds(60), "the survivor's sweep and sends", survivor);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(chats, c => Assert.Contains("D1", Assert.Single(fake.Sent, m => m.ChatId == c).PlainText, StringComparison.Ordinal));
        Assert.True(survivor.Errors.Count == 0, survivor.Log);
    }

    private static async Task<long> ScalarAsync(TestStore store, string sql) => long.Parse(await TextAsync(store, sql) ?? "0", CultureInfo.InvariantCulture);

    // Null while Quartz has not yet made its tables.
    private static async Task<string?> TextAsync(TestStore store, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        try
        {
            return (await command.ExecuteScalarAsync())?.ToString();
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    /// <summary>The store, the plan folder, and a clock of reminders that runs whatever the hour and day: every hour a civil hour, today a working day.</summary>
    private static Dictionary<string, string?> Settings(PlanFolder folder, TestStore store)
    {
        var today = Today();
        return new Dictionary<string, string?>(folder.Settings().Concat(store.Settings()))
        {
            ["Reminders:At"] = "00:00",
            ["Reminders:LatestAt"] = "23:59",
            ["Reminders:WeeklyDigest"] = "false",
            [$"Calendar:Years:{today.Year}:WorkingDays:0"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Delivery:ClaimLease"] = "00:00:03",
            ["Broadcasts:CheckInterval"] = "00:00:01",
        };
    }

    private static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Vietnam).DateTime);

    // 90 s from now in the commune's clock, on the same day (a run just before midnight waits for the next day).
    private static DateTimeOffset SweepTime()
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Vietnam);
        if (now.TimeOfDay > new TimeSpan(23, 58, 0))
        {
            Thread.Sleep(new TimeSpan(24, 0, 5) - now.TimeOfDay);
        }

        return TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Vietnam).AddSeconds(90);
    }

    /// <summary>Units added to the directory, all in the "every unit" group, so D1 concerns each.</summary>
    private static void AddUnits(PlanFolder folder, int count)
    {
        var text = new StringBuilder(File.ReadAllText(folder.UnitsFile));
        for (var i = 1; i <= count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - name: Tổ dân phố số {i}\n");
        }

        File.WriteAllText(folder.UnitsFile, text.ToString());
    }

    /// <summary>
    /// One chat per added unit, D1's obligations on the schedule since long ago (so this morning's reminder is due now), and a
    /// confirmed broadcast to every added unit waiting in the outbox.
    /// </summary>
    private static async Task PrepareAsync(TestStore store, int count)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var db = store.Open();
        var units = await db.Units.Where(u => u.Name.StartsWith("Tổ dân phố số ")).ToListAsync();
        Assert.Equal(count, units.Count);
        var officeUnit = await db.Units.SingleAsync(u => u.IsOffice);
        var office = new Chat { Channel = Messenger.Telegram, Address = "1", UnitId = officeUnit.Id, CreatedAt = time.GetUtcNow() };
        db.Chats.Add(office);
        db.Members.Add(new Member { Channel = Messenger.Telegram, PersonId = "1", UnitId = officeUnit.Id, Role = ChatRole.Office, CreatedAt = time.GetUtcNow() });
        foreach (var unit in units)
        {
            var number = int.Parse(unit.Name["Tổ dân phố số ".Length..], CultureInfo.InvariantCulture);
            db.Chats.Add(new Chat { Channel = Messenger.Telegram, Address = (FirstChat + number).ToString(CultureInfo.InvariantCulture), UnitId = unit.Id, CreatedAt = time.GetUtcNow() });
        }

        await db.SaveChangesAsync();
        await db.Obligations.Where(o => o.Target.Number == "D1").ExecuteUpdateAsync(s => s.SetProperty(o => o.ScheduleFrom, DateTimeOffset.UnixEpoch));

        var service = new BroadcastService(db, time);
        var officer = new Actor("văn phòng", officeUnit.Id, Role.Office) { Id = "telegram:1" };
        var preview = await service.DraftAsync(office.Id, officer, Broadcast, null, units.Select(u => u.Id).ToList());
        Assert.Equal(count, preview.Chats);
        Assert.Equal(BroadcastStep.Confirmed, await service.ConfirmAsync(preview.BroadcastId, office.Id, officer));
    }

    /// <summary>How many times each added unit's chat received each text.</summary>
    private static Dictionary<(long Chat, string Text), int> Received(FakeTelegramServer fake) =>
        fake.Sent.Where(m => m.ChatId > FirstChat && m.MessageId != 0)
            .GroupBy(m => (m.ChatId, m.PlainText))
            .ToDictionary(g => g.Key, g => g.Count());
}
