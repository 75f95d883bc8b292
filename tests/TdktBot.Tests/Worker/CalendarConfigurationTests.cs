using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Outbox;
using TdktBot.Tests.Cli;
using TdktBot.Reminders;
using TdktBot.Store;
using TdktBot.Plans;

namespace TdktBot.Tests.Worker;

/// <summary>A year of official days off added through configuration alone, as the office would for 2027.</summary>
public sealed class CalendarConfigurationTests : IDisposable
{
    private const string Plan2027 = """
        year: 2027
        title: Kế hoạch công tác thi đua, khen thưởng năm 2027
        tasks: []
        deadlines:
          - id: D1
            due: 2027-02-10
            content: Các trường gửi kế hoạch thi đua học kỳ II về UBND xã (qua Phòng Văn hóa - Xã hội).
            appliesTo:
              - giao-duc
        """;

    private static readonly string[] Schools = ["Trường Mầm non Hoa Thám", "Trường THCS Hoa Thám", "Trường Tiểu học Hoa Thám"];
    private static readonly DateOnly TetFrom = new(2027, 2, 5);
    private static readonly DateOnly TetTo = new(2027, 2, 13);

    private readonly PlanFolder _folder = new();
    private readonly string _plan;

    public CalendarConfigurationTests() => _plan = Path.Combine(_folder.Folder, "ke-hoach-2027.yaml");

    public void Dispose() => _folder.Dispose();

    private static Dictionary<string, string?> Tet2027 => new()
    {
        ["Calendar:Years:2027:DaysOff:0:From"] = "2027-02-05",
        ["Calendar:Years:2027:DaysOff:0:To"] = "2027-02-13",
        ["Calendar:Years:2027:DaysOff:0:Name"] = "Tết Nguyên Đán",
    };

    [Fact]
    public void Without_the_2027_days_off_the_reminders_fall_in_Tet()
    {
        var entries = Preview(new Dictionary<string, string?>());

        Assert.Contains(entries, e => Day(e) >= TetFrom && Day(e) <= TetTo);
        Assert.Equal([Date(2, 3), Date(2, 5), Date(2, 9), Date(2, 10), Date(2, 11), Date(2, 15)], UnitDays(entries));
    }

    [Fact]
    public void Days_off_for_2027_added_in_configuration_move_the_2027_reminders_out_of_Tet()
    {
        var entries = Preview(Tet2027);

        Assert.DoesNotContain(entries, e => Day(e) >= TetFrom && Day(e) <= TetTo);

        // The due date is in Tết: the countdown closes on the last working day before it, and the unit is late
        // only from the second working day after Tết (the period runs to the end of the first, 15/02).
        Assert.Equal([Date(2, 3), Date(2, 4), Date(2, 16), Date(2, 18)], UnitDays(entries));
        var merged = entries.First(e => e.Target == "D1" && Day(e) == Date(2, 4));
        Assert.Equal("due-day", merged.Step);
        Assert.Equal(["before-3d", "before-1d", "due-day"], merged.Covers);
        var escalation = Assert.Single(entries, e => e.Step == "escalation");
        Assert.Equal(Date(2, 16), Day(escalation));
    }

