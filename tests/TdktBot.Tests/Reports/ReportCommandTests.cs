using MiniExcelLibs;
using TdktBot.Tests.Cli;
using TdktBot.Tests.Worker;

namespace TdktBot.Tests.Reports;

/// <summary>
/// <c>report</c> on the seed plan after a scripted stretch of the year: one school on time (returned once, then sent
/// again), the kindergarten on time and accepted, the health station late, the others never. The workbook is read back
/// with MiniExcel, not with the OpenXml SDK that wrote it.
/// </summary>
public sealed class ReportCommandTests : IDisposable
{
    private const string Office = "Phòng Văn hóa - Xã hội";
    private readonly PlanFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private void Say(string unit, string at, string text)
    {
        var run = CliRun.WithInput(_folder.Settings(), text + "\n", "chat", "--as", unit, "--now", at);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("Không", run.Output.Split('\n')[0], StringComparison.Ordinal);
    }

    private string Script()
    {
        Say("THCS Hoa Thám", "2026-01-20T09:00", "NOP D1");
        Say(Office, "2026-01-21T10:00", "/tralai THCS Hoa Thám D1 thiếu chữ ký");
        Say("THCS Hoa Thám", "2026-01-22T15:30", "NOP D1");
        Say("Trường Mầm non Hoa Thám", "2026-01-26T08:15", "NOP D1");
        Say(Office, "2026-01-27T10:00", "/tiepnhan Mầm non D1");
        Say("Trạm Y tế xã", "2026-02-03T16:00", "NOP D1");
        return Path.Combine(_folder.Folder, "d1.xlsx");
    }

