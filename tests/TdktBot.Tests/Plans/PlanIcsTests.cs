using TdktBot.Tests.Cli;
using TdktBot.Tests.Worker;

namespace TdktBot.Tests.Plans;

/// <summary>
/// <c>plan ics</c>: the plan as a calendar feed, read back by <see cref="StrictIcs"/>, not by the library that wrote it.
/// </summary>
public sealed class PlanIcsTests : IDisposable
{
    private readonly PlanFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_task_and_deadline_is_an_all_day_event_on_its_due_date_with_alarms_at_the_reminder_days()
    {
        var target = Path.Combine(_folder.Folder, "kehoach.ics");

        var run = CliRun.With(_folder.Settings(), "plan", "ics", "-o", target);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"Đã ghi «{target}»: 21 sự kiện của kế hoạch năm 2026.\n", run.Output);
        var calendar = StrictIcs.Parse(File.ReadAllText(target));
        Assert.Equal("2.0", calendar.Value("VERSION"));
        Assert.Equal("Kế hoạch thi đua, khen thưởng 2026 - Hoa Thám", calendar.Find("X-WR-CALNAME")!.Text());
        Assert.Equal("Asia/Ho_Chi_Minh", calendar.Value("X-WR-TIMEZONE"));
        var events = Events(calendar);
        Assert.Equal(21, events.Count);
        Assert.Equal(["2026-10@tdktbot", "2026-1@tdktbot", "2026-d1@tdktbot", "2026-d2@tdktbot"],
            events.Keys.Where(k => k is "2026-1@tdktbot" or "2026-10@tdktbot" or "2026-d1@tdktbot" or "2026-d2@tdktbot").Order(StringComparer.Ordinal));

        // D1: Friday 30/01/2026, all day; reminders 7, 3, 1 and 0 days before at 08:00 (23/01, 27/01, 29/01, 30/01).
        var d1 = events["2026-d1@tdktbot"];
        Assert.Equal(("DATE", "20260130"), (d1.Find("DTSTART")!.Parameters["VALUE"], d1.Value("DTSTART")));
        Assert.Equal("20260131", d1.Value("DTEND"));
        Assert.StartsWith("Hạn nộp D1: Các cơ quan, đơn vị trên địa bàn xã", d1.Find("SUMMARY")!.Text(), StringComparison.Ordinal);
        var description = d1.Find("DESCRIPTION")!.Text();
        Assert.StartsWith("Hạn nộp, hạn Thứ Sáu, 30/01/2026.\nĐơn vị phải nộp: Ủy ban nhân dân xã Hoa Thám; ", description, StringComparison.Ordinal);
        Assert.Contains("Trường THCS Hoa Thám", description, StringComparison.Ordinal);
        Assert.Equal("0", d1.Value("SEQUENCE"));
        Assert.Equal(["-PT160H", "-PT64H", "-PT16H", "PT8H"], d1.All("VALARM").Select(a => a.Value("TRIGGER")));
        Assert.All(d1.All("VALARM"), a => Assert.Equal("DISPLAY", a.Value("ACTION")));