    [Fact]
    public void Adding_2027_keeps_the_bundled_2026_days_off()
    {
        var settings = Tet2027;
        var run = CliRun.With(settings, "reminders", "preview", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var entries = JsonSerializer.Deserialize<List<Entry>>(run.Output, Reminders.ReminderPreviewCommandTests.Web)!;
        Assert.NotEmpty(entries);
        Assert.DoesNotContain(entries, e => Day(e) >= new DateOnly(2026, 2, 14) && Day(e) <= new DateOnly(2026, 2, 22));
    }

    [Fact]
    public async Task The_running_bot_sends_the_2027_reminders_on_the_days_the_configured_calendar_allows()
    {
        File.WriteAllText(_plan, Plan2027);
        var settings = _folder.Settings();
        settings["Plan:File"] = _plan;
        foreach (var (key, value) in Tet2027)
        {
            settings[key] = value;
        }

        var clock = BotUnderTest.Clock(BotUnderTest.Vn(2027, 2, 1, 9));
        var channel = new RecordingChannel(clock);
        await using var bot = BotUnderTest.Create(_folder.DataFolder, clock, channel, settings);
        await bot.Get<StoreMigrator>().MigrateAsync(CancellationToken.None);
        Assert.True((await bot.Get<PlanStore>().LoadAsync(CancellationToken.None)).Loaded);
        await bot.Get<PlanStore>().EnsureConsoleChatsAsync(messengerConfigured: false, CancellationToken.None);

        await ReplayAsync(bot, clock, new DateOnly(2027, 2, 2), new DateOnly(2027, 2, 19));

        var toSchools = channel.Received.Where(r => Schools.Contains(r.Address)).ToList();
        Assert.All(Schools, school => Assert.Equal(
            [Date(2, 3), Date(2, 4), Date(2, 16), Date(2, 18)],
            toSchools.Where(r => r.Address == school).Select(r => Local(r.At))));
    }

    [Fact]
    public async Task The_office_previews_its_2027_plan_by_a_name_relative_to_its_own_folder_with_Tet_set_in_the_environment()
    {
        File.WriteAllText(_plan, Plan2027);
        var start = CliRun.Executable(_folder.Folder, "reminders", "preview", "--plan", Path.GetFileName(_plan), "--from", "2027-02-01", "--to", "2027-02-28");
        foreach (var (key, value) in Tet2027)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains("\nThứ Năm, 04/02/2027\n", await output, StringComparison.Ordinal);
        Assert.DoesNotContain("\nThứ Tư, 10/02/2027\n", await output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Calendar:Years:2027:DaysOff:0:From", "2027-02-30", "Calendar:Years:2027:DaysOff:0:From: «2027-02-30» không phải một ngày hợp lệ; hãy viết dạng 2027-02-05 (hoặc 05/02/2027).")]
    [InlineData("Calendar:Years:2027:DaysOff:0:From", "02/30/2027", "Calendar:Years:2027:DaysOff:0:From: «02/30/2027» không phải một ngày hợp lệ")]
    [InlineData("Calendar:Years:2027:DaysOff:0:To", "13/14/2027", "Calendar:Years:2027:DaysOff:0:To: «13/14/2027» không phải một ngày hợp lệ")]
    [InlineData("Calendar:Years:2027:DaysOff:0:Name", "", "Calendar:Years:2027:DaysOff:0:Name: ngày nghỉ cần có tên")]
    [InlineData("Calendar:Years:2027:DaysOff:1:Name", "Giỗ Tổ Hùng Vương", "Calendar:Years:2027:DaysOff:1:From: thiếu ngày")]
    [InlineData("Calendar:Years:2027:DaysOff:1:From", "2026-04-26", "Calendar:Years:2027:DaysOff:1: ngày nghỉ từ 2026-04-26 không thuộc năm 2027; hãy sửa ngày hoặc chuyển mục này sang khối Calendar:Years:2026.")]
    [InlineData("Calendar:Years:2027:DaysOff:0:To", "2027-02-01", "Calendar:Years:2027:DaysOff:0: ngày kết thúc 01/02/2027 trước ngày bắt đầu 05/02/2027.")]
    [InlineData("Calendar:Years:2027:WorkingDays:0", "2027-13-01", "Calendar:Years:2027:WorkingDays:0: «2027-13-01» không phải một ngày hợp lệ")]
    [InlineData("Calendar:Years:Tet:DaysOff:0:From", "2027-02-05", "Calendar:Years:Tet: tên khối phải là một năm, ví dụ Calendar:Years:2027.")]
    public void A_mistyped_day_off_is_refused_with_the_setting_it_is_in_and_how_to_write_it(string key, string value, string expected)
    {
        var settings = Tet2027;
        settings[key] = value;

        var run = CliRun.With(settings, "reminders", "preview", "--from", "2027-01-01", "--to", "2027-03-31");

        Assert.Equal((1, string.Empty), (run.ExitCode, run.Output));
        Assert.StartsWith("Cấu hình chưa đúng: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.EndsWith("Hãy sửa appsettings.json hoặc biến môi trường tương ứng (xem appsettings.example.json).\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_does_not_start_on_a_mistyped_day_off_and_says_which_setting_is_wrong()
    {
        var settings = Tet2027;
        settings["Calendar:Years:2027:DaysOff:0:From"] = "2027-02-30";
        var clock = BotUnderTest.Clock(BotUnderTest.Vn(2027, 2, 1, 9));
        await using var bot = BotUnderTest.Create(_folder.DataFolder, clock, new RecordingChannel(clock), settings);

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(bot.StartAsync);

        Assert.Contains("Calendar:Years:2027:DaysOff:0:From: «2027-02-30»", string.Join(" ", refused.Failures), StringComparison.Ordinal);
    }

    private List<Entry> Preview(Dictionary<string, string?> settings)
    {
        File.WriteAllText(_plan, Plan2027);
        var run = CliRun.With(settings, "reminders", "preview", "--plan", _plan, "--from", "2027-01-01", "--to", "2027-03-31", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var entries = JsonSerializer.Deserialize<List<Entry>>(run.Output, Reminders.ReminderPreviewCommandTests.Web)!;
        Assert.All(entries.Where(e => e.Target == "D1" && e.Step != "escalation"), e => Assert.Contains(e.Unit, Schools));
        return entries;
    }

    /// <summary>The days on which the schools hear about D1; every school hears on the same days.</summary>
    private static DateOnly[] UnitDays(List<Entry> entries)
    {
        var bySchool = entries.Where(e => e.Target == "D1" && e.Step != "escalation").GroupBy(e => e.Unit).ToList();
        Assert.Equal(Schools.Order(StringComparer.Ordinal), bySchool.Select(g => g.Key).Order(StringComparer.Ordinal));
        var days = bySchool[0].Select(Day).ToArray();
        Assert.All(bySchool, g => Assert.Equal(days, g.Select(Day)));
        return days;
    }

    private static async Task ReplayAsync(BotUnderTest bot, FakeTimeProvider clock, DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            clock.SetUtcNow(BotUnderTest.Vn(day.Year, day.Month, day.Day, 8));
            await bot.Get<ReminderRunner>().SweepAsync(CancellationToken.None);
            await bot.Get<DeliverySender>().DrainAsync(CancellationToken.None);
        }
    }

    private static DateOnly Day(Entry e) => DateOnly.ParseExact(e.At[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Local(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static DateOnly Date(int month, int day) => new(2027, month, day);

    private sealed record Entry(string At, string Unit, string Step, IReadOnlyList<string> Covers, string Target);
}
