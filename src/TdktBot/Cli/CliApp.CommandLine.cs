using System.CommandLine;
using System.CommandLine.Help;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Plans;
using TdktBot.Reports;

namespace TdktBot.Cli;

/// <summary>The command line: each verb with its arguments, options and Vietnamese help, and what it calls.</summary>
public sealed partial class CliApp
{
    private Command CommandLine() => WithHelpVerb(Verb(new Command("TdktBot",
        "TdktBot: nhắc việc kế hoạch thi đua, khen thưởng của xã. Không ghi lệnh thì chạy bot, như «run».")
    {
        CliOptions.Now(),
        new HelpOption("--help", "-h", "-?") { Description = "hiện trợ giúp này", Action = new CliHelp() },
        Verb(new Command("run", "Chạy bot: nạp kế hoạch, nhắc việc, gửi tin (mặc định khi không ghi lệnh)."),
            (_, time, ct) => RunBotAsync(time, ct)),
        PlanVerbs(),
        ReminderVerbs(),
        ChatVerb(),
        InviteVerbs(),
        StoreVerbs(),
        ReportVerb(),
        ArchiveVerbs(),
    }, (_, time, ct) => RunBotAsync(time, ct)));

    private Command PlanVerbs()
    {
        var source = CliOptions.File("kế-hoạch.docx|.txt", "văn bản kế hoạch của xã, tệp Word (.docx) hoặc văn bản (.txt)", ArgumentArity.ExactlyOne);
        var target = CliOptions.FilePath("plan.yaml",
            "tệp kế hoạch sẽ ghi; không ghi tùy chọn này thì in ra màn hình. Nhập lại vào tệp cũ thì giữ các hạn văn phòng đã điều chỉnh (dueOverride)",
            "--output", "-o");
        var importFormat = CliOptions.Format("định dạng: yaml (mặc định) hoặc json (mặc định khi tệp ghi ra là .json)", null, "yaml", "json");
        var importUnits = CliOptions.Units();
        var import = Verb(new Command("import", "Đọc văn bản kế hoạch, ghi ra tệp lịch có thể chỉnh sửa (hoặc in ra màn hình).")
        {
            source, target, importFormat, importUnits,
        }, parsed => Plans()
            .Import(parsed.GetRequiredValue(source), parsed.GetValue(target), parsed.GetValue(importFormat), parsed.GetValue(importUnits)));

        var shown = PlanFile();
        var quarter = CliOptions.Quarter();
        var showFormat = CliOptions.Format("định dạng: text (bảng, mặc định) hoặc json", "text", "text", "json");
        var showUnits = CliOptions.Units();
        var show = Verb(new Command("show", "In kế hoạch thành bảng dễ đọc.") { shown, quarter, showFormat, showUnits },
            parsed => Plans()
                .Show(parsed.GetValue(shown), parsed.GetValue(quarter), parsed.GetRequiredValue(showFormat), parsed.GetValue(showUnits)));

        var checkedFile = PlanFile();
        var checkFormat = CliOptions.Format("định dạng: text (danh sách lỗi, mặc định) hoặc json", "text", "text", "json");
        var checkUnits = CliOptions.Units();
        var check = Verb(new Command("check", "Kiểm tra tệp kế hoạch, liệt kê mọi lỗi kèm tệp, dòng và cột.")
        {
            checkedFile, checkFormat, checkUnits,
        }, parsed => Plans().Check(parsed.GetValue(checkedFile), parsed.GetRequiredValue(checkFormat), parsed.GetValue(checkUnits)));

        var acceptShrink = new Option<bool>("--accept-shrink")
        {
            Arity = ArgumentArity.Zero,
            Description = "nạp cả khi tệp bỏ quá một phần ba số mục hoặc mọi việc của một quý (bình thường bot giữ lịch cũ và báo văn phòng)",
        };
        var reload = Verb(new Command("reload",
            "Nạp lại tệp kế hoạch và danh sách đơn vị vào cơ sở dữ liệu; bot đang chạy dùng lịch mới từ lần quét nhắc việc tiếp theo.")
        {
            acceptShrink,
        }, (parsed, time, ct) => ReloadAsync(parsed.GetValue(acceptShrink), time, ct));

        var icsFile = PlanFile();
        var icsTarget = CliOptions.FilePath("kehoach.ics",
            "tệp lịch sẽ ghi (mặc định kehoach.ics trong thư mục hiện tại); ghi đè lên lịch cũ thì lịch trên điện thoại được cập nhật, không nhân đôi",
            "--output", "-o");
        var icsUnit = new Option<string?>("--unit")
        {
            HelpName = "đơn vị",
            Description = "chỉ các việc và hạn nộp của đơn vị này, ví dụ \"Trạm Y tế xã\"",
        };
        var icsUnits = CliOptions.Units();
        var ics = Verb(new Command("ics",
            "Ghi kế hoạch thành tệp lịch (.ics) để thêm vào điện thoại, Google Calendar, Outlook: mỗi việc, mỗi hạn nộp một sự kiện cả ngày, có nhắc trước.")
        {
            icsFile, icsTarget, icsUnit, icsUnits,
        }, (parsed, time, _) => Task.FromResult(Plans().Ics(parsed.GetValue(icsFile), parsed.GetValue(icsTarget), parsed.GetValue(icsUnit),
            parsed.GetValue(icsUnits), Policy(), time.GetUtcNow())));

        return WithHelpVerb(new Command("plan", "Tệp kế hoạch: nhập từ văn bản, xem, kiểm tra, nạp lại vào bot, ghi lịch .ics.") { import, show, check, reload, ics });

        static Argument<string> PlanFile() => CliOptions.File("plan.yaml",
            "tệp kế hoạch (.yaml, hoặc văn bản .docx, .txt); mặc định là tệp theo cấu hình Plan:File", ArgumentArity.ZeroOrOne);

        PlanCommands Plans() => new(PlanSettings(), output, error);
    }

