using TdktBot.Core.Plans;

namespace TdktBot.Core.Tests.Plans;

public sealed class DueDateFinderTests
{
    [Theory]
    [InlineData("gửi về UBND xã trước ngày 30/01/2026.", "2026-01-30")]
    [InlineData("chậm nhất ngày 15/10/2026", "2026-10-15")]
    [InlineData("Hoàn thành ngày 20 tháng 12 năm 2027", "2027-12-20")]
    [InlineData("Tổ chức trong tháng 6/2027", "2027-06-30")]
    [InlineData("trong tháng 2 năm 2028", "2028-02-29")]
    [InlineData("15/3/2027", "2027-03-15")]
    [InlineData("Truoc ngay 5-4-2026", "2026-04-05")]
    [InlineData("trước ngày 30/01", "2026-01-30")]
    [InlineData("Trong tháng 9", "2026-09-30")]
    public void Reads_the_due_date(string text, string expected)
    {
        var due = DueDateFinder.PickDue(DueDateFinder.Find(text, 2026));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due?.Date);
    }

    [Theory]
    [InlineData("Báo cáo sơ kết công tác TĐKT 6 tháng đầu năm 2026")]
    [InlineData("năm học 2025 - 2026")]
    [InlineData("năm học 2025 -2026.")]
    [InlineData("Căn cứ Kế hoạch số 01/KH-UBND ngày 04/01/2026 của UBND tỉnh")]
    public void Sees_no_due_date_where_there_is_none(string text)
    {
        Assert.Null(DueDateFinder.PickDue(DueDateFinder.Find(text, 2026)));
    }

    [Fact]
    public void Prefers_the_date_behind_a_deadline_word()
    {
        var due = DueDateFinder.PickDue(DueDateFinder.Find("Hội nghị ngày 10/01/2026, gửi báo cáo trước ngày 20/01/2026", 2026));

        Assert.Equal(new DateOnly(2026, 1, 20), due?.Date);
    }

    [Fact]
    public void Flags_an_impossible_date()
    {
        var mention = Assert.Single(DueDateFinder.Find("trước ngày 31/02/2026", 2026));

        Assert.Null(mention.Date);
        Assert.Contains("31/02/2026", mention.Error, StringComparison.Ordinal);
        Assert.Contains("28 ngày", mention.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tháng 3", "2026-03-31")]
    [InlineData("Quý II", "2026-06-30")]
    [InlineData("15/3", "2026-03-15")]
    public void Reads_short_forms_in_a_time_column(string text, string expected)
    {
        var due = DueDateFinder.PickDue(DueDateFinder.Find(text, 2026, isTimeColumn: true));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due?.Date);
    }
}
