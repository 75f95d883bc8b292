using System.Text.RegularExpressions;

namespace TdktBot.Tests.EndToEnd;

/// <summary>A linked unit asks about its work in plain Vietnamese on Telegram and reads the answer as Telegram shows it.</summary>
[Collection(OneAtATime.Name)]
public sealed partial class QuestionTests
{
    private const long School = 3001;

    [Fact]
    public async Task This_quarter_in_April_lists_the_second_quarter_tasks_due_on_tuesday_30_june_as_valid_telegram_html()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 4, 10, 9)));
        await bot.LinkAsync(School, "Trường THCS Hoa Thám");

        var answer = await bot.SayAsync(School, "quý này có việc gì");

        var lines = answer.PlainText.Split('\n');
        Assert.Equal("Quý II/2026: các việc và hạn nộp", lines[0]);
        Assert.Equal(["7", "8", "9", "10", "12"], lines.Select(l => Item().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value));
        Assert.Equal(5, lines.Count(l => l.Contains("Hạn: Thứ Ba, 30/06/2026", StringComparison.Ordinal)));
        // Each line says where the asking unit stands: the school owes the conference (9) and its school-year review (12) only.
        Assert.Equal(2, lines.Count(l => l.EndsWith(" · đơn vị chưa nộp", StringComparison.Ordinal)));
        Assert.Equal(3, lines.Count(l => l.EndsWith(" · đơn vị không phải thực hiện", StringComparison.Ordinal)));
        Assert.Contains("• Nhiệm vụ 12: Chỉ đạo đôn đốc các đơn vị sự nghiệp Giáo dục và Đào tạo", answer.PlainText, StringComparison.Ordinal);

        // The fake parses the HTML as Telegram does and refuses what Telegram would refuse; it was sent as HTML and accepted.
        Assert.Equal("HTML", answer.ParseMode);
        Assert.Empty(bot.Fake.Refused);
    }

    [GeneratedRegex(@"^• Nhiệm vụ (\d+): ")]
    private static partial Regex Item();
}