    private Command ReminderVerbs()
    {
        var from = CliOptions.Date("--from", "ngày bắt đầu, coi là \"bây giờ\": 2026-01-23 hoặc 23/01/2026, có thể kèm giờ (2026-01-23T07:59)");
        var to = CliOptions.Date("--to", "ngày kết thúc, viết như --from; không ghi giờ thì tính đến hết ngày");
        var plan = CliOptions.FilePath("plan.yaml",
            "chỉ xem tệp kế hoạch này (mặc định: các tệp theo cấu hình Plan:File và Plan:AdditionalFiles)", "--plan");
        var units = CliOptions.Units();
        var format = CliOptions.Format("định dạng: text (lịch theo ngày, mặc định) hoặc json", "text", "text", "json");
        var preview = Verb(new Command("preview",
            "Liệt kê mọi lời nhắc sẽ gửi từ --from (coi là \"bây giờ\") đến --to, giả sử chưa đơn vị nào xác nhận.")
        {
            from, to, plan, units, format,
        }, parsed => new RemindersCommands(PlanSettings(), Policy(), output, error)
            .Preview(parsed.GetValue(from), parsed.GetValue(to), parsed.GetValue(plan), parsed.GetValue(units), parsed.GetRequiredValue(format)));

        return WithHelpVerb(new Command("reminders", "Lời nhắc: xem trước những gì bot sẽ gửi.") { preview });
    }

    private Command ChatVerb()
    {
        var unit = CliOptions.Unit("--as", "trò chuyện với tư cách đơn vị này, ví dụ \"THCS Hoa Thám\"");
        var role = CliOptions.Role("vai trò: head (thủ trưởng đơn vị), staff (cán bộ) hoặc office (phòng theo dõi kế hoạch); mặc định theo đơn vị");
        return Verb(new Command("chat",
            "Trò chuyện với bot qua dòng lệnh với tư cách một đơn vị: đọc tin nhắn từ bàn phím hoặc tệp, in câu trả lời.")
        {
            unit, role,
        }, (parsed, time, ct) => ChatAsync(parsed.GetRequiredValue(unit), parsed.GetValue(role), time, ct));
    }

    private Command InviteVerbs()
    {
        var unit = CliOptions.Unit("--unit", "đơn vị được mời, ví dụ \"Trạm Y tế xã\"");
        var role = CliOptions.Role(
            "vai trò của người dùng mã: head (thủ trưởng đơn vị, mặc định), staff (cán bộ) hoặc office (phòng theo dõi kế hoạch)");
        var create = Verb(new Command("create", "Tạo mã mời dùng một lần để liên kết một cuộc trò chuyện Telegram hoặc Zalo với đơn vị.")
        {
            unit, role,
        }, (parsed, time, ct) => InviteAsync(
            invites => invites.CreateAsync(parsed.GetRequiredValue(unit), parsed.GetValue(role) ?? ChatRole.Head, ct), time, ct));
        var list = Verb(new Command("list", "Liệt kê các mã mời còn hiệu lực (không in lại mã)."),
            (_, time, ct) => InviteAsync(invites => invites.ListAsync(ct), time, ct));

        return WithHelpVerb(new Command("invite", "Mã mời: liên kết cuộc trò chuyện Telegram, Zalo với một đơn vị.") { create, list });
    }

