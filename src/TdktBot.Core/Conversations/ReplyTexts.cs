using System.Globalization;
using System.Text;
using TdktBot.Core.Access;
using TdktBot.Core.Plans;
using TdktBot.Core.Reminders;
using TdktBot.Core.Text;

namespace TdktBot.Core.Conversations;

/// <summary>Where one unit stands on one item, as the unit's chat reads it.</summary>
public enum ItemStatus
{
    NotOwed,
    Pending,
    Submitted,
    Accepted,
    Returned,
}

/// <summary>One task or deadline as an answer lists it.</summary>
public sealed record ItemLine(ReminderSubject Subject, ItemStatus Status);

/// <summary>Everything the bot says in a conversation, in one place.</summary>
public static class ReplyTexts
{
    public const string Stranger =
        "Xin chào! Đây là bot nhắc việc thi đua, khen thưởng của xã. Cuộc trò chuyện này chưa được liên kết với đơn vị nào.\n" +
        "Để dùng bot, hãy xin mã mời từ Phòng Văn hóa - Xã hội rồi gửi: /start MÃ_MỜI";

    public const string UnknownCode =
        "Mã mời không đúng. Hãy kiểm tra lại từng ký tự (mã gồm 10 chữ và số), hoặc xin mã mới từ Phòng Văn hóa - Xã hội.";

    public const string UsedCode = "Mã mời này đã được dùng. Mỗi mã chỉ dùng một lần; hãy xin mã mới từ Phòng Văn hóa - Xã hội.";

    public const string ExpiredCode = "Mã mời đã hết hạn. Hãy xin mã mới từ Phòng Văn hóa - Xã hội.";

    public static string Paused(int minutes) =>
        $"Bot đang tạm ngừng nhận mã mời vì có quá nhiều mã sai được gửi tới. Vui lòng đợi khoảng {minutes} phút rồi gửi lại mã.";

    public const string Throttled = "Bạn đã nhập sai mã quá nhiều lần. Vui lòng đợi khoảng một giờ rồi thử lại, hoặc liên hệ Phòng Văn hóa - Xã hội.";

    public const string BoardOff =
        "Bảng theo dõi trên web chưa bật ở máy chạy bot. Người quản trị đặt Web:Listen (ví dụ \"http://127.0.0.1:5080\") và Web:PublicUrl (địa chỉ mọi người mở được) rồi chạy lại bot.";

    public const string BoardInGroup =
        "Đường dẫn đăng nhập bảng theo dõi là của riêng bạn: hãy gõ /bang trong cuộc trò chuyện riêng với bot, không gõ trong nhóm.";

    /// <summary>The one-time sign-in link, and until when it works (commune time).</summary>
    public static string BoardLink(string url, DateTime expiresLocal) =>
        $"🔗 Mở bảng theo dõi: {url}\nĐường dẫn dùng một lần, hết hạn lúc {expiresLocal.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)} ngày {Text.VietnameseFormat.Date(DateOnly.FromDateTime(expiresLocal))}. "
        + "Đừng chuyển cho người khác: ai mở trước sẽ vào bằng tài khoản của bạn. Phiên làm việc trên trình duyệt kéo dài 12 giờ.";

    public const string BoardHeadsOnly =
        "Bảng theo dõi trên web dành cho thủ trưởng đơn vị và văn phòng. Bạn vẫn có thể hỏi bot ngay tại đây, ví dụ «đơn vị tôi còn việc gì».";

    public const string OfficeOnly =
        "Xin lỗi, việc này chỉ Phòng Văn hóa - Xã hội (bộ phận theo dõi kế hoạch) làm được. Bạn có thể hỏi: «quý này có việc gì», «đơn vị tôi còn việc gì». " +
        "Cán bộ theo dõi kế hoạch cần xin mã mời vai trò văn phòng rồi gửi /start MÃ_MỜI.";

    public const string HeadOnly =
        "Xác nhận nộp do thủ trưởng đơn vị thực hiện. Bạn vẫn có thể hỏi: «quý này có việc gì», «tuần này có hạn gì». " +
        "Nếu bạn là thủ trưởng đơn vị, hãy xin mã mời thủ trưởng từ Phòng Văn hóa - Xã hội rồi gửi /start MÃ_MỜI.";

