using TdktBot.Core.Importing;
using TdktBot.Core.Plans;
using TdktBot.Core.Tests.Docx;
using TdktBot.Core.Units;
using static TdktBot.Core.Tests.Docx.DocxParts;

namespace TdktBot.Core.Tests.Importing;

/// <summary>
/// A plan written with another ward's habits, in Word and as its text export: quarter and month headings alone on
/// their line, columns named otherwise, the Front beside the mass organisations, and a deadline sentence that names
/// the agencies, the Front and the organisations together. Nothing in the importer was written for this plan.
/// </summary>
public sealed class OtherWardPlanTests
{
    private const string UnitsFile = """
        commune: An Bình
        groups:
          - id: doan-the
            name: Các đoàn thể chính trị - xã hội
            phrases: [Các đoàn thể, Các tổ chức chính trị - xã hội]
          - id: truong-hoc
            name: Các trường học
            phrases: [Các trường học, Các trường]
        units:
          - name: Ủy ban nhân dân phường An Bình
            aliases: [UBND phường]
          - name: Văn phòng HĐND và UBND phường
            office: true
          - name: Phòng Văn hóa - Xã hội
          - name: Phòng Kinh tế, Hạ tầng và Đô thị
          - name: Ủy ban Mặt trận Tổ quốc Việt Nam phường
            aliases: [Mặt trận Tổ quốc phường, MTTQ phường]
          - name: Đoàn Thanh niên phường
            groups: [doan-the]
          - name: Hội Liên hiệp Phụ nữ phường
            aliases: [Hội Phụ nữ phường]
            groups: [doan-the]
          - name: Hội Cựu chiến binh phường
            groups: [doan-the]
          - name: Hội Nông dân phường
            groups: [doan-the]
          - name: Công an phường
          - name: Ban Chỉ huy Quân sự phường
          - name: Trạm Y tế phường
          - name: Trường Mầm non An Bình
            groups: [truong-hoc]
          - name: Trường Tiểu học An Bình
            groups: [truong-hoc]
        """;

    private static readonly string[] Head =
    [
        "ỦY BAN NHÂN DÂN", "PHƯỜNG AN BÌNH", "Số: 15/KH-UBND", "An Bình, ngày 10 tháng 01 năm 2026",
        "KẾ HOẠCH", "Thi đua, khen thưởng năm 2026", "I. NỘI DUNG",
    ];

    private static readonly string[] Columns = ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian hoàn thành"];

    /// <summary>The table's rows: a heading alone, or the four cells of a task.</summary>
    private static readonly string[][] Table =
    [
        ["Quý I"],
        ["1", "Ban hành Kế hoạch thi đua, khen thưởng năm 2026", "Văn phòng HĐND và UBND phường", "Trước ngày 20/01/2026"],
        ["2", "Phát động phong trào thi đua năm 2026", "Các cơ quan, đơn vị, MTTQ và các đoàn thể phường", ""],
        ["QUÝ II"],
        ["3", "Sơ kết công tác thi đua 6 tháng đầu năm", "UBND phường; Phòng Văn hóa - Xã hội", ""],
        ["Tháng 6"],
        ["4", "Tổ chức Tháng hành động vì trẻ em", "Hội Phụ nữ phường, Đoàn Thanh niên phường", ""],
        ["QUÝ III"],
        ["5", "Biểu dương điển hình tiên tiến trong các phong trào thi đua", "Mặt trận Tổ quốc và các đoàn thể phường", ""],
        ["Quý IV"],
        ["6", "Tổng kết công tác thi đua, khen thưởng năm 2026", "Các trường học, Trạm Y tế phường", "Trước ngày 15/12/2026"],
    ];

    private static readonly string[] Tail =
    [
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Các cơ quan, đơn vị, Mặt trận Tổ quốc và các đoàn thể phường đăng ký danh hiệu thi đua năm 2026, gửi về UBND phường "
        + "(qua Văn phòng HĐND và UBND phường) trước ngày 27/02/2026.",
        "2. Các đoàn thể phường gửi báo cáo tổng kết phong trào thi đua về Văn phòng HĐND và UBND phường trước ngày 30/11/2026.",
        "3. Các trường học và Trạm Y tế phường gửi danh sách đề nghị khen thưởng về Văn phòng HĐND và UBND phường trước ngày 10/12/2026.",
        "Nơi nhận:",
        "- Như trên;",
    ];

    private static readonly Lazy<UnitDirectory> Directory = new(() =>
    {
        var result = UnitDirectoryFile.Read(new StringReader(UnitsFile), "don-vi-an-binh.yaml");
        Assert.False(result.HasErrors, string.Join('\n', result.Problems));
        return result.Directory!;
    });