    [Fact]
    public void The_summary_has_every_unit_in_its_four_states_with_accepted_and_returned_and_a_total()
    {
        var target = Script();

        var run = CliRun.With(_folder.Settings(), "report", "--item", "D1", "-o", target, "--now", "2026-02-10T09:00");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"Đã ghi «{target}»: 16 đơn vị, 16 mục; hoàn thành đúng hạn 2, quá hạn 1; chưa hoàn thành trong hạn 0, quá hạn 13.\n", run.Output);
        var rows = Sheet(target, "Tổng hợp");
        Assert.Equal("BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾ HOẠCH CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2026", rows[0][0]);
        Assert.Equal("Xã Hoa Thám · phạm vi: mục D1", rows[1][0]);
        Assert.Equal("Tính đến ngày 10/02/2026", rows[2][0]);
        Assert.Equal(["STT", "Đơn vị", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Chưa hoàn thành, trong hạn", "Chưa hoàn thành, quá hạn", "Tổng số", "Đã tiếp nhận", "Trả lại"],
            rows[3]);

        // Vietnamese alphabetical order: «Đ» after «D», «Ủ» after «U», «Tr» after «Th».
        string[] units =
        [
            "Ban Chỉ huy Quân sự xã", "Công an xã", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "Hội Cựu chiến binh xã", "Hội đồng Thi đua - Khen thưởng xã",
            "Hội Liên hiệp Phụ nữ xã", "Hội Nông dân xã", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã", "Trường Mầm non Hoa Thám",
            "Trường THCS Hoa Thám", "Trường Tiểu học Hoa Thám", "Ủy ban MTTQ Việt Nam xã", "Ủy ban nhân dân xã Hoa Thám", "Văn phòng HĐND và UBND xã",
        ];
        Assert.Equal(units.Length + 5, rows.Count);
        for (var i = 0; i < units.Length; i++)
        {
            var expected = units[i] switch
            {
                "Trường THCS Hoa Thám" => new[] { 1, 0, 0, 0, 1, 0, 1 },
                "Trường Mầm non Hoa Thám" => [1, 0, 0, 0, 1, 1, 0],
                "Trạm Y tế xã" => [0, 1, 0, 0, 1, 0, 0],
                _ => [0, 0, 0, 1, 1, 0, 0],
            };
            Assert.Equal([(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), units[i], .. expected.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                rows[4 + i]);
        }

        Assert.Equal(["", "Tổng cộng", "2", "1", "0", "13", "16", "1", "1"], rows[^1]);
    }

    [Fact]
    public void The_detail_has_real_dates_the_state_in_words_and_who_reviewed_when()
    {
        var target = Script();
        Assert.Equal(0, CliRun.With(_folder.Settings(), "report", "--item", "D1", "-o", target, "--now", "2026-02-10T09:00").ExitCode);

        var detail = MiniExcel.Query(target, useHeaderRow: false, sheetName: "Chi tiết").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["STT", "Đơn vị", "Mục", "Nội dung", "Hạn", "Tình trạng", "Ngày nộp", "Số ngày làm việc trễ", "Ghi chú", "Tiếp nhận / trả lại", "Người xử lý", "Thời điểm xử lý", "Tệp lưu trữ"],
            detail[3].Values.Select(v => v?.ToString()));
        var school = detail.Single(r => Equals(r["B"], "Trường THCS Hoa Thám"));
        Assert.Equal(("D1", new DateTime(2026, 1, 30), "Hoàn thành đúng hạn", new DateTime(2026, 1, 22, 15, 30, 0), 0.0),
            ((string?)school["C"], AsDate(school["E"]), (string?)school["F"], AsDate(school["G"]), Convert.ToDouble(school["H"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(("Lý do trả lại: thiếu chữ ký", "Trả lại", new DateTime(2026, 1, 21, 10, 0, 0)), ((string?)school["I"], (string?)school["J"], AsDate(school["L"])));
        Assert.Contains(Office, (string?)school["K"], StringComparison.Ordinal);

        var health = detail.Single(r => Equals(r["B"], "Trạm Y tế xã"));
        Assert.Equal(("Hoàn thành quá hạn", 2.0), ((string?)health["F"], Convert.ToDouble(health["H"], System.Globalization.CultureInfo.InvariantCulture)));
        var kindergarten = detail.Single(r => Equals(r["B"], "Trường Mầm non Hoa Thám"));
        Assert.Equal(("Đã tiếp nhận", new DateTime(2026, 1, 27, 10, 0, 0)), ((string?)kindergarten["J"], AsDate(kindergarten["L"])));

        // Police never sent it: overdue by the working days since Friday 30/01 (02/02 to 10/02: seven).
        var police = detail.Single(r => Equals(r["B"], "Công an xã"));
        Assert.Equal(("Chưa hoàn thành, quá hạn", 7.0, ""), ((string?)police["F"], Convert.ToDouble(police["H"], System.Globalization.CultureInfo.InvariantCulture), police["G"]?.ToString() ?? ""));
    }

    [Theory]
    [InlineData("--item", "D9", "Kế hoạch năm 2026 không có mục «D9»")]
    [InlineData("--quarter", "5", "--quarter")]
    public void Bad_input_says_what_is_wrong_and_writes_nothing(string option, string value, string expected)
    {
        var target = Path.Combine(_folder.Folder, "x.xlsx");

        var run = CliRun.With(_folder.Settings(), "report", option, value, "-o", target, "--now", "2026-02-10T09:00");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(_folder.Folder, "*.tmp-*"));
    }

    /// <summary>Each row's cells as text, empty cells as "", read by MiniExcel.</summary>
    private static List<string[]> Sheet(string path, string name) =>
        [.. MiniExcel.Query(path, useHeaderRow: false, sheetName: name).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? string.Empty).Reverse().SkipWhile(v => v.Length == 0).Reverse().ToArray())];

    private static DateTime AsDate(object? cell) => cell switch
    {
        DateTime d => d,
        double oa => DateTime.FromOADate(oa),
        string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var oa) => DateTime.FromOADate(oa),
        _ => throw new InvalidDataException($"not a date: {cell}"),
    };
}