    private Command ReportVerb()
    {
        var target = CliOptions.FilePath("baocao.xlsx", "tệp Excel sẽ ghi; mặc định baocao-<năm-tháng-ngày>.xlsx trong thư mục hiện tại", "--output", "-o");
        var quarter = CliOptions.Quarter();
        var item = new Option<string?>("--item") { HelpName = "mục", Description = "chỉ một nhiệm vụ hoặc hạn nộp, ví dụ D1 hoặc 3" };
        return Verb(new Command("report",
            "Lập báo cáo tình hình thực hiện kế hoạch (tệp Excel): tổng hợp theo đơn vị và chi tiết từng việc, theo bốn tình trạng.")
        {
            target, quarter, item,
        }, (parsed, time, ct) => WithPlansAsync(time, tools: false, acceptShrink: false, async (provider, _) =>
        {
            await using var db = await provider.GetRequiredService<IDbContextFactory<TdktDbContext>>().CreateDbContextAsync(ct);
            var policy = provider.GetRequiredService<ReminderPolicy>();
            return await new ReportCommands(new ReportService(db, policy, time), policy, provider.GetRequiredService<PlanStore>().Directory?.Commune, time, output, error)
                .WriteAsync(parsed.GetValue(target), new ReportScope(parsed.GetValue(quarter), parsed.GetValue(item)), ct);
        }, ct));
    }

    private Command ArchiveVerbs()
    {
        var item = new Option<string>("--item") { HelpName = "mục", Description = "nhiệm vụ hoặc hạn nộp, ví dụ D1 hoặc 3", Required = true };
        var target = CliOptions.FilePath("D1.zip", "tệp nén sẽ ghi; mặc định hoso-<mục>.zip trong thư mục hiện tại", "--output", "-o");
        var export = Verb(new Command("export",
            "Ghi tệp nén (.zip) gồm mọi tệp các đơn vị đã gửi cho một mục và sổ theo dõi So-theo-doi.xlsx.")
        {
            item, target,
        }, (parsed, time, ct) => WithPlansAsync(time, tools: false, acceptShrink: false, async (provider, _) =>
        {
            await using var db = await provider.GetRequiredService<IDbContextFactory<TdktDbContext>>().CreateDbContextAsync(ct);
            var zone = provider.GetRequiredService<ReminderPolicy>().Settings.TimeZone;
            var folder = Path.Combine(provider.GetRequiredService<Store.StoreOptions>().FolderPath, Archive.FileArchive.FolderName);
            return await new ArchiveCommands(new Archive.ArchiveRegister(db, time, zone), folder, zone, time, output, error)
                .ExportAsync(parsed.GetRequiredValue(item), parsed.GetValue(target), ct);
        }, ct));

        return WithHelpVerb(new Command("archive", "Hồ sơ lưu trữ: các tệp đơn vị gửi kèm xác nhận nộp.") { export });
    }

    private Command StoreVerbs()
    {
        var to = new Option<string>("--to")
        {
            HelpName = "chuỗi kết nối",
            Description = "cơ sở dữ liệu PostgreSQL trống sẽ nhận bản chép, ví dụ \"Host=127.0.0.1;Database=tdkt;Username=tdkt;Password=...\"",
            Required = true,
        };
        var copy = Verb(new Command("copy",
            "Chép toàn bộ cơ sở dữ liệu đang dùng (tệp SQLite mặc định) sang một cơ sở dữ liệu PostgreSQL trống, giữ nguyên mọi dòng.")
        {
            to,
        }, (parsed, _, ct) => new StoreCommands(configuration, output, error).CopyAsync(parsed.GetRequiredValue(to), ct));

        return WithHelpVerb(new Command("store", "Cơ sở dữ liệu của bot: chép sang PostgreSQL khi chuyển lên máy chủ.") { copy });
    }

    /// <summary>Runs <paramref name="action"/> for <paramref name="command"/> on the clock that <c>--now</c> asks for.</summary>
    private Command Verb(Command command, Func<ParseResult, TimeProvider, CancellationToken, Task<int>> action)
    {
        command.SetAction((parsed, ct) => action(parsed, Start(parsed.GetValue<DateTimeOffset?>(CliOptions.NowName)), ct));
        return command;
    }

    /// <summary>A verb that only reads files; <c>--now</c> still applies to the settings it reads.</summary>
    private Command Verb(Command command, Func<ParseResult, int> action) => Verb(command, (parsed, _, _) => Task.FromResult(action(parsed)));

    /// <summary>The word <c>help</c> after a command shows its help, as <c>--help</c> does.</summary>
    private static Command WithHelpVerb(Command command)
    {
        command.Subcommands.Add(new Command("help") { Hidden = true, Action = new CliHelp(command) });
        return command;
    }
}