    [Fact]
    public void The_Word_document_and_its_text_export_give_the_same_plan()
    {
        var fromWord = FromWord();
        var fromText = FromText();

        Assert.Equal(fromWord.Tasks, fromText.Tasks, PlanEquality.Task);
        Assert.Equal(fromWord.Deadlines, fromText.Deadlines, PlanEquality.Deadline);
    }

    [Fact]
    public void Headings_alone_on_their_line_set_the_quarter_and_the_derived_due_date()
    {
        var plan = FromText();

        Assert.Equal([1, 1, 2, 2, 3, 4], plan.Tasks.Select(t => t.Quarter));
        Assert.Equal(
            [Day(1, 20), Day(3, 31), Day(6, 30), Day(6, 30), Day(9, 30), Day(12, 15)],
            plan.Tasks.Select(t => t.Due));
    }

    [Fact]
    public void The_deadline_naming_agencies_the_Front_and_the_organisations_together_applies_to_every_unit()
    {
        var all = FromText().Deadlines[0];

        Assert.Equal(new DateOnly(2026, 2, 27), all.Due);
        Assert.Equal([UnitDirectory.AllUnitsGroupId], all.AppliesTo);
        Assert.Equal(Directory.Value.Units.Select(u => u.Name), all.Units);
    }

    [Fact]
    public void A_deadline_for_the_organisations_alone_applies_to_them_alone()
    {
        var organisations = FromText().Deadlines[1];

        Assert.Equal(["doan-the"], organisations.AppliesTo);
        Assert.Equal(["Đoàn Thanh niên phường", "Hội Liên hiệp Phụ nữ phường", "Hội Cựu chiến binh phường", "Hội Nông dân phường"], organisations.Units);
    }

    [Fact]
    public void A_deadline_naming_a_group_and_a_unit_owes_to_both_and_not_to_where_it_is_sent()
    {
        var schoolsAndClinic = FromText().Deadlines[2];

        Assert.Equal(new DateOnly(2026, 12, 10), schoolsAndClinic.Due);
        Assert.Equal(["Trường Mầm non An Bình", "Trường Tiểu học An Bình", "Trạm Y tế phường"], schoolsAndClinic.Units);
        Assert.Contains("Trạm Y tế phường", schoolsAndClinic.AppliesTo);
    }

    [Fact]
    public void A_cell_naming_a_collective_phrase_and_more_bodies_owes_to_all_they_name()
    {
        var plan = FromText();

        Assert.Equal(Directory.Value.Units.Select(u => u.Name), Units(plan, "2"));
        Assert.Equal(
            ["Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Đoàn Thanh niên phường", "Hội Liên hiệp Phụ nữ phường", "Hội Cựu chiến binh phường", "Hội Nông dân phường"],
            Units(plan, "5"));
        Assert.Equal(["Trường Mầm non An Bình", "Trường Tiểu học An Bình", "Trạm Y tế phường"], Units(plan, "6"));
    }

    private static IReadOnlyList<string> Units(Plan plan, string number) => Assert.Single(plan.Tasks, t => t.Number == number).Units;

    private static Plan FromText()
    {
        var rows = Table.Select(cells => string.Join('\t', cells));
        var text = string.Join('\n', [.. Head, string.Join('\t', Columns), .. rows, .. Tail]);
        return Checked(PlanInterpreter.Interpret(TextPlanReader.Read(new StringReader(text), "ke-hoach-an-binh.txt"), Directory.Value));
    }

    private static Plan FromWord()
    {
        var document = new DocxBuilder();
        Head.ToList().ForEach(line => document.Paragraph(line));
        document.Table([
            Row([.. Columns.Select(DocxCell.Text)]),
            .. Table.Select(cells => cells.Length == 1 ? Row(Cell(cells[0]).Span(Columns.Length)) : Row([.. cells.Select(DocxCell.Text)])),
        ]);
        Tail.ToList().ForEach(line => document.Paragraph(line));
        using var stream = document.ToStream();
        return Checked(PlanInterpreter.Interpret(DocxPlanReader.Read(stream, "ke-hoach-an-binh.docx"), Directory.Value));
    }

    private static Plan Checked(PlanResult result)
    {
        Assert.False(result.HasErrors, string.Join('\n', result.Problems));
        Assert.Empty(result.Problems);
        return result.Plan!;
    }

    private static DateOnly Day(int month, int day) => new(2026, month, day);
}
