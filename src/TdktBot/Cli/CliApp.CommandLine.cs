using System.CommandLine;
using System.CommandLine.Help;
using TdktBot.Data.Entities;

namespace TdktBot.Cli;

/// <summary>The command line: each verb with its arguments, options and Vietnamese help, and what it calls.</summary>
public sealed partial class CliApp
{
    private Command CommandLine()
    {
        var now = CliOptions.Now();
        var root = new Command("TdktBot", "TdktBot: nhắc việc kế hoạch thi đua, khen thưởng của xã. Không ghi lệnh thì chạy bot, như «run».")
        {
            now,
            new HelpOption("--help", "-h", "-?") { Description = "hiện trợ giúp này", Action = new CliHelp() },
        };
        Verb(root, now, (_, time, ct) => RunBotAsync(time, ct));

        var run = new Command("run", "Chạy bot: nạp kế hoạch, nhắc việc, gửi tin (mặc định khi không ghi lệnh).");
        Verb(run, now, (_, time, ct) => RunBotAsync(time, ct));
        root.Subcommands.Add(run);
        root.Subcommands.Add(PlanVerbs(now));
        root.Subcommands.Add(ReminderVerbs(now));
        root.Subcommands.Add(ChatVerb(now));
        root.Subcommands.Add(InviteVerbs(now));
        return WithHelpVerb(root);
    }

    private Command PlanVerbs(Option<DateTimeOffset?> now)
    {
        var source = CliOptions.File("kế-hoạch.docx|.txt", "văn bản kế hoạch của xã, tệp Word (.docx) hoặc văn bản (.txt)", ArgumentArity.ExactlyOne);
        var target = new Option<string?>("--output", "-o")
        {
            HelpName = "plan.yaml",
            Description = "tệp kế hoạch sẽ ghi; không ghi tùy chọn này thì in ra màn hình. Nhập lại vào tệp cũ thì giữ các hạn văn phòng đã điều chỉnh (dueOverride)",
        };
        var importFormat = CliOptions.Format("định dạng: yaml (mặc định) hoặc json (mặc định khi tệp ghi ra là .json)", null, "yaml", "json");
        var importUnits = CliOptions.Units();
        var import = new Command("import", "Đọc văn bản kế hoạch, ghi ra tệp lịch có thể chỉnh sửa (hoặc in ra màn hình).")
        {
            source, target, importFormat, importUnits,
        };
        Verb(import, now, (parsed, _, _) => Task.FromResult(new PlanCommands(PlanSettings(), output, error)
            .Import(parsed.GetRequiredValue(source), parsed.GetValue(target), parsed.GetValue(importFormat), parsed.GetValue(importUnits))));

        var shown = PlanFile();
        var quarter = CliOptions.Quarter();
        var showFormat = CliOptions.Format("định dạng: text (bảng, mặc định) hoặc json", "text", "text", "json");
        var showUnits = CliOptions.Units();
        var show = new Command("show", "In kế hoạch thành bảng dễ đọc.") { shown, quarter, showFormat, showUnits };
        Verb(show, now, (parsed, _, _) => Task.FromResult(new PlanCommands(PlanSettings(), output, error)
            .Show(parsed.GetValue(shown), parsed.GetValue(quarter), parsed.GetRequiredValue(showFormat), parsed.GetValue(showUnits))));

        var checkedFile = PlanFile();
        var checkFormat = CliOptions.Format("định dạng: text (danh sách lỗi, mặc định) hoặc json", "text", "text", "json");
        var checkUnits = CliOptions.Units();
        var check = new Command("check", "Kiểm tra tệp kế hoạch, liệt kê mọi lỗi kèm tệp, dòng và cột.") { checkedFile, checkFormat, checkUnits };
        Verb(check, now, (parsed, _, _) => Task.FromResult(new PlanCommands(PlanSettings(), output, error)
            .Check(parsed.GetValue(checkedFile), parsed.GetRequiredValue(checkFormat), parsed.GetValue(checkUnits))));

        var reload = new Command("reload", "Nạp lại tệp kế hoạch và danh sách đơn vị vào cơ sở dữ liệu; bot đang chạy dùng lịch mới từ lần quét nhắc việc tiếp theo.");
        Verb(reload, now, (_, time, ct) => ReloadAsync(time, ct));

        return WithHelpVerb(new Command("plan", "Tệp kế hoạch: nhập từ văn bản, xem, kiểm tra, nạp lại vào bot.") { import, show, check, reload });

        static Argument<string> PlanFile() => CliOptions.File("plan.yaml",
            "tệp kế hoạch (.yaml, hoặc văn bản .docx, .txt); mặc định là tệp theo cấu hình Plan:File", ArgumentArity.ZeroOrOne);
    }

