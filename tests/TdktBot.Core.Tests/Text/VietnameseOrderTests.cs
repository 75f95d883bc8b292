using TdktBot.Core.Text;

namespace TdktBot.Core.Tests.Text;

public sealed class VietnameseOrderTests
{
    [Fact]
    public void Unit_names_sort_in_the_vietnamese_alphabet_not_in_code_point_order()
    {
        string[] expected =
        [
            "Ban Chỉ huy Quân sự xã",
            "Công an xã",
            "Đảng ủy xã",
            "Hội Cựu chiến binh xã",
            "Hội đồng Thi đua - Khen thưởng xã",
            "Hội Liên hiệp Phụ nữ xã",
            "Hội Nông dân xã",
            "Phòng Văn hóa - Xã hội",
            "Trạm Y tế xã",
            "Trường Mầm non Hoa Thám",
            "Trường THCS Hoa Thám",
            "Trường Tiểu học Hoa Thám",
            "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
            "Ủy ban nhân dân xã Hoa Thám",
            "Ưu tiên",
            "Văn phòng HĐND và UBND xã",
        ];

        Assert.Equal(expected, expected.Reverse().Order(VietnameseOrder.Names));
    }

    [Theory]
    [InlineData("a", "ă")]
    [InlineData("ă", "â")]
    [InlineData("â", "b")]
    [InlineData("d", "đ")]
    [InlineData("đ", "e")]
    [InlineData("e", "ê")]
    [InlineData("o", "ô")]
    [InlineData("ô", "ơ")]
    [InlineData("ơ", "p")]
    [InlineData("u", "ư")]
    [InlineData("ư", "v")]
    [InlineData("ma", "mà")]
    [InlineData("mà", "mb")]
    public void Letters_come_in_alphabet_order_and_a_tone_only_breaks_a_tie(string first, string second)
    {
        Assert.True(VietnameseOrder.Names.Compare(first, second) < 0, $"«{first}» should come before «{second}»");
    }
}