    public const string HeadOnlyUndo =
        "Hủy xác nhận nộp do thủ trưởng đơn vị thực hiện. Bạn vẫn có thể hỏi: «đơn vị tôi còn việc gì», hoặc báo thủ trưởng đơn vị nếu xác nhận bị nhầm.";

    /// <summary>Why <paramref name="role"/> may not do <paramref name="act"/>, and what they may do instead (<see cref="AccessPolicy"/>).</summary>
    public static string NotAllowed(Role role, Act act) => (role, act) switch
    {
        (Role.Stranger, _) => Stranger,
        (_, Act.Confirm) => HeadOnly,
        (_, Act.Undo) => HeadOnlyUndo,
        (_, Act.ViewBoard) => BoardHeadsOnly,
        _ => OfficeOnly,
    };

    /// <summary>The office's answer to /baocao: the four states' counts, the units most overdue, and where the .xlsx is.</summary>
    public static string ReportSummary(string scope, DateOnly asOf, int units, int items, (int OnTime, int Late, int Open, int Overdue, int Accepted, int Returned) counts,
        IEnumerable<(string Unit, int Overdue)> mostOverdue, string? savedAt) =>
        $"📊 Báo cáo {scope}, tính đến ngày {Text.VietnameseFormat.Date(asOf)}: {units} đơn vị, {items} việc.\n"
        + $"• Hoàn thành đúng hạn: {counts.OnTime}\n• Hoàn thành quá hạn: {counts.Late}\n"
        + $"• Chưa hoàn thành, trong hạn: {counts.Open}\n• Chưa hoàn thành, quá hạn: {counts.Overdue}\n"
        + $"Đã tiếp nhận: {counts.Accepted} · trả lại: {counts.Returned}"
        + (mostOverdue.Any() ? "\nQuá hạn nhiều nhất: " + string.Join("; ", mostOverdue.Select(u => $"{u.Unit} ({u.Overdue})")) : string.Empty)
        + (savedAt is null
            ? "\nTệp Excel gửi kèm ngay sau tin này."
            : $"\nTệp Excel đã lưu trên máy chạy bot: {savedAt} (nền tảng này không gửi được tệp; trên Telegram bot gửi kèm tệp).");

    public const string FilesUsage = "Gõ /hoso D1 (hạn nộp D1) hoặc /hoso 3 (nhiệm vụ số 3) để xem hồ sơ đã nhận của mục đó.";

    /// <summary>The office's answer to /hoso: what came in for an item, oldest first, and which units concerned sent no file.</summary>
    public static string ItemFiles(string subject, DateOnly due, IReadOnlyList<(string Unit, DateTime At, bool Late, long Size, string? OriginalName)> files,
        IReadOnlyList<string> missing, string item)
    {
        var units = files.Select(f => f.Unit).Distinct().Count();
        var lines = new List<string> { $"📁 Hồ sơ {subject} (hạn {Text.VietnameseFormat.Date(due)}): {files.Count} tệp của {units}/{units + missing.Count} đơn vị." };
        if (files.Count > 0)
        {
            lines.Add("Đã nhận:");
            lines.AddRange(files.Select(f =>
                $"• {f.Unit}: {Text.VietnameseFormat.Date(DateOnly.FromDateTime(f.At))} {f.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}, "
                + Text.VietnameseFormat.Size(f.Size) + (f.Late ? ", nộp muộn" : string.Empty)
                + (string.IsNullOrWhiteSpace(f.OriginalName) ? string.Empty : $" («{Text.VietnameseFormat.Shorten(f.OriginalName, 60)}»)")));
        }

        lines.Add(missing.Count == 0 ? "Mọi đơn vị liên quan đều đã gửi tệp." : $"Chưa gửi tệp ({missing.Count}): {string.Join(", ", missing)}.");
        if (files.Count > 0)
        {
            lines.Add($"Tải cả hồ sơ kèm sổ theo dõi: lệnh «archive export --item {item} -o {item}.zip» trên máy chạy bot.");
        }

        return string.Join("\n", lines);
    }

    public const string NothingHeld = "Không có tệp kế hoạch nào đang chờ áp dụng. Bot đang nhắc việc theo kế hoạch đã nạp.";

