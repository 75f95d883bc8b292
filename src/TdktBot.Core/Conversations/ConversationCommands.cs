using TdktBot.Core.Reminders;

namespace TdktBot.Core.Conversations;

/// <summary>One entry of the bot's command menu.</summary>
/// <param name="Command">The command without "/", as Telegram wants it (lower-case ASCII).</param>
/// <param name="Description">What it does, in Vietnamese, shown next to the command.</param>
/// <param name="Kind">The intent the command stands for.</param>
/// <param name="OfficeOnly">True for commands only Phòng Văn hóa - Xã hội may use, so other chats need not see them.</param>
public sealed record BotCommand(string Command, string Description, IntentKind Kind, bool OfficeOnly = false)
{
    /// <summary>For a question: what it asks when nothing follows it.</summary>
    public Question? Asks { get; init; }
}

/// <summary>
/// The command menu (for Telegram's setMyCommands) and the other spellings the parser accepts.
/// The parser reads its commands from here, so the menu and what is understood cannot drift apart.
/// </summary>
public static class ConversationCommands
{
    /// <summary>Every command, in menu order: what everyone uses first, then the office's.</summary>
    public static IReadOnlyList<BotCommand> All { get; } =
    [
        new("quy", "Việc cần làm trong quý này hoặc quý N: /quy 2", IntentKind.Ask) { Asks = new() { Period = new(PeriodUnit.Quarter) } },
        new("thang", "Việc cần làm trong tháng này", IntentKind.Ask) { Asks = new() { Period = new(PeriodUnit.Month) } },
        new("tuan", "Việc cần làm trong tuần này", IntentKind.Ask) { Asks = new() { Period = new(PeriodUnit.Week) } },
        new("sapden", "Các hạn nộp sắp tới", IntentKind.Ask) { Asks = new() { Period = new(PeriodUnit.Ahead) { Days = PeriodMention.SoonDays } } },
        new("kehoach", "Toàn bộ kế hoạch cả năm", IntentKind.Ask) { Asks = new() },
        new("conno", "Đơn vị tôi còn việc gì chưa nộp", IntentKind.Ask) { Asks = new() { Status = StatusFilter.Pending, ItemStatus = StatusFilter.Pending } },
        new("nop", "Xác nhận đã nộp: /nop 2 hoặc /nop D1", IntentKind.Confirm),
        new("bang", "Mở bảng theo dõi trên web (đường dẫn dùng một lần)", IntentKind.Board),
        new("huy", "Hủy xác nhận nộp nhầm: /huy 2", IntentKind.Undo),
        new("help", "Hướng dẫn sử dụng bot", IntentKind.Help),
        new("start", "Bắt đầu, hoặc kích hoạt bằng mã mời: /start MÃ", IntentKind.Start),
        new("chuanop", "Đơn vị nào chưa nộp: /chuanop hoặc /chuanop D1", IntentKind.Ask, OfficeOnly: true)
        {
            Asks = new()
            {
                Who = WhoKind.All, Status = StatusFilter.Pending, Form = AnswerForm.WhoOwes, ItemStatus = StatusFilter.Pending, ItemForm = AnswerForm.WhoOwes,
            },
        },
        new("tiepnhan", "Tiếp nhận hồ sơ: /tiepnhan <đơn vị> <mục>", IntentKind.Accept, OfficeOnly: true),
        new("tralai", "Trả lại để đơn vị nộp lại: /tralai <đơn vị> <mục> <lý do>", IntentKind.Return, OfficeOnly: true),
        new("moi", "Tạo mã mời: /moi <đơn vị> [head|staff|office]", IntentKind.Invite, OfficeOnly: true),
        new("phatdong", "Gửi thông báo: /phatdong [nhóm:] <nội dung>", IntentKind.Broadcast, OfficeOnly: true),
        new("thanhvien", "Danh sách thành viên dùng bot", IntentKind.Members, OfficeOnly: true),
        new("apdung", "Áp dụng tệp kế hoạch bot đang giữ lại vì bỏ nhiều mục", IntentKind.ApplyPlan, OfficeOnly: true),
        new("baocao", "Báo cáo Excel: /baocao [quý N | D1 | cả năm]", IntentKind.Report, OfficeOnly: true),
        new("hoso", "Hồ sơ đã nhận của một mục: /hoso D1", IntentKind.Files, OfficeOnly: true),
    ];

    /// <summary>The menu for units' chats: the commands that are not the office's.</summary>
    public static IReadOnlyList<BotCommand> ForUnits { get; } = All.Where(c => !c.OfficeOnly).ToList();

    /// <summary>Other names of menu commands, understood but not shown, so the menu stays short.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["trogiup"] = "help",
        ["huongdan"] = "help",
        ["hantoi"] = "sapden",
        ["batdau"] = "start",
        ["canam"] = "kehoach",
    };

    /// <summary>The reply that confirms task or deadline <paramref name="number"/> («NOP 3», «NOP D1»).</summary>
    public static string Confirm(string number) => ReminderTexts.ConfirmReply(number);

    /// <summary>The reply that sends broadcast <paramref name="id"/> (its preview's «Gửi» button); the parser reads it as <see cref="IntentKind.SendBroadcast"/>.</summary>
    public static string SendBroadcast(long id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"GUI {id}");

    /// <summary>The reply that drops broadcast <paramref name="id"/> (its preview's «Hủy» button); the parser reads it as <see cref="IntentKind.CancelBroadcast"/>.</summary>
    public static string CancelBroadcast(long id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"HUYGUI {id}");

    /// <summary>The command a name stands for: a menu command or an alias, in any case and with or without diacritics.</summary>
    public static BotCommand? Find(string name)
    {
        var key = Key(name);
        if (Aliases.TryGetValue(key, out var target))
        {
            key = target;
        }

        return All.FirstOrDefault(c => c.Command == key);
    }

    // "/Tiếp_nhận" and "/tiepnhan" are the same command.
    private static string Key(string name) =>
        string.Concat(Text.VietnameseText.Fold(name).Where(char.IsAsciiLetterOrDigit));
}
