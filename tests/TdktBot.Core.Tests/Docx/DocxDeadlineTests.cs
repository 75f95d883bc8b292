using static TdktBot.Core.Tests.Docx.DocxImport;
using static TdktBot.Core.Tests.Docx.DocxParts;

namespace TdktBot.Core.Tests.Docx;

/// <summary>Submission deadlines written in the sentences after the plan table.</summary>
public class DocxDeadlineTests
{
    private static DocxBuilder PlanWithTable() => NewPlan()
        .Paragraph("II. NỘI DUNG")
        .Table(
            Header(),
            Row(Cell("QUÝ I").Span(3)),
            Row("1", "Phát động phong trào thi đua năm 2026", "UBND xã"));

    [Fact]
    public void Deadline_sentences_after_the_table_give_deadlines_for_the_groups_they_name()
    {
        var plan = ImportPlan(PlanWithTable()
            .Paragraph("III. TỔ CHỨC THỰC HIỆN")
            .Paragraph("1. Các cơ quan, đơn vị trên địa bàn xã căn cứ Kế hoạch này chủ động xây dựng kế hoạch công tác TĐKT năm 2026 "
                       + "của cơ quan, đơn vị; gửi về UBND xã (qua Phòng Văn hóa - Xã hội) trước ngày **30/01/2026**.")
            .Paragraph("Đối với các đơn vị sự nghiệp giáo dục và đào tạo (mầm non, tiểu học, trung học cơ sở) thuộc xã xây dựng Kế hoạch "
                       + "công tác thi đua, khen thưởng năm học 2026 - 2027 gửi về UBND xã chậm nhất ngày **15/**10/**2026**.")
            .Paragraph("2. Giao Phòng Văn hóa - Xã hội theo dõi, đôn đốc các cơ quan, tổ chức, đơn vị thực hiện kế hoạch./.")
            .Paragraph("Nơi nhận:")
            .Paragraph("- Các cơ quan, đơn vị gửi báo cáo trước ngày 01/12/2026;"));

        Assert.Equal(2, plan.Deadlines.Count);

        var all = plan.Deadlines[0];
        Assert.Equal(new DateOnly(2026, 1, 30), all.Due);
        Assert.Equal(["tat-ca"], all.AppliesTo);
        Assert.Equal(ExampleDirectory.Units.Count, all.Units.Count);
        Assert.StartsWith("Các cơ quan, đơn vị trên địa bàn xã", all.Content, StringComparison.Ordinal);

        var schools = plan.Deadlines[1];
        Assert.Equal(new DateOnly(2026, 10, 15), schools.Due);
        Assert.Equal(["giao-duc"], schools.AppliesTo);
        Assert.Equal(["Trường Mầm non Hoa Thám", "Trường Tiểu học Hoa Thám", "Trường THCS Hoa Thám"], schools.Units);

        Assert.NotEqual(all.Id, schools.Id);
    }

    [Fact]
    public void Two_deadline_sentences_in_one_paragraph_give_two_deadlines()
    {
        var plan = ImportPlan(PlanWithTable()
            .Paragraph("Các cơ quan, đơn vị gửi kế hoạch về UBND xã trước ngày 30/01/2026. Các đơn vị sự nghiệp giáo dục và đào tạo "
                       + "gửi kế hoạch năm học chậm nhất ngày 15/10/2026."));

        Assert.Equal([new DateOnly(2026, 1, 30), new DateOnly(2026, 10, 15)], plan.Deadlines.Select(d => d.Due));
        Assert.Equal(["tat-ca", "giao-duc"], plan.Deadlines.Select(d => Assert.Single(d.AppliesTo)));
    }

    [Fact]
    public void Dates_after_the_table_that_are_not_deadlines_give_none()
    {
        var plan = ImportPlan(PlanWithTable()
            .Paragraph("Căn cứ Kế hoạch số 01/KH-UBND ngày 04/01/2026 của Ủy ban nhân dân tỉnh về công tác thi đua, khen thưởng.")
            .Paragraph("Kế hoạch này có hiệu lực từ ngày ký."));

        Assert.Empty(plan.Deadlines);
    }
}
