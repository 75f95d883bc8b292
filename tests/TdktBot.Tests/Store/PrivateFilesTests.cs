using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TdktBot.Data;
using TdktBot.Tests.Cli;
using TdktBot.Tests.Worker;

namespace TdktBot.Tests.Store;

/// <summary>The data folder the bot creates is its account's alone (0700), and so is every database in it (0600).</summary>
public sealed class PrivateFilesTests : IDisposable
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Data => _folder.File("data");

    private string Store => Path.Combine(Data, "tdkt.db");

    [Fact]
    public async Task Plan_reload_under_an_open_umask_makes_a_private_folder_and_store_and_narrows_a_store_left_readable()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using (var reload = Process.Start(UnderOpenUmask("plan", "reload", "--now", "2026-01-05T09:00"))!)
        {
            var error = reload.StandardError.ReadToEndAsync();
            await reload.WaitForExitAsync();
            Assert.True(reload.ExitCode == 0, await error);
        }

        Assert.Equal(Folder, File.GetUnixFileMode(Data));
        Assert.Equal(Private, File.GetUnixFileMode(Store));
        await using (var db = new TdktDbContext(TdktStore.Options($"Data Source={Store}")))
        {
            // While a connection is open SQLite keeps its -wal and -shm files beside the store, with the store's mode.
            Assert.True(await db.Targets.AnyAsync());
            Assert.Equal((Private, Private), (File.GetUnixFileMode(Store + "-wal"), File.GetUnixFileMode(Store + "-shm")));
        }

        File.SetUnixFileMode(Store, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Assert.Equal(0, CliRun.With(new Dictionary<string, string?> { ["Data:Folder"] = Data }, "plan", "reload", "--now", "2026-01-06T09:00").ExitCode);
        Assert.Equal(Private, File.GetUnixFileMode(Store));
    }

    [Fact]
    public async Task The_running_bot_keeps_its_store_and_its_job_store_private()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 1, 5, 9));
        await using (var bot = BotUnderTest.Create(Data, clock, new RecordingChannel(clock)))
        {
            await bot.StartAsync();
        }

        Assert.Equal(Folder, File.GetUnixFileMode(Data));
        Assert.Contains(Store, Directory.GetFiles(Data));
        Assert.Contains(Path.Combine(Data, "quartz.db"), Directory.GetFiles(Data));
        foreach (var file in Directory.GetFiles(Data))
        {
            // A -wal or -shm file goes away when the last pooled connection to its store closes, which another test may cause at any moment.
            if (ModeIfStillThere(file) is { } mode)
            {
                Assert.True(mode == Private, $"{Path.GetFileName(file)} is {mode}");
            }
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static UnixFileMode? ModeIfStillThere(string file)
    {
        try
        {
            return File.GetUnixFileMode(file);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The real executable started from a shell whose umask takes nothing away: every file would be world-readable.</summary>
    private ProcessStartInfo UnderOpenUmask(params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder.Path,
        };
        foreach (var arg in new[] { "-c", "umask 000 && exec \"$@\"", "sh", Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            Path.Combine(AppContext.BaseDirectory, "TdktBot.dll") }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Data__Folder"] = Data;
        start.Environment["Web__Listen"] = "";
        return start;
    }
}
