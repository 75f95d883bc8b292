using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Tests.Cli;

namespace TdktBot.Tests.Worker;

/// <summary>The real executable, killed for real in the middle of sending, then started again.</summary>
public sealed partial class KillTests : IDisposable
{
    private const int Units = 16;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Killing_the_process_mid_delivery_loses_nothing_and_repeats_at_most_the_message_in_flight()
    {
        // The plan was loaded the day before; 23/01/2026 08:00 starts the D1 countdown: one reminder to each of the 16 units.
        using (var reload = Process.Start(Start("plan", "reload", "--now", "2026-01-22T10:00"))!)
        {
            await reload.WaitForExitAsync();
            Assert.Equal(0, reload.ExitCode);
        }

        var first = await RunAsync("2026-01-23T08:00:05", killWhen: seen => seen.Count >= 5);
        Assert.InRange(first.Count, 5, Units - 1);

        var second = await RunAsync("2026-01-23T08:10", killWhen: seen => seen.Union(first).Count() >= Units, linger: TimeSpan.FromSeconds(1.5));

        var all = first.Concat(second).ToList();
        Assert.Equal(Units, all.Distinct().Count());
        Assert.InRange(all.Count, Units, Units + 1);

        await using var db = new TdktDbContext(TdktStore.Options($"Data Source={Path.Combine(_folder.Path, "tdkt.db")}"));
        Assert.Equal(Units, await db.Deliveries.CountAsync());
        Assert.Equal(Units, await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Sent));
    }

    /// <summary>
    /// Runs the bot on a simulated clock and collects the units it writes to; once <paramref name="killWhen"/>
    /// holds, waits <paramref name="linger"/> (to let a wrong repeat show up), then kills the process.
    /// </summary>
    private async Task<List<string>> RunAsync(string now, Func<List<string>, bool> killWhen, TimeSpan linger = default)
    {
        var seen = new List<string>();
        using var process = Process.Start(Start("run", "--now", now))!;
        var errors = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        void Read(string line)
        {
            if (Header().Match(line) is { Success: true } match)
            {
                seen.Add(match.Groups[1].Value);
            }
        }

        var next = process.StandardOutput.ReadLineAsync();
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                if (await next.WaitAsync(deadline - DateTime.UtcNow) is not { } line)
                {
                    break;
                }

                next = process.StandardOutput.ReadLineAsync();
                Read(line);
                if (killWhen(seen))
                {
                    if (linger == default)
                    {
                        break;
                    }

                    deadline = DateTime.UtcNow + linger;
                    killWhen = _ => false;
                }
            }
        }
        catch (TimeoutException)
        {
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }

        // What the bot printed before it died was delivered, even if this loop had not read it when it decided to kill:
        // on a busy machine the bot can send a message or two between the line that triggered the kill and the kill.
        while (await next is { } rest)
        {
            Read(rest);
            next = process.StandardOutput.ReadLineAsync();
        }

        await process.WaitForExitAsync();
        Assert.True(seen.Count > 0, "The bot sent nothing. Its log:\n" + await errors);
        return seen;
    }

    private ProcessStartInfo Start(params string[] args)
    {
        var start = CliRun.Executable(_folder.Path, args);
        start.Environment["Data__Folder"] = _folder.Path;
        start.Environment["Delivery__MessagesPerSecond"] = "6";
        start.Environment["Delivery__PerChatInterval"] = "00:00:00";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    [GeneratedRegex("^── Tin nhắn tới (.+?) · ")]
    private static partial Regex Header();
}