    private Command ReminderVerbs(Option<DateTimeOffset?> now)
    {
        var from = CliOptions.Date("--from", "ngày bắt đầu, coi là \"bây giờ\": 2026-01-23 hoặc 23/01/2026, có thể kèm giờ (2026-01-23T07:59)");
        var to = CliOptions.Date("--to", "ngày kết thúc, viết như --from; không ghi giờ thì tính đến hết ngày");
        var plan = new Option<string?>("--plan")
        {
            HelpName = "plan.yaml",
            Description = "chỉ xem tệp kế hoạch này (mặc định: các tệp theo cấu hình Plan:File và Plan:AdditionalFiles)",
        };
        var units = CliOptions.Units();
        var format = CliOptions.Format("định dạng: text (lịch theo ngày, mặc định) hoặc json", "text", "text", "json");
        var preview = new Command("preview", "Liệt kê mọi lời nhắc sẽ gửi từ --from (coi là \"bây giờ\") đến --to, giả sử chưa đơn vị nào xác nhận.")
        {
            from, to, plan, units, format,
        };
        Verb(preview, now, (parsed, _, _) => Task.FromResult(new RemindersCommands(PlanSettings(), Policy(), output, error)
            .Preview(parsed.GetValue(from), parsed.GetValue(to), parsed.GetValue(plan), parsed.GetValue(units), parsed.GetRequiredValue(format))));

        return WithHelpVerb(new Command("reminders", "Lời nhắc: xem trước những gì bot sẽ gửi.") { preview });
    }

    private Command ChatVerb(Option<DateTimeOffset?> now)
    {
        var unit = CliOptions.Unit("--as", "trò chuyện với tư cách đơn vị này, ví dụ \"THCS Hoa Thám\"");
        var role = CliOptions.Role("vai trò: head (thủ trưởng đơn vị), staff (cán bộ) hoặc office (phòng theo dõi kế hoạch); mặc định theo đơn vị");
        var chat = new Command("chat", "Trò chuyện với bot qua dòng lệnh với tư cách một đơn vị: đọc tin nhắn từ bàn phím hoặc tệp, in câu trả lời.")
        {
            unit, role,
        };
        Verb(chat, now, (parsed, time, ct) => ChatAsync(parsed.GetRequiredValue(unit), parsed.GetValue(role), time, ct));
        return chat;
    }

    private Command InviteVerbs(Option<DateTimeOffset?> now)
    {
        var unit = CliOptions.Unit("--unit", "đơn vị được mời, ví dụ \"Trạm Y tế xã\"");
        var role = CliOptions.Role("vai trò của người dùng mã: head (thủ trưởng đơn vị, mặc định), staff (cán bộ) hoặc office (phòng theo dõi kế hoạch)");
        var create = new Command("create", "Tạo mã mời dùng một lần để liên kết một cuộc trò chuyện Telegram hoặc Zalo với đơn vị.") { unit, role };
        Verb(create, now, (parsed, time, ct) =>
            InviteAsync(invites => invites.CreateAsync(parsed.GetRequiredValue(unit), parsed.GetValue(role) ?? ChatRole.Head, ct), time, ct));

        var list = new Command("list", "Liệt kê các mã mời còn hiệu lực (không in lại mã).");
        Verb(list, now, (_, time, ct) => InviteAsync(invites => invites.ListAsync(ct), time, ct));

        return WithHelpVerb(new Command("invite", "Mã mời: liên kết cuộc trò chuyện Telegram, Zalo với một đơn vị.") { create, list });
    }

    /// <summary>Runs <paramref name="action"/> for <paramref name="command"/> on the clock that <c>--now</c> asks for.</summary>
    private void Verb(Command command, Option<DateTimeOffset?> now, Func<ParseResult, TimeProvider, CancellationToken, Task<int>> action) =>
        command.SetAction((parsed, ct) => action(parsed, Start(parsed.GetValue(now)), ct));

    /// <summary>The word <c>help</c> after a command shows its help, as <c>--help</c> does.</summary>
    private static Command WithHelpVerb(Command command)
    {
        command.Subcommands.Add(new Command("help") { Hidden = true, Action = new CliHelp(command) });
        return command;
    }
}