    /// <summary>The office's answer to /apdung: what the reload did, or why it could not.</summary>
    public static string PlanApplied(bool loaded, IEnumerable<string> messages) =>
        (loaded ? "✅ Đã áp dụng tệp kế hoạch.\n" : "Chưa áp dụng được tệp kế hoạch:\n")
        + string.Join("\n", messages)
        + (loaded ? "\nBot nhắc việc theo lịch mới từ lần quét nhắc việc tiếp theo." : string.Empty);

    public const string NoPlan = "Chưa có kế hoạch nào được nạp. Vui lòng báo Phòng Văn hóa - Xã hội.";

    public static string FileWithoutCaption(string fileName) =>
        $"Bot đã nhận tệp «{fileName}» nhưng chưa biết tệp này nộp cho việc nào. Hãy gửi lại tệp kèm chú thích, ví dụ: NOP D1 (hoặc NOP 3).";

    public const string EmptyMessage = "Bot chỉ hiểu tin nhắn chữ. Hãy gõ câu hỏi, ví dụ «quý này có việc gì», hoặc /help.";

    /// <param name="inGroup">Linked from a group: the role is the person's who sent the code, not everyone's there.</param>
    public static string Linked(string unit, string role, bool inGroup) =>
        $"✅ Đã liên kết cuộc trò chuyện này với {unit} ({role}).\n" +
        (inGroup ? $"Vai trò {role} là của riêng người gửi mã; các thành viên khác trong nhóm dùng bot với vai trò cán bộ.\n" : string.Empty) +
        "Từ nay bot sẽ nhắc hạn nộp tại đây. Gõ /help để xem bot làm được gì.";

    public static string RoleName(string role) => role switch
    {
        "Office" => "Phòng theo dõi kế hoạch",
        "Staff" => "cán bộ",
        _ => "thủ trưởng đơn vị",
    };

    public static string Greeting(string? name, string unit) =>
        $"Xin chào{(string.IsNullOrWhiteSpace(name) ? string.Empty : " " + name)}! Bot đang phục vụ {unit}.\n" +
        "Bạn có thể hỏi: «quý này có việc gì», «tuần này có hạn gì», «đơn vị tôi còn việc gì», hoặc gõ /help.";

    /// <summary>The first reply of a chat opened with /start: who the bot serves, then the help.</summary>
    public static string Welcome(string? name, string unit, Role role) =>
        $"Xin chào{(string.IsNullOrWhiteSpace(name) ? string.Empty : " " + name)}! Bot đang phục vụ {unit}.\n\n{Help(role)}";

    /// <summary>The commands <paramref name="role"/> may use, and how to ask.</summary>
    public static string Help(Role role)
    {
        var sb = new StringBuilder("Bot nhắc việc thi đua, khen thưởng. Bạn có thể gõ lệnh hoặc hỏi tự nhiên, có dấu hay không dấu đều được:\n");
        foreach (var command in ConversationCommands.All.Where(c => AccessPolicy.Allows(role, IntentActs.ActOf(new Intent(c.Kind)))))
        {
            sb.Append(CultureInfo.InvariantCulture, $"/{command.Command}: {command.Description}\n");
        }

        return sb.Append(AccessPolicy.Allows(role, Act.Confirm)
            ? "Ví dụ: «quý 2 có việc gì», «đã nộp kế hoạch», «NOP D1»."
            : "Ví dụ: «quý 2 có việc gì», «đơn vị tôi còn việc gì».").ToString();
    }

    public const string Failed = "Xin lỗi, bot gặp lỗi khi xử lý yêu cầu này. Vui lòng thử lại sau ít phút.";

    public static string Unknown =>
        "Xin lỗi, bot chưa hiểu câu này. Bạn thử hỏi: «quý này có việc gì», «tuần này có hạn gì», «đơn vị tôi còn việc gì», «đã nộp D1», hoặc gõ /help.";

    public static string Later =>
        "Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận là đã nộp; bot vẫn nhắc theo hạn. Khi nộp xong, hãy nhắn «đã nộp <số việc>», ví dụ «đã nộp D1».";

    public static string Ambiguous => "Bạn muốn hỏi điều nào?";

    public static string ChoiceLabel(IntentKind kind) => kind switch
    {
        IntentKind.Ask => "Đơn vị tôi còn việc gì",
        IntentKind.Confirm => "Xác nhận đã nộp",
        IntentKind.Undo => "Hủy xác nhận",
        IntentKind.Members => "Thành viên",
        _ => "Hướng dẫn",
    };

