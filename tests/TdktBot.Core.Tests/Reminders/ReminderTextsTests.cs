using TdktBot.Core.Plans;
using TdktBot.Core.Reminders;
using static TdktBot.Core.Tests.Calendar.Calendars;

namespace TdktBot.Core.Tests.Reminders;

public sealed class ReminderTextsTests
{
    private static readonly ReminderSubject Task2 = new(
        ReminderSubject.TaskKind, "2", "Xây dựng Kế hoạch công tác thi đua, khen thưởng năm 2026", D(2026, 1, 30));

    private static readonly ReminderSubject DeadlineD1 = new(
        ReminderSubject.DeadlineKind, "D1", "Báo cáo sơ kết 6 tháng đầu năm", D(2026, 1, 31));

    [Theory]
    [InlineData(2026, 1, 23, "còn 7 ngày")]
    [InlineData(2026, 1, 27, "còn 3 ngày")]
    [InlineData(2026, 1, 28, "còn 2 ngày")]
    [InlineData(2026, 1, 29, "ngày mai là hạn cuối")]
    [InlineData(2026, 1, 30, "hạn cuối là hôm nay")]
    [InlineData(2026, 1, 31, "quá hạn 1 ngày")]
    [InlineData(2026, 2, 1, "quá hạn 2 ngày")]
    [InlineData(2025, 1, 30, "còn 365 ngày")]
    public void Tells_the_time_left_in_days(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, ReminderTexts.TimeLeft(D(2026, 1, 30), D(year, month, day)));
    }

    [Fact]
    public void Before_the_due_date_the_reminder_is_polite_and_tells_how_to_confirm()
    {
        var text = ReminderTexts.UnitReminder("Phòng Văn hóa - Xã hội", Task2, D(2026, 1, 23), "before-7d");

        Assert.Equal(
            """
            Kính gửi Phòng Văn hóa - Xã hội,
            Xin nhắc việc sắp đến hạn:
            Nhiệm vụ số 2: Xây dựng Kế hoạch công tác thi đua, khen thưởng năm 2026
            Hạn: Thứ Sáu, 30/01/2026 (còn 7 ngày).
            Khi đã hoàn thành, vui lòng xác nhận với bot: NOP 2
            Trân trọng cảm ơn!
            """,
            text);
    }

    [Fact]
    public void The_time_left_counts_from_the_day_it_is_sent_not_from_the_step()
    {
        // 3 days before, sent on its day, and a merged slot moved from a weekend.
        Assert.Contains("Hạn: Thứ Sáu, 30/01/2026 (còn 3 ngày).",
            ReminderTexts.UnitReminder("Công an xã", Task2, D(2026, 1, 27), "before-3d"), StringComparison.Ordinal);
        Assert.Contains("Hạn: Thứ Hai, 09/03/2026 (còn 3 ngày).",
            ReminderTexts.UnitReminder("Công an xã", Task2 with { Due = D(2026, 3, 9) }, D(2026, 3, 6), "before-1d"),
            StringComparison.Ordinal);
        Assert.Contains("Xin nhắc việc đến hạn:\nNhiệm vụ số 2",
            ReminderTexts.UnitReminder("Công an xã", Task2, D(2026, 1, 30), "due-day"), StringComparison.Ordinal);
        Assert.Contains("(hạn cuối là hôm nay)",
            ReminderTexts.UnitReminder("Công an xã", Task2, D(2026, 1, 30), "due-day"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_names_its_content_and_is_confirmed_by_its_id()
    {
        var text = ReminderTexts.UnitReminder("Công an xã", DeadlineD1, D(2026, 1, 28), "before-3d");

        Assert.Equal(
            """
            Kính gửi Công an xã,
            Xin nhắc việc sắp đến hạn:
            Hạn nộp: Báo cáo sơ kết 6 tháng đầu năm
            Hạn: Thứ Bảy, 31/01/2026 (còn 3 ngày).
            Khi đã nộp, vui lòng xác nhận với bot: NOP D1
            Trân trọng cảm ơn!
            """,
            text);
    }

    [Fact]
    public void A_due_date_on_a_day_off_is_not_called_overdue_before_the_next_working_day_ends()
    {
        var text = ReminderTexts.UnitReminder("Công an xã", DeadlineD1, D(2026, 2, 2), "due-day");

        Assert.Contains("Hạn: Thứ Bảy, 31/01/2026 (ngày nghỉ, nên được tính đến hết ngày làm việc tiếp theo).",
            text, StringComparison.Ordinal);
        Assert.DoesNotContain("quá hạn", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Overdue_reminders_are_firmer()
    {
        var text = ReminderTexts.UnitReminder("Phòng Văn hóa - Xã hội", Task2, D(2026, 2, 4), "overdue-3wd");

        Assert.Equal(
            """
            Kính gửi Phòng Văn hóa - Xã hội,
            Việc sau đã quá hạn 5 ngày mà bot chưa nhận được xác nhận của đơn vị:
            Nhiệm vụ số 2: Xây dựng Kế hoạch công tác thi đua, khen thưởng năm 2026
            Hạn: Thứ Sáu, 30/01/2026.
            Đề nghị đơn vị khẩn trương hoàn thành và xác nhận với bot: NOP 2
            Nếu đã hoàn thành, xin xác nhận ngay để bot ngừng nhắc.
            """,
            text);
        Assert.Contains("khẩn trương nộp và xác nhận với bot: NOP D1",
            ReminderTexts.UnitReminder("Công an xã", DeadlineD1, D(2026, 2, 3), "overdue-1wd"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("escalation", 2026, 2, 2)]
    [InlineData("weekly-digest", 2026, 2, 2)]
    [InlineData("overdue-1wd", 2026, 1, 30)]
    public void Refuses_a_step_that_is_no_reminder_to_a_unit_on_that_day(string step, int year, int month, int day)
    {
        var error = Assert.Throws<ArgumentException>(() => ReminderTexts.UnitReminder("Công an xã", Task2, D(year, month, day), step));

        Assert.Equal("step", error.ParamName);
    }

    [Fact]
    public void Refuses_an_unknown_kind_of_subject()
    {
        Assert.Throws<ArgumentException>(() =>
            ReminderTexts.UnitReminder("Công an xã", Task2 with { Kind = "meeting" }, D(2026, 1, 23), "before-7d"));
    }

    [Fact]
    public void Escalation_lists_the_late_units_one_per_line_with_their_count()
    {
        var text = ReminderTexts.Escalation(Task2, ["Phòng Văn hóa - Xã hội", "Công an xã"], D(2026, 2, 2));

        Assert.Equal(
            """
            Báo cáo trễ hạn
            Nhiệm vụ số 2: Xây dựng Kế hoạch công tác thi đua, khen thưởng năm 2026
            Hạn: Thứ Sáu, 30/01/2026 (quá hạn 3 ngày).
            2 đơn vị chưa xác nhận đã hoàn thành:
            - Phòng Văn hóa - Xã hội
            - Công an xã
            Đề nghị đôn đốc các đơn vị trên.
            """,
            text);
        Assert.Contains("1 đơn vị chưa xác nhận đã nộp:\n- Công an xã\n",
            ReminderTexts.Escalation(DeadlineD1, ["Công an xã"], D(2026, 2, 3)), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ReminderTexts.Escalation(Task2, [], D(2026, 2, 2)));
    }

    [Fact]
    public void The_digest_lists_what_falls_due_then_who_is_late()
    {
        var late = new LateItem(Task2 with { Number = "1", Due = D(2026, 1, 20) }, ["Công an xã", "Trường THCS Hoa Thám"]);
        var nobodyLate = new LateItem(Task2 with { Number = "3" }, []);

        var text = ReminderTexts.WeeklyDigest(D(2026, 1, 26), [DeadlineD1, Task2], [nobodyLate, late], D(2026, 1, 26));

        Assert.Equal(
            """
            Tổng hợp tuần 26/01 – 01/02/2026
            Đến hạn trong tuần:
            - Nhiệm vụ số 2: Xây dựng Kế hoạch công tác thi đua, khen thưởng năm 2026 – hạn Thứ Sáu, 30/01/2026 (còn 4 ngày)
            - Hạn nộp: Báo cáo sơ kết 6 tháng đầu năm – hạn Thứ Bảy, 31/01/2026 (còn 5 ngày)
            Đơn vị trễ hạn:
            - Nhiệm vụ số 1: Xây dựng Kế hoạch công tác thi đua, khen thưởng năm 2026 – hạn Thứ Ba, 20/01/2026 (quá hạn 6 ngày), 2 đơn vị:
               + Công an xã
               + Trường THCS Hoa Thám
            """,
            text);
    }

    [Fact]
    public void A_quiet_week_is_one_line_under_its_heading()
    {
        Assert.Equal(
            "Tổng hợp tuần 16/02 – 22/02/2026\nTuần này không có hạn nào và không có đơn vị nào trễ hạn.",
            ReminderTexts.WeeklyDigest(D(2026, 2, 16), [], [new LateItem(Task2, [])], D(2026, 2, 23)));
    }

    [Fact]
    public void The_digest_heading_is_the_Monday_to_Sunday_week_across_the_new_year()
    {
        var text = ReminderTexts.WeeklyDigest(D(2026, 1, 2), [], [new LateItem(Task2, ["Công an xã"])], D(2026, 1, 2));

        Assert.StartsWith("Tổng hợp tuần 29/12/2025 – 04/01/2026\nTuần này không có hạn nào.\nĐơn vị trễ hạn:\n", text, StringComparison.Ordinal);
        Assert.EndsWith("   + Công an xã", text, StringComparison.Ordinal);
        Assert.EndsWith("Không có đơn vị nào trễ hạn.",
            ReminderTexts.WeeklyDigest(D(2026, 1, 26), [Task2], [], D(2026, 1, 26)), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_contents_are_cut_at_a_word_with_an_ellipsis()
    {
        var words = string.Join(' ', Enumerable.Repeat("Tổ chức hội nghị biểu dương điển hình tiên tiến", 6));
        var content = "Chỉ đạo triển khai\nthực hiện   " + words;

        var shortened = ReminderTexts.Shorten(content);

        Assert.True(content.Length > ReminderTexts.MaxContentLength);
        Assert.True(shortened.Length <= ReminderTexts.MaxContentLength, shortened);
        Assert.EndsWith("…", shortened, StringComparison.Ordinal);
        Assert.StartsWith("Chỉ đạo triển khai thực hiện Tổ chức", shortened, StringComparison.Ordinal);
        var kept = shortened[..^1];
        Assert.StartsWith(kept + " ", "Chỉ đạo triển khai thực hiện " + words, StringComparison.Ordinal);
        Assert.Contains($"Nhiệm vụ số 2: {shortened}\n",
            ReminderTexts.UnitReminder("Công an xã", Task2 with { Content = content }, D(2026, 1, 23), "before-7d"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Short_contents_stay_whole_and_a_single_long_word_is_cut_hard()
    {
        var exact = new string('a', ReminderTexts.MaxContentLength);
        var word = new string('b', 300);

        Assert.Equal(exact, ReminderTexts.Shorten(exact));
        Assert.Equal(new string('b', ReminderTexts.MaxContentLength - 1) + "…", ReminderTexts.Shorten(word));
    }

    [Fact]
    public void Subjects_come_from_the_plan_with_the_offices_due_date()
    {
        var task = new PlanTask { Number = "5", Quarter = 1, Content = "Sơ kết", Due = D(2026, 3, 31), DueOverride = D(2026, 3, 20) };
        var deadline = new Deadline { Id = "D2", Due = D(2026, 6, 15), Content = "Gửi báo cáo" };

        Assert.Equal(new ReminderSubject("task", "5", "Sơ kết", D(2026, 3, 20)), ReminderSubject.Of(task));
        Assert.Equal(new ReminderSubject("deadline", "D2", "Gửi báo cáo", D(2026, 6, 15)), ReminderSubject.Of(deadline));
    }
}