        // Task 10, due 30/06/2026 (Tuesday): the 7-day reminder falls on Tuesday 23/06, the 3-day one on Saturday 27/06,
        // moved back to Friday 26/06.
        var task10 = events["2026-10@tdktbot"];
        Assert.Equal("20260630", task10.Value("DTSTART"));
        Assert.StartsWith("Nhiệm vụ 10: ", task10.Find("SUMMARY")!.Text(), StringComparison.Ordinal);
        Assert.Contains("Cơ quan thực hiện: ", task10.Find("DESCRIPTION")!.Text(), StringComparison.Ordinal);
        Assert.Equal(["-PT160H", "-PT88H", "-PT16H", "PT8H"], task10.All("VALARM").Select(a => a.Value("TRIGGER")));
    }

    [Fact]
    public void A_unit_gets_only_what_concerns_it()
    {
        var health = Path.Combine(_folder.Folder, "tyt.ics");
        var school = Path.Combine(_folder.Folder, "thcs.ics");

        var forHealth = CliRun.With(_folder.Settings(), "plan", "ics", "--unit", "tram y te", "-o", health);
        var forSchool = CliRun.With(_folder.Settings(), "plan", "ics", "--unit", "THCS Hoa Thám", "-o", school);

        Assert.True(forHealth.ExitCode == 0, forHealth.Error);
        Assert.True(forSchool.ExitCode == 0, forSchool.Error);
        Assert.EndsWith(", của Trạm Y tế xã.\n", forHealth.Output, StringComparison.Ordinal);
        var healthEvents = Events(StrictIcs.Parse(File.ReadAllText(health)));
        var schoolEvents = Events(StrictIcs.Parse(File.ReadAllText(school)));
        Assert.Contains("2026-d1@tdktbot", healthEvents.Keys);
        Assert.DoesNotContain("2026-d2@tdktbot", healthEvents.Keys);
        Assert.Contains("2026-d2@tdktbot", schoolEvents.Keys);
        Assert.DoesNotContain("2026-21@tdktbot", healthEvents.Keys);
        Assert.All(healthEvents.Values, e => Assert.Contains("Trạm Y tế xã", e.Find("DESCRIPTION")!.Text(), StringComparison.Ordinal));
        Assert.Contains("(Trạm Y tế xã)", StrictIcs.Parse(File.ReadAllText(health)).Find("X-WR-CALNAME")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_over_the_feed_after_the_plan_changed_keeps_every_uid_moves_only_the_changed_date_and_cancels_what_was_dropped()
    {
        var target = Path.Combine(_folder.Folder, "kehoach.ics");
        Assert.Equal(0, CliRun.With(_folder.Settings(), "plan", "ics", "-o", target).ExitCode);
        var first = Events(StrictIcs.Parse(File.ReadAllText(target)));

        // The office moves task 2 to 20/03 and drops task 21.
        var plan = File.ReadAllText(_folder.PlanFile);
        var task2 = plan.IndexOf("  - number: \"2\"", StringComparison.Ordinal);
        var task3 = plan.IndexOf("  - number: \"3\"", StringComparison.Ordinal);
        plan = plan[..task3] + "    dueOverride: 2026-03-20\n" + plan[task3..];
        Assert.True(task2 > 0);
        var task21 = plan.IndexOf("  - number: \"21\"", StringComparison.Ordinal);
        plan = plan[..task21] + plan[plan.IndexOf("deadlines:", StringComparison.Ordinal)..];
        File.WriteAllText(_folder.PlanFile, plan);

        var again = CliRun.With(_folder.Settings(), "plan", "ics", "-o", target);
        Assert.True(again.ExitCode == 0, again.Error);
        var second = Events(StrictIcs.Parse(File.ReadAllText(target)));

        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("20260331", "20260320", "1"), (first["2026-2@tdktbot"].Value("DTSTART"), second["2026-2@tdktbot"].Value("DTSTART"), second["2026-2@tdktbot"].Value("SEQUENCE")));
        Assert.Equal(("CANCELLED", "1"), (second["2026-21@tdktbot"].Value("STATUS"), second["2026-21@tdktbot"].Value("SEQUENCE")));
        foreach (var uid in first.Keys.Where(k => k is not ("2026-2@tdktbot" or "2026-21@tdktbot")))
        {
            Assert.Equal((first[uid].Value("DTSTART"), "0", null), (second[uid].Value("DTSTART"), second[uid].Value("SEQUENCE"), second[uid].Find("STATUS")?.Value));
        }

        // A third run with nothing changed moves nothing on, and the cancellation stays as it was.
        Assert.Equal(0, CliRun.With(_folder.Settings(), "plan", "ics", "-o", target).ExitCode);
        var third = Events(StrictIcs.Parse(File.ReadAllText(target)));
        Assert.Equal(second.ToDictionary(e => e.Key, e => e.Value.Value("SEQUENCE")), third.ToDictionary(e => e.Key, e => e.Value.Value("SEQUENCE")));
        Assert.Equal("CANCELLED", third["2026-21@tdktbot"].Value("STATUS"));
    }

    [Theory]
    [InlineData("--unit", "Trường Đại học Bách khoa", "Không tìm thấy đơn vị «Trường Đại học Bách khoa»")]
    [InlineData("--units", "khong-co.yaml", "khong-co.yaml")]
    public void Bad_input_says_what_is_wrong_and_writes_nothing(string option, string value, string expected)
    {
        var target = Path.Combine(_folder.Folder, "kehoach.ics");

        var run = CliRun.With(_folder.Settings(), "plan", "ics", "-o", target, option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void A_file_that_is_not_a_calendar_is_not_written_over()
    {
        var target = Path.Combine(_folder.Folder, "bao-cao.ics");
        File.WriteAllText(target, "Báo cáo quý I: không phải lịch");

        var run = CliRun.With(_folder.Settings(), "plan", "ics", "-o", target);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("không phải tệp lịch .ics", run.Error, StringComparison.Ordinal);
        Assert.Equal("Báo cáo quý I: không phải lịch", File.ReadAllText(target));
    }

    [Fact]
    public void Without_o_the_feed_is_kehoach_ics_in_the_current_folder()
    {
        var start = CliRun.Executable(_folder.Folder, "plan", "ics");
        foreach (var (key, value) in _folder.Settings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, error);
        Assert.StartsWith("Đã ghi «kehoach.ics»: 21 sự kiện", output, StringComparison.Ordinal);
        Assert.Equal(21, Events(StrictIcs.Parse(File.ReadAllText(Path.Combine(_folder.Folder, "kehoach.ics")))).Count);
    }

    private static Dictionary<string, IcsComponent> Events(IcsComponent calendar) =>
        calendar.All("VEVENT").ToDictionary(e => e.Value("UID"), e => e, StringComparer.Ordinal);
}
