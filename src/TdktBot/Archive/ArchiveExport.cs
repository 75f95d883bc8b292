using System.IO.Compression;
using TdktBot.Core.Text;
using TdktBot.Reports;
using static TdktBot.Reports.Sheets;

namespace TdktBot.Archive;

/// <summary>
/// An item's files as one zip for the office to hand on: each kept file under its archive name, and the register as
/// <c>So-theo-doi.xlsx</c> ("Sổ theo dõi": a row per file with unit, sender, time, late or not, original name, size and
/// SHA-256, and a sheet of the units that sent nothing). Written beside its place and moved there, so whole or absent.
/// </summary>
public static class ArchiveExport
{
    public const string RegisterName = "So-theo-doi.xlsx";

    public static readonly string[] FilesHeader =
        ["STT", "Đơn vị", "Người gửi", "Thời điểm nhận", "Nộp muộn", "Tên tệp khi gửi", "Dung lượng (byte)", "SHA-256", "Tệp trong hồ sơ"];

    /// <summary>Writes the zip; returns the register's files that are no longer in <paramref name="archiveFolder"/> (left out, and marked so in the register).</summary>
    public static IReadOnlyList<RegisteredFile> Write(ItemFiles item, string archiveFolder, string target, DateOnly asOf, TimeZoneInfo zone)
    {
        var absent = item.Files.Where(f => !File.Exists(Full(archiveFolder, f.Path))).ToList();
        var temporary = target + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                foreach (var file in item.Files.Except(absent))
                {
                    zip.CreateEntryFromFile(Full(archiveFolder, file.Path), file.Path.Split('/')[^1], CompressionLevel.Optimal);
                }

                using var register = zip.CreateEntry(RegisterName, CompressionLevel.Optimal).Open();
                WriteRegister(item, absent, register, asOf, zone);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return absent;
    }

    private static void WriteRegister(ItemFiles item, IReadOnlyList<RegisteredFile> absent, Stream stream, DateOnly asOf, TimeZoneInfo zone)
    {
        // The package is written to a seekable buffer, as the zip entry's stream is not.
        using var buffer = new MemoryStream();
        using (var document = Create(buffer, out var workbook))
        {
            string[] title =
            [
                $"SỔ THEO DÕI HỒ SƠ {item.Subject.ToUpperInvariant()} NĂM {item.Year}",
                $"{VietnameseFormat.Shorten(item.Content, 150)} · hạn {VietnameseFormat.Date(item.Due)}",
                $"Tính đến ngày {VietnameseFormat.Date(asOf)}: {item.Files.Count} tệp, {item.Missing.Count} đơn vị chưa gửi",
            ];
            var rows = item.Files.Select((f, i) => new[]
            {
                Number(i + 1), Text(f.Unit), Text(f.SentBy), Moment(f.ReceivedAt, zone), Text(f.Late ? "Có" : "Không", f.Late ? Orange : Plain),
                Text(f.OriginalName is null ? string.Empty : ArchiveNames.Shown(f.OriginalName)), Number(f.Size), Text(f.Sha256),
                Text(absent.Contains(f) ? "(không còn trong thư mục lưu trữ)" : f.Path.Split('/')[^1]),
            }).ToList();
            AddSheet(workbook, "Sổ theo dõi", title, FilesHeader, rows, [6, 34, 28, 17, 10, 34, 14, 66, 40]);
            AddSheet(workbook, "Chưa gửi", title, ["STT", "Đơn vị"], [.. item.Missing.Select((u, i) => new[] { Number(i + 1), Text(u) })], [6, 50]);
            workbook.Workbook.Save();
        }

        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    private static string Full(string folder, string path) => Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
}