    public static string BadArgument(string what) => $"Bot chưa hiểu «{what}». {Unknown}";

    /// <summary>A titled list of items, each with number, content, due date with weekday, and the unit's status.</summary>
    public static string Items(string title, IReadOnlyList<ItemLine> items, DateOnly today, string? emptyNote = null)
    {
        var sb = new StringBuilder(title);
        if (items.Count == 0)
        {
            return sb.Append('\n').Append(emptyNote ?? "Không có việc nào.").ToString();
        }

        foreach (var item in items)
        {
            sb.Append('\n').Append(Line(item, today));
        }

        return sb.ToString();
    }

    public static string Line(ItemLine item, DateOnly today)
    {
        var s = item.Subject;
        var name = s.Kind == ReminderSubject.DeadlineKind ? $"Hạn nộp {s.Number}" : $"Nhiệm vụ {s.Number}";
        var status = item.Status switch
        {
            ItemStatus.NotOwed => " · đơn vị không phải thực hiện",
            ItemStatus.Pending => s.Due < today ? " · ⚠️ đơn vị CHƯA NỘP (quá hạn)" : " · đơn vị chưa nộp",
            ItemStatus.Submitted => " · ✅ đã nộp, chờ tiếp nhận",
            ItemStatus.Accepted => " · ✅ đã được tiếp nhận",
            _ => " · ↩️ bị trả lại, cần nộp lại",
        };
        return $"• {name}: {VietnameseFormat.Shorten(s.Content, 140)}\n  Hạn: {VietnameseFormat.DateWithWeekday(s.Due)} ({ReminderTexts.TimeLeft(s.Due, today)}){status}";
    }

    public static string QuarterTitle(int quarter, int year) => $"Quý {Quarter.ToRoman(quarter)}/{year}: các việc và hạn nộp";

    public static string MonthTitle(int month, int year) => $"Tháng {month}/{year}: các hạn trong tháng";

    public static string WeekTitle(DateOnly monday) =>
        $"Tuần {monday.ToString("dd/MM", CultureInfo.InvariantCulture)} – {VietnameseFormat.Date(monday.AddDays(6))}: các hạn trong tuần";

    public const string NextTitle = "Các hạn sắp tới:";

    /// <summary>"từ 14/05/2026 đến 31/05/2026".</summary>
    public static string Span(DateSpan span) =>
        span.From == span.To ? $"ngày {VietnameseFormat.Date(span.From)}" : $"từ {VietnameseFormat.Date(span.From)} đến {VietnameseFormat.Date(span.To)}";

    public static string SpanTitle(DateSpan span) => $"Các việc có hạn {Span(span)}:";

    /// <summary>The title of what a unit (or a group) has in one state: "Trạm Y tế xã còn các việc sau chưa nộp (từ … đến …):".</summary>
    public static string OwnTitle(string who, StatusFilter status, DateSpan? period)
    {
        var when = period is { } span ? $" ({Span(span)})" : string.Empty;
        return status switch
        {
            StatusFilter.Pending => $"{who} còn các việc sau chưa nộp{when}:",
            StatusFilter.Overdue => $"{who} có các việc đã quá hạn mà chưa nộp{when}:",
            StatusFilter.Submitted => $"{who} đã xác nhận nộp{when}:",
            StatusFilter.Accepted => $"Phòng Văn hóa - Xã hội đã tiếp nhận của {who}{when}:",
            StatusFilter.Returned => $"{who} có các việc bị trả lại, cần nộp lại{when}:",
            _ => $"Các việc của {who}{when}:",
        };
    }

    public static string NothingFound(DateSpan? period) =>
        period is { } span ? $"Không có việc nào {Span(span)}." : "Không có việc nào.";

