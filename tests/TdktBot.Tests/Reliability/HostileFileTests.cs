using System.Diagnostics;
using TdktBot.Tests.Cli;
using TdktBot.Tests.EndToEnd;

namespace TdktBot.Tests.Reliability;

/// <summary>
/// Hostile plan files given to the real executable, as an office would run it: each is refused with the file and the
/// limit it broke, exit code 1, within 5 s and 300 MB. The process runs with its heap capped at 300 MB, so a reader
/// that needed more would die of it rather than pass.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class HostileFileTests : IDisposable
{
    private const long MemoryLimit = 300L * 1024 * 1024;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("o-trai-rong.docx", "một ô bảng trải rộng 2.147.483.647 cột (w:gridBefore), quá giới hạn 64 cột")]
    [InlineData("bom-nen.docx", "giải nén ra hơn 100 MB")]
    [InlineData("nhieu-doan.docx", "hơn 200.000 đoạn văn")]
    [InlineData("nhieu-hang.docx", "hơn 5.000 hàng bảng")]
    [InlineData("nhieu-thanh-phan.docx", "hơn 1.000.000 thành phần")]
    [InlineData("long-nhau.docx", "lồng nhau quá 64 tầng")]
    [InlineData("dtd.docx", "khai báo DTD")]
    [InlineData("qua-lon.docx", "quá giới hạn 20 MB")]
    [InlineData("qua-dai.txt", "dài hơn 5.000.000 ký tự")]
    [InlineData("bi-danh.yaml", "hơn 100.000 giá trị (kể cả các giá trị mà bí danh YAML *… lặp lại)")]
    [InlineData("long-nhau.yaml", "lồng nhau quá 64 tầng")]
    public async Task Plan_import_refuses_a_hostile_file_naming_it_and_the_limit_quickly_and_in_little_memory(string name, string limit)
    {
        var file = HostileFiles.Write(_folder.Path, name);

        var run = await RunAsync("plan", "import", file);

        Assert.True(run.ExitCode == 1, $"Exit code {run.ExitCode}. Standard error:\n{run.Error}");
        var problem = Assert.Single(run.Error.Split('\n'), line => line.StartsWith($"Lỗi ({name}", StringComparison.Ordinal));
        Assert.Contains(limit, problem, StringComparison.Ordinal);
        Assert.Contains("Chưa nhập được kế hoạch", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.True(run.Took < TimeLimit, $"Took {run.Took.TotalSeconds:0.0} s.");
        Assert.True(run.PeakBytes < MemoryLimit, $"Peak working set {run.PeakBytes / 1024 / 1024} MB.");
    }

    [Fact]
    public async Task Plan_reload_refuses_a_unit_directory_of_nested_aliases()
    {
        var units = HostileFiles.Write(_folder.Path, "bi-danh.yaml");

        var run = await RunAsync(new Dictionary<string, string> { ["Plan__UnitsFile"] = units, ["Data__Folder"] = _folder.File("data") }, "plan", "reload");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Lỗi (bi-danh.yaml, dòng 8): Tệp có hơn 100.000 giá trị", run.Error, StringComparison.Ordinal);
        Assert.Contains("Chưa nạp lại kế hoạch", run.Error, StringComparison.Ordinal);
    }

    private Task<ChildRun> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs the executable in the scratch folder, polling its peak working set until it exits.</summary>
    private async Task<ChildRun> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        var start = CliRun.Executable(_folder.Path, args);
        start.Environment["DOTNET_GCHeapHardLimit"] = MemoryLimit.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(TimeSpan.FromMilliseconds(5)))
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                // It exited between the wait and the read.
            }
        }

        var took = clock.Elapsed;
        return new ChildRun(process.ExitCode, await output, await error, took, peak);
    }

    private sealed record ChildRun(int ExitCode, string Output, string Error, TimeSpan Took, long PeakBytes);
}
