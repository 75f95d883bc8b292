using System.Diagnostics;
using TdktBot.Tests.Cli;
using TdktBot.Tests.Worker;

namespace TdktBot.Tests.Reports;

/// <summary>
/// The report opens cleanly in LibreOffice Calc (Debian's libreoffice-calc-nogui): converted headless to PDF, it
/// converts. Where LibreOffice is missing the test fails and says how to install it.
/// </summary>
public sealed class LibreOfficeTests : IDisposable
{
    private readonly PlanFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_report_converts_to_pdf_in_LibreOffice()
    {
        var soffice = Find("soffice") ?? throw new InvalidOperationException(
            "LibreOffice is not installed (no soffice on PATH): apt-get install -y --no-install-recommends libreoffice-calc-nogui (.ci/run does it).");
        Assert.Equal(0, CliRun.WithInput(_folder.Settings(), "NOP D1\n", "chat", "--as", "Trạm Y tế xã", "--now", "2026-01-20T09:00").ExitCode);
        var workbook = Path.Combine(_folder.Folder, "baocao.xlsx");
        var report = CliRun.With(_folder.Settings(), "report", "-o", workbook, "--now", "2026-04-10T09:00");
        Assert.True(report.ExitCode == 0, report.Error);

        var output = Path.Combine(_folder.Folder, "pdf");
        var start = new ProcessStartInfo(soffice)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless", "--norestore", $"-env:UserInstallation=file://{Path.Combine(_folder.Folder, "lo-profile")}", "--convert-to", "pdf", "--outdir", output, workbook })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var said = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using (var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            await process.WaitForExitAsync(patience.Token);
        }

        var pdf = Path.Combine(output, "baocao.pdf");
        Assert.True(process.ExitCode == 0 && File.Exists(pdf), $"soffice exited {process.ExitCode}: {await said} {await errors}");
        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.True(bytes.Length > 5_000, $"the PDF has {bytes.Length} bytes");
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));

        // Two sheets, printed in A4 landscape: the first page is wider than high.
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Matches(@"/MediaBox\s*\[\s*0\s+0\s+841\.\d+\s+595\.\d+\s*\]", text);
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
