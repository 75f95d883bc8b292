namespace TdktBot.Tests.Cli;

/// <summary>Wrong settings are reported in Vietnamese with the key, the value and what to write instead.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Reminders:At", "8h", "giờ dạng 08:00")]
    [InlineData("Reminders:WeeklyDigest", "có", "true hoặc false")]
    public void A_value_of_the_wrong_shape_names_the_key_and_the_expected_form(string key, string value, string expected)
    {
        using var folder = new TempFolder();
        var run = CliRun.With(new Dictionary<string, string?> { ["Data:Folder"] = folder.Path, [key] = value },
            "reminders", "preview", "--from", "2026-01-01", "--to", "2026-01-31");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{key} = «{value}»", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reminders:TimeZone", "Sao Hỏa", "Reminders:TimeZone")]
    [InlineData("Reminders:LatestAt", "07:00", "Reminders:LatestAt phải muộn hơn Reminders:At")]
    [InlineData("Reminders:DaysBefore:0", "-2", "Reminders:DaysBefore")]
    [InlineData("Calendar:Years:2027:DaysOff:0:From", "mùng 5 Tết", "Calendar:Years:2027:DaysOff:0:From: «mùng 5 Tết» không phải một ngày hợp lệ")]
    public void A_value_out_of_range_is_refused_with_the_rule(string key, string value, string expected)
    {
        var run = CliRun.With(new Dictionary<string, string?> { [key] = value },
            "reminders", "preview", "--from", "2026-01-01", "--to", "2026-01-31");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Cấu hình chưa đúng", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reminders:At", "tám giờ", "Reminders:At = «tám giờ»")]
    [InlineData("Delivery:PollInterval", "5 giây", "Delivery:PollInterval = «5 giây» không đọc được; cần khoảng thời gian dạng 00:00:05")]
    [InlineData("Calendar:Years:2027:DaysOff:0:To", "2027-02-31", "Calendar:Years:2027:DaysOff:0:To: «2027-02-31» không phải một ngày hợp lệ")]
    [InlineData("Health:Listen", "127.0.0.1:5081", "Health:Listen phải là một địa chỉ http")]
    [InlineData("Instance:Id", "máy chủ 1", "Instance:Id chỉ gồm chữ cái không dấu")]
    public void The_bot_refuses_to_start_on_a_bad_setting_and_says_why(string key, string value, string expected)
    {
        using var folder = new TempFolder();
        var run = CliRun.With(new Dictionary<string, string?>
        {
            ["Data:Folder"] = folder.Path,
            ["Calendar:Years:2027:DaysOff:0:From"] = "2027-02-05",
            [key] = value,
        }, "run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_list_of_reminder_days_replaces_the_default_one()
    {
        var run = CliRun.With(new Dictionary<string, string?> { ["Reminders:DaysBefore:0"] = "2", ["Reminders:OverdueWorkingDays:0"] = "2" },
            "reminders", "preview", "--from", "2026-01-01", "--to", "2026-02-28");

        // Only two days before 30/01 (Wednesday 28/01) and two working days after it (Tuesday 03/02); not 7, 3, 1, 0 and 1, 3 as well.
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Thứ Tư, 28/01/2026", run.Output, StringComparison.Ordinal);
        Assert.Contains("Thứ Ba, 03/02/2026", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Thứ Sáu, 23/01/2026", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("quá hạn 1 ngày", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("trước 7 ngày", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("trước 1 ngày", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_off_written_the_Vietnamese_way_is_read_as_day_then_month()
    {
        var run = CliRun.With(new Dictionary<string, string?>
        {
            ["Calendar:Years:2026:DaysOff:9:From"] = "23/01/2026",
            ["Calendar:Years:2026:DaysOff:9:Name"] = "Ngày nghỉ thử",
        }, "reminders", "preview", "--from", "2026-01-01", "--to", "2026-01-31");

        // Friday 23/01 is now off, so the 7-day reminder for 30/01 moves back to Thursday 22/01.
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Thứ Năm, 22/01/2026", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Thứ Sáu, 23/01/2026", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_that_cannot_be_opened_is_reported_without_a_stack_trace()
    {
        using var folder = new TempFolder();
        var run = CliRun.With(new Dictionary<string, string?> { ["ConnectionStrings:Tdkt"] = $"Data Source={folder.Path}" }, "plan", "reload");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Lỗi cơ sở dữ liệu:", run.Error, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Tdkt", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
