using System.Text.RegularExpressions;

namespace TdktBot.Tests.Cli;

/// <summary><c>invite create | list</c> as the office types them.</summary>
public sealed partial class InviteCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Dictionary<string, string?> Settings => new() { ["Data:Folder"] = _folder.Path };

    [Fact]
    public void A_created_code_is_shown_once_listed_without_the_code_and_links_a_chat()
    {
        var created = CliRun.With(Settings, "invite", "create", "--unit", "Trạm Y tế", "--role", "staff", "--now", "2026-03-02T09:00");
        var code = Code().Match(created.Output).Groups[1].Value;
        var list = CliRun.With(Settings, "invite", "list", "--now", "2026-03-03T09:00");
        var linked = CliRun.WithInput(Settings, $"/start {code}\n", "chat", "--as", "Công an xã", "--now", "2026-03-03T09:05");

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("Mã mời cho Trạm Y tế xã (cán bộ)", created.Output, StringComparison.Ordinal);
        Assert.Contains("hiệu lực đến hết 09/03/2026", created.Output, StringComparison.Ordinal);
        Assert.Contains("• Trạm Y tế xã (cán bộ), tạo ngày 02/03/2026 bởi dòng lệnh, hết hạn 09/03/2026", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(code, list.Output, StringComparison.Ordinal);
        Assert.Contains("Đã liên kết cuộc trò chuyện này với Trạm Y tế xã", linked.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_unit_or_role_is_refused_with_what_to_write()
    {
        var unit = CliRun.With(Settings, "invite", "create", "--unit", "Sở Nội vụ");
        var role = CliRun.With(Settings, "invite", "create", "--unit", "Trạm Y tế xã", "--role", "admin");

        Assert.Equal(1, unit.ExitCode);
        Assert.Contains("Không tìm thấy đơn vị «Sở Nội vụ»", unit.Error, StringComparison.Ordinal);
        Assert.Equal(2, role.ExitCode);
        Assert.Contains("--role chỉ nhận head, staff hoặc office", role.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex("/start ([A-Z0-9]{10})")]
    private static partial Regex Code();
}