    /// <summary>One item asked about: what it is, its due date and days left, and where the unit stands.</summary>
    public static string ItemCards(string who, IReadOnlyList<ItemLine> items, DateOnly today, AnswerForm form)
    {
        var cards = items.Select(item =>
        {
            var s = item.Subject;
            var due = $"Hạn: {VietnameseFormat.DateWithWeekday(s.Due)} ({ReminderTexts.TimeLeft(s.Due, today)})";
            var state = item.Status switch
            {
                ItemStatus.NotOwed => $"{who} không phải thực hiện việc này.",
                ItemStatus.Pending => s.Due < today ? $"⚠️ {who} chưa nộp (đã quá hạn)." : $"{who} chưa nộp.",
                ItemStatus.Submitted => $"✅ {who} đã nộp, chờ tiếp nhận.",
                ItemStatus.Accepted => $"✅ {who} đã được tiếp nhận.",
                _ => $"↩️ {who} bị trả lại, cần nộp lại.",
            };
            var head = Describe(s);
            return form switch
            {
                AnswerForm.When or AnswerForm.DaysLeft => $"{head}\n{due}\n{state}",
                AnswerForm.State => $"{head}\n{state}\n{due}",
                _ => $"{(s.Kind == ReminderSubject.DeadlineKind ? "Hạn nộp" : "Nhiệm vụ")} {s.Number}: {s.Content}\n{due}\n{state}",
            };
        });
        return string.Join("\n\n", cards);
    }

    /// <summary>Which units are in the state asked about for one item: "D1 — hạn …: 3 đơn vị chưa nộp: …".</summary>
    public static string UnitsByState(ReminderSubject subject, IReadOnlyList<string> units, StatusFilter status, DateOnly today)
    {
        if (status is StatusFilter.Pending or StatusFilter.Overdue or StatusFilter.All)
        {
            return NotSubmittedList(subject, units, today);
        }

        var state = status switch
        {
            StatusFilter.Submitted => "đã nộp",
            StatusFilter.Accepted => "đã được tiếp nhận",
            _ => "bị trả lại",
        };
        return units.Count == 0
            ? $"Chưa có đơn vị nào {state} {Describe(subject)}."
            : $"{Describe(subject)} — hạn {VietnameseFormat.DateWithWeekday(subject.Due)}\n{units.Count} đơn vị {state}:\n" + string.Join('\n', units.Select(u => "- " + u));
    }

    public static string NobodyInState(string who, StatusFilter status) => status switch
    {
        StatusFilter.Overdue => $"Hiện {who} không có việc nào quá hạn mà chưa nộp.",
        StatusFilter.Submitted => $"Chưa có việc nào {who} xác nhận đã nộp.",
        StatusFilter.Accepted => $"Chưa có việc nào của {who} được tiếp nhận.",
        StatusFilter.Returned => $"Không có việc nào của {who} bị trả lại.",
        _ => EveryoneUpToDate,
    };

    public static string PlanTitle(int year) => $"Kế hoạch thi đua, khen thưởng năm {year}:";

    public static string PendingTitle(string unit) => $"{unit} còn các việc sau chưa nộp:";

    public static string NothingPending(string unit) => $"🎉 {unit} đã xác nhận nộp tất cả các việc đến nay. Cảm ơn!";

    public const string ConfirmHint = "Khi đã nộp, trả lời: NOP <số> (ví dụ NOP 2 hoặc NOP D1).";

    public static string WhichToConfirm => "Đơn vị đã nộp việc nào? Chọn bên dưới, hoặc trả lời NOP <số>.";

    public static string WhichToUndo => "Bạn muốn hủy xác nhận việc nào? Chọn bên dưới, hoặc trả lời HUY <số>.";

    public static string NotForOtherUnit(string unit, string other) =>
        $"Tin nhắn nhắc đến {other}, nhưng bạn đang xác nhận cho {unit}. Mỗi đơn vị tự xác nhận phần việc của mình, nên bot không ghi nhận gì.";

    /// <summary>The office told the bot a unit sent something: the unit confirms its own work; each item's state follows.</summary>
    public static string OfficeHeard(string unit, IEnumerable<string> items) =>
        $"Bot không xác nhận thay {unit}: mỗi đơn vị tự xác nhận phần việc của mình.\n" + string.Join('\n', items);

    public static string HeardOf(string number, string unit, bool submitted, bool accepted) =>
        accepted ? $"- Việc số {number}: phòng đã tiếp nhận của {unit}."
        : submitted ? $"- Việc số {number}: {unit} đã xác nhận nộp; bấm «Tiếp nhận» bên dưới hoặc gõ /tiepnhan {unit} {number}."
        : $"- Việc số {number}: {unit} chưa xác nhận nộp trên bot; thủ trưởng đơn vị trả lời NOP {number} để xác nhận.";

    public static string NotOwedByUnit(string number, string unit) => $"{unit} không có việc số {number} trong kế hoạch hiện hành. Gõ «đơn vị tôi còn việc gì» để xem danh sách.";

