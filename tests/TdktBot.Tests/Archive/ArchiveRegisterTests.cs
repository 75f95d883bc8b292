using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TdktBot.Core.Conversations;
using TdktBot.Tests.Cli;
using TdktBot.Tests.EndToEnd;

namespace TdktBot.Tests.Archive;

/// <summary>
/// Photos into the archive on both messengers (a Telegram photo's largest size; a Zalo picture's address), "/hoso D1"
/// for the office, and "archive export" writing the item's files and the register (So-theo-doi.xlsx, read back with
/// MiniExcel, not the OpenXml SDK that wrote it) into one zip.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class ArchiveRegisterTests
{
    private const long Office = 5301;
    private const long School = 6301;
    private const string HealthOnZalo = "zalo-tram-y-te";

    private static readonly byte[] SchoolPhoto = [0xFF, 0xD8, 0xFF, 0xE0, .. "ảnh kế hoạch có chữ ký, Trường THCS"u8.ToArray(), 0xFF, 0xD9];
    private static readonly byte[] HealthPhoto = [0xFF, 0xD8, 0xFF, 0xE0, .. "ảnh kế hoạch có dấu, Trạm Y tế"u8.ToArray(), 0xFF, 0xD9];

    [Fact]
    public async Task Photos_from_Telegram_and_Zalo_are_kept_listed_by_hoso_and_exported_with_the_register()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 1, 26, 9)));
        await bot.LinkOfficeAsync(Office);
        await bot.LinkAsync(School, "Trường THCS Hoa Thám");
        await bot.LinkOnZaloAsync(HealthOnZalo, "Trạm Y tế xã");

        var before = bot.Fake.Sent.Count(m => m.ChatId == School);
        bot.Fake.SendPhoto(School, SchoolPhoto, caption: "NOP D1");
        var schoolReply = (await bot.Fake.WaitForMessagesAsync(m => m.ChatId == School, before + 1, MessengerBotUnderTest.Patience))[before];
        var zaloBefore = bot.Zalo.Sent.Count(m => m.ChatId == HealthOnZalo);
        bot.Zalo.SendPhoto(HealthOnZalo, HealthPhoto, caption: "đã nộp kế hoạch D1");
        var healthReply = (await bot.Zalo.WaitForMessagesAsync(m => m.ChatId == HealthOnZalo, zaloBefore + 1, MessengerBotUnderTest.Patience))[zaloBefore];

        Assert.Contains("📎 Đã lưu tệp vào hồ sơ hạn nộp D1: Trường THCS Hoa Thám - 2026-01-26 0900.jpg.", schoolReply.PlainText, StringComparison.Ordinal);
        Assert.Contains("📎 Đã lưu tệp vào hồ sơ hạn nộp D1: Trạm Y tế xã - 2026-01-26 0900.jpg.", healthReply.Text, StringComparison.Ordinal);
        var folder = Path.Combine(bot.DataFolder, "archive", "2026", "D1");
        Assert.Equal(SchoolPhoto, await File.ReadAllBytesAsync(Path.Combine(folder, "Trường THCS Hoa Thám - 2026-01-26 0900.jpg")));
        Assert.Equal(HealthPhoto, await File.ReadAllBytesAsync(Path.Combine(folder, "Trạm Y tế xã - 2026-01-26 0900.jpg")));
        await using (var db = bot.OpenStore())
        {
            var files = await db.ArchivedFiles.Include(f => f.Unit).OrderBy(f => f.Id).ToListAsync();
            Assert.Equal([("Trường THCS Hoa Thám", Messenger.Telegram, SchoolPhoto.Length), ("Trạm Y tế xã", Messenger.Zalo, HealthPhoto.Length)],
                files.Select(f => (f.Unit.Name, f.Channel, (int)f.Size)));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(HealthPhoto)), files[1].Sha256);
        }

        // The largest of the photo's sizes is the one downloaded, not the thumbnail.
        Assert.Single(bot.Fake.Calls, c => c.Method == "file");
        Assert.Single(bot.Zalo.Calls, c => c.Method == "photo");

        // The office is told of both submissions in turns of their own; those notices are in before it asks.
        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Office && m.PlainText.StartsWith("📥", StringComparison.Ordinal), 2, MessengerBotUnderTest.Patience);
        var hoso = await bot.SayAsync(Office, "/hoso D1");
        var lines = hoso.PlainText.Split('\n');
        Assert.Equal("📁 Hồ sơ hạn nộp D1 (hạn 30/01/2026): 2 tệp của 2/16 đơn vị.", lines[0]);
        Assert.Equal("Đã nhận:", lines[1]);
        Assert.StartsWith("• Trường THCS Hoa Thám: 26/01/2026 09:00, ", lines[2], StringComparison.Ordinal);
        Assert.Equal($"• Trạm Y tế xã: 26/01/2026 09:00, {HealthPhoto.Length} B («ảnh.jpg»)", lines[3]);
        Assert.StartsWith("Chưa gửi tệp (14): Ban Chỉ huy Quân sự xã, Công an xã, Đoàn Thanh niên", lines[4], StringComparison.Ordinal);
        Assert.Equal("Tải cả hồ sơ kèm sổ theo dõi: lệnh «archive export --item D1 -o D1.zip» trên máy chạy bot.", lines[5]);
        Assert.Equal(ReplyTexts.OfficeOnly, (await bot.SayAsync(School, "/hoso D1")).PlainText);
        Assert.Equal($"Chưa hiểu mục «quý 1». {ReplyTexts.FilesUsage}", (await bot.SayAsync(Office, "/hoso quý 1")).PlainText);
        Assert.StartsWith("Kế hoạch năm 2026 không có mục «D9». Các mục: D1, D2, 1, 2,", (await bot.SayAsync(Office, "/hoso D9")).PlainText, StringComparison.Ordinal);

        // The CLI beside the running bot, on the same data folder.
        using var output = new TempFolder();
        var zip = Path.Combine(output.Path, "D1.zip");
        var settings = new Dictionary<string, string?> { ["Data:Folder"] = bot.DataFolder };
        var run = CliRun.With(settings, "archive", "export", "--item", "d1", "-o", zip, "--now", "2026-01-26T10:00");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith($"Đã ghi «{zip}»: 2 tệp của hạn nộp D1 và sổ theo dõi So-theo-doi.xlsx; 14 đơn vị chưa gửi: Ban Chỉ huy Quân sự xã,", run.Output, StringComparison.Ordinal);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["So-theo-doi.xlsx", "Trạm Y tế xã - 2026-01-26 0900.jpg", "Trường THCS Hoa Thám - 2026-01-26 0900.jpg"],
            archive.Entries.Select(e => e.FullName).Order(Core.Text.VietnameseOrder.Names));
        await using (var photo = archive.GetEntry("Trạm Y tế xã - 2026-01-26 0900.jpg")!.Open())
        using (var copy = new MemoryStream())
        {
            await photo.CopyToAsync(copy);
            Assert.Equal(HealthPhoto, copy.ToArray());
        }

        using var register = new MemoryStream();
        await using (var entry = archive.GetEntry("So-theo-doi.xlsx")!.Open())
        {
            await entry.CopyToAsync(register);
        }

        var rows = MiniExcel.Query(register, useHeaderRow: false, sheetName: "Sổ theo dõi").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("SỔ THEO DÕI HỒ SƠ HẠN NỘP D1 NĂM 2026", rows[0]["A"]);
        Assert.Equal(["STT", "Đơn vị", "Người gửi", "Thời điểm nhận", "Nộp muộn", "Tên tệp khi gửi", "Dung lượng (byte)", "SHA-256", "Tệp trong hồ sơ"],
            rows[3].Values.Select(v => v?.ToString()));
        var health = rows[5];
        Assert.Equal("Trạm Y tế xã", health["B"]);
        Assert.Equal(new DateTime(2026, 1, 26, 9, 0, 0), health["D"]);
        Assert.Equal("Không", health["E"]);
        Assert.Equal((double)HealthPhoto.Length, Convert.ToDouble(health["G"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(HealthPhoto)), health["H"]);
        Assert.Equal("Trạm Y tế xã - 2026-01-26 0900.jpg", health["I"]);
        register.Position = 0;
        var missing = MiniExcel.Query(register, useHeaderRow: false, sheetName: "Chưa gửi").Cast<IDictionary<string, object?>>().Skip(4).ToList();
        Assert.Equal(14, missing.Count);
        Assert.DoesNotContain(missing, r => Equals(r["B"], "Trạm Y tế xã") || Equals(r["B"], "Trường THCS Hoa Thám"));
    }

    [Fact]
    public async Task A_Zalo_picture_that_cannot_be_fetched_leaves_the_confirmation_and_tells_the_office()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 1, 26, 9)));
        await bot.LinkOfficeAsync(Office);
        await bot.LinkOnZaloAsync(HealthOnZalo, "Trạm Y tế xã");
        bot.Zalo.FailNext("photo", 404, times: int.MaxValue);

        var before = bot.Zalo.Sent.Count(m => m.ChatId == HealthOnZalo);
        bot.Zalo.SendPhoto(HealthOnZalo, HealthPhoto, caption: "NOP D1");
        var reply = (await bot.Zalo.WaitForMessagesAsync(m => m.ChatId == HealthOnZalo, before + 1, MessengerBotUnderTest.Patience))[before];
        var warning = await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Office && m.PlainText.StartsWith("⚠️", StringComparison.Ordinal), 1, MessengerBotUnderTest.Patience);

        Assert.Contains("✅ Đã ghi nhận", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Bot chưa tải được tệp đính kèm; việc nộp vẫn được ghi nhận", reply.Text, StringComparison.Ordinal);
        Assert.Equal("⚠️ Không tải được tệp «ảnh.jpg» mà Trạm Y tế xã gửi kèm khi nộp hạn nộp D1. Việc nộp vẫn được ghi nhận; hãy đề nghị đơn vị gửi lại tệp.",
            Assert.Single(warning).PlainText);
        Assert.Equal(3, bot.Zalo.Calls.Count(c => c.Method == "photo"));
        await using var db = bot.OpenStore();
        Assert.Empty(await db.ArchivedFiles.ToListAsync());
        Assert.Equal(Data.Entities.ObligationStatus.Submitted,
            await db.Obligations.Where(o => o.Unit.Name == "Trạm Y tế xã" && o.Target.Number == "D1").Select(o => o.Status).SingleAsync());
        var archive = Path.Combine(bot.DataFolder, "archive");
        Assert.Empty(Directory.Exists(archive) ? Directory.GetFiles(archive, "*", SearchOption.AllDirectories) : []);
    }

    [Theory]
    [InlineData("D9", "Kế hoạch năm 2026 không có mục «D9». Các mục: D1, D2, 1,")]
    [InlineData("quý 1", "«quý 1» không phải một mục của kế hoạch: ghi --item D1 (hạn nộp D1) hoặc --item 3 (nhiệm vụ số 3).")]
    public void Export_of_an_unknown_item_says_so_exits_1_and_writes_nothing(string item, string message)
    {
        using var data = new TempFolder();
        var zip = Path.Combine(data.Path, "out.zip");

        var run = CliRun.With(new Dictionary<string, string?> { ["Data:Folder"] = data.Path }, "archive", "export", "--item", item, "-o", zip, "--now", "2026-01-26T10:00");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.EndsWith("Chưa ghi tệp.\n", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Export_to_a_name_that_is_not_a_zip_says_so_and_writes_nothing()
    {
        using var data = new TempFolder();
        var target = Path.Combine(data.Path, "D1.xlsx");

        var run = CliRun.With(new Dictionary<string, string?> { ["Data:Folder"] = data.Path }, "archive", "export", "--item", "D1", "-o", target, "--now", "2026-01-26T10:00");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("tên phải có đuôi .zip", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }
}
