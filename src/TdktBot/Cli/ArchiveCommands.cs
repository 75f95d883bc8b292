using TdktBot.Archive;
using TdktBot.Core.Reports;
using TdktBot.Core.Text;

namespace TdktBot.Cli;

/// <summary><c>archive export</c>: an item's archived files and its register as one zip, written whole or not at all.</summary>
public sealed class ArchiveCommands(ArchiveRegister register, string archiveFolder, TimeZoneInfo zone, TimeProvider time, TextWriter output, TextWriter error)
{
    public async Task<int> ExportAsync(string item, string? target, CancellationToken ct)
    {
        if (ReportRequest.ItemOf(item) is not { } number)
        {
            error.WriteLine($"«{item}» không phải một mục của kế hoạch: ghi --item D1 (hạn nộp D1) hoặc --item 3 (nhiệm vụ số 3). Chưa ghi tệp.");
            return CliApp.InputError;
        }

        var (files, problem) = await register.ForItemAsync(number, ct);
        if (files is null)
        {
            error.WriteLine(problem + " Chưa ghi tệp.");
            return CliApp.InputError;
        }

        target ??= $"hoso-{files.Number}.zip";
        var full = Path.GetFullPath(target);
        if (!target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"«{target}»: hồ sơ là tệp nén, tên phải có đuôi .zip (ví dụ -o {files.Number}.zip). Chưa ghi tệp.");
            return CliApp.InputError;
        }

        if (Directory.Exists(full) || !Directory.Exists(Path.GetDirectoryName(full)))
        {
            error.WriteLine($"«{target}»: không ghi được vào đây (thư mục chưa có, hoặc đó là một thư mục). Chưa ghi tệp.");
            return CliApp.InputError;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var absent = ArchiveExport.Write(files, archiveFolder, full, today, zone);
        foreach (var gone in absent)
        {
            error.WriteLine($"Cảnh báo: sổ ghi tệp «{gone.Path}» của {gone.Unit} nhưng tệp không còn trong thư mục lưu trữ; sổ theo dõi trong tệp nén có ghi chú dòng này.");
        }

        output.WriteLine($"Đã ghi «{target}»: {files.Files.Count - absent.Count} tệp của {files.Subject} và sổ theo dõi {ArchiveExport.RegisterName}"
            + (files.Missing.Count == 0 ? "; mọi đơn vị liên quan đã gửi tệp." : $"; {files.Missing.Count} đơn vị chưa gửi: {string.Join(", ", files.Missing.Take(10))}{(files.Missing.Count > 10 ? "…" : string.Empty)}."));
        return 0;
    }
}