    public static string NoSuchItem(string number) => $"Kế hoạch không có mục «{number}». Gõ /kehoach để xem số các nhiệm vụ và hạn nộp.";

    public static string NothingToConfirm(string unit) => $"{unit} không còn việc nào chờ xác nhận.";

    /// <summary>An undo with nothing to take back: nothing confirmed at all, or nothing today (an earlier one goes by its number).</summary>
    public static string NothingToUndo(string unit, bool anyEarlier) => anyEarlier
        ? $"{unit} hôm nay chưa xác nhận nộp việc nào. Muốn hủy việc đã xác nhận từ trước, gõ /huy kèm số việc, ví dụ /huy 3."
        : $"{unit} chưa xác nhận nộp việc nào nên không có gì để hủy.";

    public static string NotSubmittedList(ReminderSubject subject, IReadOnlyList<string> units, DateOnly today) =>
        units.Count == 0
            ? $"Tất cả đơn vị đã nộp {Describe(subject)} (hạn {VietnameseFormat.DateWithWeekday(subject.Due)})."
            : $"{Describe(subject)} — hạn {VietnameseFormat.DateWithWeekday(subject.Due)} ({ReminderTexts.TimeLeft(subject.Due, today)})\n" +
              $"{units.Count} đơn vị chưa nộp:\n" + string.Join('\n', units.Select(u => "- " + u));

    public const string EveryoneUpToDate = "Hiện không có đơn vị nào trễ hạn, và không có hạn nào trong 7 ngày tới mà còn đơn vị chưa nộp.";

    public static string Describe(ReminderSubject s) =>
        s.Kind == ReminderSubject.DeadlineKind ? $"Hạn nộp {s.Number}: {VietnameseFormat.Shorten(s.Content, 100)}" : $"Nhiệm vụ {s.Number}: {VietnameseFormat.Shorten(s.Content, 100)}";

    public static string UnitNotFound(string written) =>
        $"Không tìm thấy đơn vị «{written}». Hãy viết tên như trong danh sách đơn vị, ví dụ «Trường THCS Hoa Thám» hoặc tên viết tắt.";

    public const string InviteUsage = "Cách dùng: /moi <tên đơn vị> [head|staff|office], ví dụ: /moi Trường THCS Hoa Thám head";

    public const string AcceptUsage = "Cách dùng: /tiepnhan <đơn vị> <số mục>, ví dụ: /tiepnhan Trạm Y tế xã D1";

    public const string ReturnUsage = "Cách dùng: /tralai <đơn vị> <số mục> <lý do>, ví dụ: /tralai Trạm Y tế xã D1 thiếu chữ ký";

    /// <param name="telegramLink">The Telegram deep link with the code in it, once the bot's name is known.</param>
    /// <param name="zaloLink">The link that opens the Zalo bot (Zalo:BotLink), when Zalo is set up; the code must still be sent.</param>
    public static string Invite(string unit, string role, string code, DateOnly validUntil, string? telegramLink, string? zaloLink = null) =>
        $"Mã mời cho {unit} ({role}): {code}\nDùng một lần, hiệu lực đến hết {VietnameseFormat.Date(validUntil)}.\n" +
        (telegramLink is null ? string.Empty : $"Telegram: bấm {telegramLink}\n") +
        (zaloLink is null ? string.Empty : $"Zalo: mở {zaloLink} rồi gửi tin nhắn: /start {code}\n") +
        $"Hoặc mở bot trên Zalo hay Telegram và gửi tin nhắn: /start {code}";

    /// <summary>What the bot says to a message it cannot read: an image, a sticker, or content the messenger hides.</summary>
    /// <param name="what">"ảnh", "nhãn dán"…, as it reads after "Bot chưa đọc được".</param>
    public static string CannotRead(string what) =>
        $"Bot chưa đọc được {what}. Bot hiểu tin nhắn chữ, ví dụ: «quý này có việc gì», «NOP 3» để xác nhận đã nộp nhiệm vụ 3, " +
        "hoặc /help để xem hướng dẫn. Nếu cần gửi ảnh hay tệp hồ sơ, hãy gửi cho văn phòng theo cách thường lệ.";

