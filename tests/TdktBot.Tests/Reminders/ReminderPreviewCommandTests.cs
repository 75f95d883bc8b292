using System.Text.Json;
using TdktBot.Core.Text;
using TdktBot.Tests.Cli;

namespace TdktBot.Tests.Reminders;

/// <summary><c>reminders preview</c> over the whole of 2026 for the bundled Hoa Thám plan.</summary>
public sealed class ReminderPreviewCommandTests
{
    internal static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<IReadOnlyList<Entry>> Year2026 = new(() => Preview("2026-01-01", "2026-12-31"));

    private static readonly string[] Schools = ["Trường Mầm non Hoa Thám", "Trường THCS Hoa Thám", "Trường Tiểu học Hoa Thám"];

    [Fact]
    public void The_30_01_deadline_reminds_every_unit_four_times_before_and_twice_after_then_escalates()
    {
        var d1 = Year2026.Value.Where(e => e.Target == "D1").ToList();

        var perUnit = d1.Where(e => e.Step != "escalation").GroupBy(e => e.Unit).ToList();
        Assert.Equal(16, perUnit.Count);
        Assert.All(perUnit, unit => Assert.Equal(
            [
                ("2026-01-23T08:00:00+07:00", "before-7d"), ("2026-01-27T08:00:00+07:00", "before-3d"),
                ("2026-01-29T08:00:00+07:00", "before-1d"), ("2026-01-30T08:00:00+07:00", "due-day"),
                ("2026-02-02T08:00:00+07:00", "overdue-1wd"), ("2026-02-04T08:00:00+07:00", "overdue-3wd"),
            ],
            unit.Select(e => (e.At, e.Step))));
        Assert.All(d1, e => Assert.Equal("2026-01-30", e.Due));

        var escalation = Assert.Single(d1, e => e.Step == "escalation");
        Assert.Equal(("2026-02-02T08:00:00+07:00", "Phòng Văn hóa - Xã hội"), (escalation.At, escalation.Unit));
        Assert.All(perUnit, unit => Assert.Contains(unit.Key, escalation.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Units_come_in_vietnamese_alphabetical_order_in_the_preview_and_in_the_escalation_it_shows()
    {
        var units = Year2026.Value.Where(e => e.Target == "D1" && e.Step == "before-7d").Select(e => e.Unit).ToList();
        var escalation = Year2026.Value.Single(e => e.Target == "D1" && e.Step == "escalation").Text;
        var listed = units.OrderBy(u => escalation.IndexOf(u, StringComparison.Ordinal)).ToList();

        Assert.Equal(units.Order(VietnameseOrder.Names), units);
        Assert.Equal(units, listed);
        string[] pairs = ["Hội đồng Thi đua - Khen thưởng xã", "Hội Nông dân xã", "Trạm Y tế xã", "Trường Mầm non Hoa Thám", "Ủy ban nhân dân xã Hoa Thám", "Văn phòng HĐND và UBND xã"];
        Assert.Equal(pairs, units.Where(pairs.Contains));
    }

    [Fact]
    public void The_15_10_deadline_reminds_only_the_three_schools()
    {
        var d2 = Year2026.Value.Where(e => e.Target == "D2" && e.Step != "escalation").ToList();

        Assert.Equal(Schools, d2.Select(e => e.Unit).Distinct().Order(StringComparer.Ordinal));
        Assert.All(d2.GroupBy(e => e.Unit), unit => Assert.Equal(
            ["2026-10-08", "2026-10-12", "2026-10-14", "2026-10-15", "2026-10-16", "2026-10-20"],
            unit.Select(e => e.At[..10])));
        var escalation = Assert.Single(Year2026.Value, e => e.Target == "D2" && e.Step == "escalation");
        Assert.StartsWith("2026-10-16T08:00:00+07:00", escalation.At, StringComparison.Ordinal);
        Assert.Contains("Thứ Năm, 15/10/2026", escalation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_sent_on_a_weekend_or_during_Tet()
    {
        Assert.NotEmpty(Year2026.Value);
        Assert.All(Year2026.Value, e =>
        {
            var day = DateOnly.Parse(e.At[..10], System.Globalization.CultureInfo.InvariantCulture);
            Assert.DoesNotContain(day.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
            Assert.False(day >= new DateOnly(2026, 2, 14) && day <= new DateOnly(2026, 2, 22), $"{e.Step} {e.Target} on {day} falls in Tết");
            Assert.EndsWith("+07:00", e.At, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void One_unit_gets_at_most_one_reminder_a_day()
    {
        var perUnitAndDay = Year2026.Value.Where(e => e.Step is not ("escalation" or "weekly-digest"))
            .GroupBy(e => (e.Unit, e.Target, Day: e.At[..10]));
        Assert.All(perUnitAndDay, g => Assert.Single(g));
    }

    [Fact]
    public void From_is_the_simulated_now_so_earlier_steps_are_not_listed()
    {
        var late = Preview("2026-01-28", "2026-01-31").Where(e => e.Target == "D1" && e.Unit == "Công an xã").ToList();

        Assert.Equal(["before-1d", "due-day"], late.Select(e => e.Step));
    }

    [Fact]
    public void The_text_output_reads_as_a_schedule_in_Vietnamese()
    {
        var run = CliRun.Of("reminders", "preview", "--from", "23/01/2026", "--to", "23/01/2026");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Thứ Sáu, 23/01/2026", run.Output, StringComparison.Ordinal);
        Assert.Contains("08:00  trước 7 ngày", run.Output, StringComparison.Ordinal);
        Assert.Contains("hạn nộp D1, hạn 30/01/2026 → Trường THCS Hoa Thám", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "31/02/2026", "không hiểu ngày «31/02/2026»")]
    [InlineData("--from", "2026-13-01", "không hiểu ngày")]
    [InlineData("--to", "hôm qua", "không hiểu ngày «hôm qua»")]
    public void A_bad_date_says_what_was_wrong_and_how_to_write_it(string option, string value, string expected)
    {
        var args = new List<string> { "reminders", "preview", "--from", "2026-01-01", "--to", "2026-01-31" };
        args[args.IndexOf(option) + 1] = value;

        var run = CliRun.Of([.. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains("23/01/2026", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_plan_file_is_an_input_error()
    {
        var run = CliRun.Of("reminders", "preview", "--plan", "khong-co.yaml", "--from", "2026-01-01", "--to", "2026-01-31");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Không tìm thấy tệp", run.Error, StringComparison.Ordinal);
    }

    private static List<Entry> Preview(string from, string to)
    {
        var run = CliRun.Of("reminders", "preview", "--from", from, "--to", to, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonSerializer.Deserialize<List<Entry>>(run.Output, Web)!;
    }

    private sealed record Entry(string At, string Unit, string Step, string TargetKind, string Target, string? Due, string Text);
}
