namespace TdktBot.Tests.Cli;

/// <summary><c>chat --as</c>: a scripted conversation through standard input and output.</summary>
public sealed class ChatCommandTests
{
    [Fact]
    public void A_script_of_questions_and_a_confirmation_gets_one_answer_each()
    {
        using var folder = new TempFolder();
        var run = CliRun.WithInput(new Dictionary<string, string?> { ["Data:Folder"] = folder.Path },
            "quy nay co viec gi\nNOP D1\ndon vi toi con viec gi\n",
            "chat", "--as", "THCS Hoa Thám", "--now", "2026-04-10T09:00");

        Assert.True(run.ExitCode == 0, run.Error);
        var answers = run.Output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, answers.Length);
        Assert.StartsWith("Quý II/2026", answers[0], StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận: đơn vị đã nộp hạn nộp D1", answers[1], StringComparison.Ordinal);
        Assert.StartsWith("Trường THCS Hoa Thám còn các việc sau chưa nộp:", answers[2], StringComparison.Ordinal);
        Assert.Contains("▸ ✅ Đã nộp D2: gõ «NOP D2»", answers[2], StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_acts_with_the_role_it_was_given_even_for_the_office_unit()
    {
        using var folder = new TempFolder();
        var settings = new Dictionary<string, string?> { ["Data:Folder"] = folder.Path };

        var staff = CliRun.WithInput(settings, "/moi Trạm Y tế xã office\nNOP D1\n",
            "chat", "--as", "Phòng Văn hóa - Xã hội", "--role", "staff", "--now", "2026-01-20T09:00");
        var office = CliRun.WithInput(settings, "/moi Trạm Y tế xã office\n",
            "chat", "--as", "Phòng Văn hóa - Xã hội", "--now", "2026-01-20T09:00");

        Assert.True(staff.ExitCode == 0, staff.Error);
        var refused = staff.Output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([Core.Conversations.ReplyTexts.OfficeOnly, Core.Conversations.ReplyTexts.HeadOnly], refused.Select(a => a.TrimEnd()));
        Assert.True(office.ExitCode == 0, office.Error);
        Assert.StartsWith("Mã mời cho Trạm Y tế xã (Phòng theo dõi kế hoạch):", office.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_unit_is_named_with_the_list_to_choose_from()
    {
        using var folder = new TempFolder();
        var run = CliRun.WithInput(new Dictionary<string, string?> { ["Data:Folder"] = folder.Path }, string.Empty,
            "chat", "--as", "Trường Đại học Bách khoa");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Không tìm thấy đơn vị «Trường Đại học Bách khoa»", run.Error, StringComparison.Ordinal);
        Assert.Contains("Trạm Y tế xã", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_role_is_a_usage_error()
    {
        var run = CliRun.Of("chat", "--as", "Trạm Y tế xã", "--role", "boss");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--role chỉ nhận head, staff hoặc office", run.Error, StringComparison.Ordinal);
    }
}