    /// <summary>"hạn nộp D1", "nhiệm vụ số 3": an item by its number alone.</summary>
    public static string ShortSubject(ReminderSubject s) => s.Kind == ReminderSubject.DeadlineKind ? $"hạn nộp {s.Number}" : $"nhiệm vụ số {s.Number}";

    /// <summary>To the unit: the file sent with its confirmation is kept in the office's records.</summary>
    public static string FileArchived(string subject, string path) => $"📎 Đã lưu tệp vào hồ sơ {subject}: {path.Split('/')[^1]}.";

    public static string FileTooLarge(long size, long limit) =>
        $"📎 Tệp nặng {size / 1048576.0:0.#} MB, quá {limit / 1048576} MB nên bot không lưu được; việc nộp vẫn được ghi nhận. "
        + "Vui lòng gửi bản nhỏ hơn (ví dụ PDF nén) hoặc gửi trực tiếp cho văn phòng.";

    public const string FileNotArchivedForUnit =
        "📎 Bot chưa tải được tệp đính kèm; việc nộp vẫn được ghi nhận. Văn phòng đã được báo và có thể đề nghị gửi lại tệp.";

    /// <summary>To the office: a unit's file could not be fetched and must be asked for again.</summary>
    public static string FileNotArchived(string unit, string subject, string? fileName) =>
        $"⚠️ Không tải được tệp {(string.IsNullOrWhiteSpace(fileName) ? string.Empty : $"«{fileName}» ")}mà {unit} gửi kèm khi nộp {subject}. "
        + "Việc nộp vẫn được ghi nhận; hãy đề nghị đơn vị gửi lại tệp.";

    public static string OfficeNotice(string unit, string subject, string? note, string? fileName) =>
        $"📥 {unit} đã xác nhận nộp {subject}." +
        (string.IsNullOrWhiteSpace(note) ? string.Empty : $"\nGhi chú: {note}") +
        (string.IsNullOrWhiteSpace(fileName) ? string.Empty : $"\nTệp đính kèm: {fileName}");

    public static string Members(IReadOnlyList<(string Unit, IReadOnlyList<string> Chats)> units) =>
        units.Count == 0
            ? "Chưa có ai liên kết với bot. Tạo mã mời bằng /moi <đơn vị>."
            : "Thành viên dùng bot:\n" + string.Join('\n', units.Select(u => $"• {u.Unit}: " + (u.Chats.Count == 0 ? "chưa có ai" : string.Join("; ", u.Chats))));

    public const string BroadcastUsage = "Cách dùng: /phatdong [nhóm:] <nội dung>, ví dụ: /phatdong các trường: Phát động phong trào thi đua «Dạy tốt, học tốt» năm học 2026-2027.";

    public static string BroadcastGroupNotFound(string written, IEnumerable<string> groups) =>
        $"Không tìm thấy nhóm hay đơn vị «{written}». Các nhóm: {string.Join("; ", groups)}. Hãy ghi một nhóm hoặc tên đơn vị trong danh sách, hoặc bỏ phần «nhóm:» để gửi cho tất cả đơn vị.";

    public static string BroadcastTooLong(int length, int max) =>
        $"Nội dung dài {length} ký tự; hãy rút gọn còn tối đa {max} ký tự để đơn vị đọc được trong một tin.";

    public static string BroadcastPreview(string text, string audience, int chats, int units) =>
        chats == 0
            ? $"Chưa có cuộc trò chuyện nào của {audience} liên kết với bot, nên chưa gửi được. Tạo mã mời bằng /moi <đơn vị>."
            : $"Xem trước tin phát động gửi {audience}: {chats} cuộc trò chuyện của {units} đơn vị.\n———\n{text}\n———\nChọn «Gửi» để gửi, hoặc «Hủy».";

    public static string BroadcastConfirmed(int chats) => $"Đang gửi tới {chats} cuộc trò chuyện. Bot sẽ báo tiến độ và kết quả tại đây.";

    public const string BroadcastCancelled = "Đã hủy tin phát động; chưa gửi tin nào.";

    public const string BroadcastAlreadyConfirmed = "Tin phát động này đã được gửi rồi.";

    public const string BroadcastNotFound = "Không tìm thấy tin phát động này. Hãy soạn lại bằng /phatdong.";

    public const string BroadcastNotYours = "Chỉ người soạn tin phát động mới gửi hoặc hủy được tin đó.";
}
