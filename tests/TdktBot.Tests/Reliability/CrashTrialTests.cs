using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Core.Access;
using TdktBot.Data;
using TdktBot.Broadcasts;
using TdktBot.Data.Entities;
using TdktBot.Testing;
using TdktBot.Tests.Cli;
using TdktBot.Obligations;
using TdktBot.Core.Conversations;

namespace TdktBot.Tests.Reliability;

/// <summary>
/// Crash safety: the real executable is killed with SIGKILL at a random moment while it sends a broadcast to many
/// Telegram chats, then started again, until everything is out. Counted per recipient at the fake Telegram, which
/// outlives the kills: none missing, and at most one repeat per kill. Reduced size here; full size (20 trials, 500
/// chats) with TDKT_STRESS=1.
/// </summary>
[Collection(EndToEnd.OneAtATime.Name)]
public sealed partial class CrashTrialTests
{
    // Far above what a run takes (a few seconds alone, up to about fifteen on a loaded machine, plus a lease).
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    private const string Text = "Phát động phong trào thi đua «Dạy tốt, học tốt» năm học 2026-2027.";

    [Fact]
    public async Task A_broadcast_killed_at_random_moments_reaches_every_chat_with_at_most_one_repeat_per_kill()
    {
        var trials = Stress.Size("CRASH_TRIALS", reduced: 2, full: 20);
        var chats = Stress.Size("CRASH_CHATS", reduced: 120, full: 500);
        var random = new Random(20261124);
        for (var trial = 1; trial <= trials; trial++)
        {
            using var folder = new TempFolder();
            await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { AcceptUnknownChats = true });
            await PrepareAsync(folder, fake, chats);

            var kills = 0;
            for (var run = 1; ; run++)
            {
                Assert.True(run <= 10, $"Trial {trial}: the broadcast was not out after {run - 1} runs.");

                // A random moment: the first run dies after a random number of messages are out (mid-broadcast, up to
                // the last one), a later one may die after a random time (start-up included), the rest run to the end.
                var kill = run switch
                {
                    1 => new Kill(random.Next(1, chats), null),
                    _ when random.Next(0, 3) == 0 => new Kill(null, TimeSpan.FromMilliseconds(random.Next(200, 3000))),
                    _ => new Kill(null, null),
                };
                var finished = await RunAsync(folder, fake, chats, kill);
                if (finished)
                {
                    break;
                }

                kills++;
            }

            var received = fake.Sent.Where(m => m.PlainText == Text).GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(chats, received.Count);
            Assert.All(received, r => Assert.InRange(r.Value, 1, 1 + kills));
            Assert.InRange(received.Values.Sum() - chats, 0, kills);
        }
    }

    /// <summary>The store as the bot makes it, the chats of every unit, and a confirmed broadcast waiting in the outbox.</summary>
    private static async Task PrepareAsync(TempFolder folder, FakeTelegramServer fake, int chats)
    {
        using (var reload = Process.Start(Start(folder, fake, "plan", "reload"))!)
        {
            await reload.WaitForExitAsync();
            Assert.Equal(0, reload.ExitCode);
        }

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var db = new TdktDbContext(TdktStore.Options($"Data Source={Path.Combine(folder.Path, "tdkt.db")}"));
        var units = await db.Units.OrderBy(u => u.Id).ToListAsync();
        var office = new Chat { Channel = Messenger.Telegram, Address = "1", UnitId = units[0].Id, CreatedAt = time.GetUtcNow() };
        db.Chats.Add(office);
        db.Members.Add(new Member { Channel = Messenger.Telegram, PersonId = "1", UnitId = units[0].Id, Role = ChatRole.Office, CreatedAt = time.GetUtcNow() });
        for (var i = 0; i < chats; i++)
        {
            db.Chats.Add(new Chat
            {
                Channel = Messenger.Telegram,
                Address = (100_000 + i).ToString(CultureInfo.InvariantCulture),
                DisplayName = $"Cán bộ {i}",
                UnitId = units[1 + (i % (units.Count - 1))].Id,
                CreatedAt = time.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync();
        var service = new BroadcastService(db, time);
        var officer = new Actor("văn phòng", units[0].Id, Role.Office) { Id = "telegram:1" };
        var preview = await service.DraftAsync(office.Id, officer, Text, null, units.Skip(1).Select(u => u.Id).ToList());
        Assert.Equal(chats, preview.Chats);
        Assert.Equal(BroadcastStep.Confirmed, await service.ConfirmAsync(preview.BroadcastId, office.Id, officer));
    }

    /// <summary>
    /// Runs the bot until every chat has the broadcast (true) or the kill comes (false). The wait is a guard against a hang,
    /// not a speed target: a run may sit out the lease of the message in flight at the last kill, and on a busy two-core
    /// machine start-up and sending take several times longer than alone (speed is measured by the benchmarks).
    /// </summary>
    private static async Task<bool> RunAsync(TempFolder folder, FakeTelegramServer fake, int chats, Kill kill)
    {
        var before = Delivered(fake);
        using var process = Process.Start(Start(folder, fake, "run"))!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        var target = kill.AfterMessages is { } more ? Math.Min(chats, before + more) : chats;
        var stuck = false;
        var endedByItself = false;
        try
        {
            await fake.WaitUntilAsync(() => Delivered(fake) >= target || process.HasExited, kill.AfterTime ?? HangGuard, "the broadcast out");
            if (Delivered(fake) >= chats && !process.HasExited)
            {
                // A moment more, so a wrong repeat after the last message would show.
                await Task.Delay(300);
            }
        }
        catch (TimeoutException) when (kill.AfterTime is not null)
        {
        }
        catch (TimeoutException)
        {
            stuck = true;
        }
        finally
        {
            // Whatever the wait ended with, no bot outlives its run.
            endedByItself = process.HasExited;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _ = await output;
        var log = await errors;
        Assert.False(endedByItself, $"The bot stopped on its own (exit code {process.ExitCode}). Its log:\n{log}");
        Assert.False(stuck, $"Only {Delivered(fake)} of {chats} chats had the broadcast after {HangGuard.TotalSeconds:F0} s (from {before}, {kill}). The end of the bot's log:\n{string.Join('\n', log.Split('\n').TakeLast(80))}");
        return Delivered(fake) >= chats;
    }

    private static int Delivered(FakeTelegramServer fake) => fake.Sent.Where(m => m.PlainText == Text).Select(m => m.ChatId).Distinct().Count();

    private static ProcessStartInfo Start(TempFolder folder, FakeTelegramServer fake, params string[] args)
    {
        var start = CliRun.Executable(folder.Path, args);
        start.Environment["Data__Folder"] = folder.Path;
        start.Environment["Telegram__BotToken"] = fake.Token;
        start.Environment["Telegram__ApiBaseUrl"] = fake.BaseUrl;
        start.Environment["Telegram__Timeout"] = "00:00:10";

        // The message in flight at a kill stays claimed by the dead process until its lease ends; the default minute is
        // as long as a run here may wait, so the lease is kept just above the send timeout, as the option asks.
        start.Environment["Delivery__ClaimLease"] = "00:00:15";
        start.Environment["Invites__OfficeCode"] = "VANPHONGCRASH2026";
        start.Environment["Delivery__MessagesPerSecond"] = "200";
        start.Environment["Delivery__PerChatInterval"] = "00:00:00";
        start.Environment["Delivery__PollInterval"] = "00:00:00.100";

        // A send that times out on a starved machine is tried again soon: what is tested is what a kill does, not the backoff.
        start.Environment["Delivery__RetryBaseDelay"] = "00:00:01";
        start.Environment["Broadcasts__CheckInterval"] = "00:00:00.200";
        // The bot's own steps (start-up, sends, claims) are logged, so a run that hangs shows where; the framework's are not.
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft"] = "Warning";
        start.Environment["Logging__LogLevel__System"] = "Warning";
        start.Environment["Logging__LogLevel__Quartz"] = "Warning";
        return start;
    }

    /// <summary>When a run is killed: after this many more chats have the broadcast, or after this long; neither: never.</summary>
    private sealed record Kill(int? AfterMessages, TimeSpan? AfterTime);
}
