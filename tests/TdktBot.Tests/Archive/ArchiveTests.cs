using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TdktBot.Tests.EndToEnd;

namespace TdktBot.Tests.Archive;

/// <summary>
/// A file sent with a confirmation on Telegram is downloaded through the real Telegram.Bot client (getFile, then the
/// file's address at the fake), kept under the data folder's archive/ and registered; a hostile name stays a name; a
/// download that keeps failing leaves the confirmation and tells the office to ask for the file again.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class ArchiveTests
{
    private const long Office = 5201;
    private const long School = 6201;
    private const long Health = 6202;

    [Fact]
    public async Task A_document_sent_with_a_confirmation_is_kept_and_registered_and_a_hostile_name_stays_inside()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 1, 26, 9)));
        await bot.LinkOfficeAsync(Office);
        await bot.LinkAsync(School, "Trường THCS Hoa Thám");
        await bot.LinkAsync(Health, "Trạm Y tế xã");
        var content = Encoding.UTF8.GetBytes("%PDF kế hoạch có chữ ký");

        var before = bot.Fake.Sent.Count(m => m.ChatId == School);
        bot.Fake.SendDocument(School, "ke-hoach-2026.pdf", content, caption: "NOP D1");
        var reply = (await bot.Fake.WaitForMessagesAsync(m => m.ChatId == School, before + 1, MessengerBotUnderTest.Patience))[before];
        var hostileBefore = bot.Fake.Sent.Count(m => m.ChatId == Health);
        bot.Fake.SendDocument(Health, "../../..\u202Efdp.exe", [1, 2, 3], caption: "NOP D1");
        var hostileReply = (await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Health, hostileBefore + 1, MessengerBotUnderTest.Patience))[hostileBefore];

        Assert.Contains("✅ Đã ghi nhận", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("📎 Đã lưu tệp vào hồ sơ hạn nộp D1: Trường THCS Hoa Thám - 2026-01-26 0900.pdf.", reply.PlainText, StringComparison.Ordinal);
        var archive = Path.Combine(bot.DataFolder, "archive");
        var kept = Path.Combine(archive, "2026", "D1", "Trường THCS Hoa Thám - 2026-01-26 0900.pdf");
        Assert.Equal(content, await File.ReadAllBytesAsync(kept));
        await using (var db = bot.OpenStore())
        {
            var files = await db.ArchivedFiles.Include(f => f.Unit).Include(f => f.Target).OrderBy(f => f.Id).ToListAsync();
            Assert.Equal(2, files.Count);
            var school = files[0];
            Assert.Equal(("Trường THCS Hoa Thám", "D1", "2026/D1/Trường THCS Hoa Thám - 2026-01-26 0900.pdf", false, "ke-hoach-2026.pdf", (long)content.Length),
                (school.Unit.Name, school.Target.Number, school.Path, school.Late, school.OriginalName, school.Size));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), school.Sha256);
            Assert.Contains("Trường THCS Hoa Thám", school.SentBy, StringComparison.Ordinal);

            // The sender's name is kept as text; the file is named by the unit and the time, with no executable extension.
            var health = files[1];
            Assert.Equal("2026/D1/Trạm Y tế xã - 2026-01-26 0900.bin", health.Path);
            Assert.Equal("../../..\u202Efdp.exe", health.OriginalName);
        }

        Assert.Contains("Trạm Y tế xã - 2026-01-26 0900.bin", hostileReply.PlainText, StringComparison.Ordinal);

        // The report names the archived file of each unit that sent one.
        await bot.SayAsync(Office, "/baocao D1");
        var report = (await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Office && m.Method == "sendDocument" && m.Document!.FileName.StartsWith("baocao", StringComparison.Ordinal), 1, MessengerBotUnderTest.Patience))[0];
        using (var xlsx = new MemoryStream(report.Document!.Content.ToArray()))
        {
            var rows = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: false, sheetName: "Chi tiết").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal("2026/D1/Trường THCS Hoa Thám - 2026-01-26 0900.pdf", rows.Single(r => Equals(r["B"], "Trường THCS Hoa Thám"))["M"]);
            Assert.Null(rows.Single(r => Equals(r["B"], "Công an xã"))["M"]);
        }
        Assert.Equal([Path.Combine(archive, "2026")], Directory.GetDirectories(archive));
        Assert.Equal(2, Directory.GetFiles(archive, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused_politely_before_it_is_downloaded_and_the_confirmation_stands()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 1, 26, 9)));
        await bot.LinkAsync(School, "Trường THCS Hoa Thám");

        var before = bot.Fake.Sent.Count(m => m.ChatId == School);
        bot.Fake.SendDocument(School, "ho-so-day-du.pdf", new byte[21 * 1024 * 1024], caption: "NOP D1");
        var reply = (await bot.Fake.WaitForMessagesAsync(m => m.ChatId == School, before + 1, MessengerBotUnderTest.Patience))[before];

        Assert.Contains("✅ Đã ghi nhận", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("📎 Tệp nặng 21 MB, quá 20 MB nên bot không lưu được; việc nộp vẫn được ghi nhận.", reply.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Fake.Calls, c => c.Method == "file");
        Assert.False(Directory.Exists(Path.Combine(bot.DataFolder, "archive", "2026")));
        await using var db = bot.OpenStore();
        Assert.Empty(await db.ArchivedFiles.ToListAsync());
    }

    [Fact]
    public async Task A_download_that_keeps_failing_leaves_the_confirmation_and_tells_the_office()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 1, 26, 9)));
        await bot.LinkOfficeAsync(Office);
        await bot.LinkAsync(School, "Trường THCS Hoa Thám");
        bot.Fake.FailNext("getFile", 500, times: 10);

        var before = bot.Fake.Sent.Count(m => m.ChatId == School);
        bot.Fake.SendDocument(School, "ke-hoach.pdf", [1, 2, 3], caption: "NOP D1");
        var reply = (await bot.Fake.WaitForMessagesAsync(m => m.ChatId == School, before + 1, MessengerBotUnderTest.Patience))[before];
        var warning = await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Office && m.PlainText.StartsWith("⚠️", StringComparison.Ordinal), 1, MessengerBotUnderTest.Patience);

        Assert.Contains("✅ Đã ghi nhận", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("Bot chưa tải được tệp đính kèm; việc nộp vẫn được ghi nhận", reply.PlainText, StringComparison.Ordinal);
        Assert.Equal("⚠️ Không tải được tệp «ke-hoach.pdf» mà Trường THCS Hoa Thám gửi kèm khi nộp hạn nộp D1. Việc nộp vẫn được ghi nhận; hãy đề nghị đơn vị gửi lại tệp.",
            Assert.Single(warning).PlainText);
        await using var db = bot.OpenStore();
        Assert.Empty(await db.ArchivedFiles.ToListAsync());
        Assert.Equal(Data.Entities.ObligationStatus.Submitted,
            await db.Obligations.Where(o => o.Unit.Name == "Trường THCS Hoa Thám" && o.Target.Number == "D1").Select(o => o.Status).SingleAsync());
        Assert.Equal(3, bot.Fake.Calls.Count(c => c.Method == "getFile"));
    }
}
