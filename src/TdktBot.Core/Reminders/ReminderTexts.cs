using System.Globalization;
using System.Text;
using Humanizer;
using TdktBot.Core.Plans;
using TdktBot.Core.Text;

namespace TdktBot.Core.Reminders;

/// <summary>What a reminder is about: a plan task or a hard submission date.</summary>
/// <param name="Kind"><see cref="TaskKind"/> or <see cref="DeadlineKind"/>.</param>
/// <param name="Number">The task number as printed ("2") or the deadline id ("D1"); units confirm with it.</param>
public sealed record ReminderSubject(string Kind, string Number, string Content, DateOnly Due)
{
    public const string TaskKind = "task";
    public const string DeadlineKind = "deadline";

    /// <summary>A task, due on its effective date (the office's override wins).</summary>
    public static ReminderSubject Of(PlanTask task) => new(TaskKind, task.Number, task.Content, task.EffectiveDue);

    public static ReminderSubject Of(Deadline deadline) => new(DeadlineKind, deadline.Id, deadline.Content, deadline.Due);
}

/// <summary>A subject some units are late on.</summary>
public sealed record LateItem(ReminderSubject Subject, IReadOnlyList<string> Units);

/// <summary>The wording of every reminder, in Vietnamese.</summary>
public static class ReminderTexts
{
    // Longer contents are shortened so that a reminder stays readable on a phone.
    internal const int MaxContentLength = 160;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi");

    /// <summary>A reminder to a unit: polite before the due date, firmer once it is overdue.</summary>
    /// <param name="sendDay">The local date the reminder is sent on; the time left is counted from it.</param>
    /// <param name="step">The slot's step: <c>before-Nd</c>, <c>due-day</c> or <c>overdue-Nwd</c>.</param>
    /// <exception cref="ArgumentException">Another step, or an overdue step sent before the due date has passed.</exception>
    public static string UnitReminder(string unitName, ReminderSubject subject, DateOnly sendDay, string step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unitName);

        var text = new StringBuilder();
        text.Append("Kính gửi ").Append(unitName).Append(',').Append('\n');

        if (ReminderSteps.IsOverdue(step))
        {
            if (sendDay <= subject.Due)
            {
                throw new ArgumentException($"Bước «{step}» chỉ dùng sau hạn {VietnameseFormat.Date(subject.Due)}.", nameof(step));
            }

            text.Append("Việc sau đã ").Append(TimeLeft(subject.Due, sendDay))
                .Append(" mà bot chưa nhận được xác nhận của đơn vị:").Append('\n')
                .Append(Title(subject)).Append('\n')
                .Append("Hạn: ").Append(VietnameseFormat.DateWithWeekday(subject.Due)).Append('.').Append('\n')
                .Append("Đề nghị đơn vị khẩn trương ").Append(Done(subject))
                .Append(" và xác nhận với bot: ").Append(ConfirmCommand(subject)).Append('\n')
                .Append("Nếu đã ").Append(Done(subject)).Append(", xin xác nhận ngay để bot ngừng nhắc.");
            return text.ToString();
        }

        if (!ReminderSteps.IsBefore(step))
        {
            throw new ArgumentException($"Bước «{step}» không phải lời nhắc gửi đơn vị.", nameof(step));
        }

        text.Append(sendDay < subject.Due ? "Xin nhắc việc sắp đến hạn:" : "Xin nhắc việc đến hạn:").Append('\n')
            .Append(Title(subject)).Append('\n')
            .Append("Hạn: ").Append(VietnameseFormat.DateWithWeekday(subject.Due));

        // A before-due slot goes out after the due date only when that date is a day off: the period then
        // runs to the end of the next working day, so the unit is not late yet.
        text.Append(sendDay <= subject.Due
                ? $" ({TimeLeft(subject.Due, sendDay)})."
                : " (ngày nghỉ, nên được tính đến hết ngày làm việc tiếp theo).")
            .Append('\n')
            .Append("Khi đã ").Append(Done(subject)).Append(", vui lòng xác nhận với bot: ").Append(ConfirmCommand(subject)).Append('\n')
            .Append("Trân trọng cảm ơn!");
        return text.ToString();
    }

    /// <summary>To the office: who has not confirmed a subject that is overdue.</summary>
    /// <exception cref="ArgumentException">No late unit: there is nothing to escalate.</exception>
    public static string Escalation(ReminderSubject subject, IReadOnlyList<string> lateUnits, DateOnly sendDay)
    {
        if (lateUnits.Count == 0)
        {
            throw new ArgumentException("Không có đơn vị trễ hạn thì không cần báo cáo.", nameof(lateUnits));
        }

        var text = new StringBuilder();
        text.Append("Báo cáo trễ hạn").Append('\n')
            .Append(Title(subject)).Append('\n')
            .Append("Hạn: ").Append(VietnameseFormat.DateWithWeekday(subject.Due))
            .Append(" (").Append(TimeLeft(subject.Due, sendDay)).Append(").").Append('\n')
            .Append(CultureInfo.InvariantCulture, $"{lateUnits.Count} đơn vị chưa xác nhận đã {Done(subject)}:").Append('\n');
        foreach (var unit in lateUnits)
        {
            text.Append("- ").Append(unit).Append('\n');
        }

        text.Append("Đề nghị đôn đốc các đơn vị trên.");
        return text.ToString();
    }

    /// <summary>The office's weekly digest: what falls due in the week, then who is late on what.</summary>
    /// <param name="weekStart">Any day of the week; the digest covers its Monday to Sunday.</param>
    /// <param name="sendDay">The local date the digest is sent on; the time left is counted from it.</param>
    public static string WeeklyDigest(DateOnly weekStart, IReadOnlyList<ReminderSubject> dueThisWeek,
        IReadOnlyList<LateItem> late, DateOnly sendDay)
    {
        var monday = ReminderPolicy.WeekStart(weekStart);
        var sunday = monday.AddDays(6);
        var text = new StringBuilder();
        text.Append("Tổng hợp tuần ")
            .Append(monday.ToString(monday.Year == sunday.Year ? "dd/MM" : "dd/MM/yyyy", CultureInfo.InvariantCulture))
            .Append(" – ").Append(VietnameseFormat.Date(sunday)).Append('\n');

        var lateItems = late.Where(item => item.Units.Count > 0).OrderBy(item => item.Subject.Due).ToList();
        if (dueThisWeek.Count == 0 && lateItems.Count == 0)
        {
            return text.Append("Tuần này không có hạn nào và không có đơn vị nào trễ hạn.").ToString();
        }

        if (dueThisWeek.Count == 0)
        {
            text.Append("Tuần này không có hạn nào.").Append('\n');
        }
        else
        {
            text.Append("Đến hạn trong tuần:").Append('\n');
            foreach (var subject in dueThisWeek.OrderBy(s => s.Due))
            {
                text.Append("- ").Append(Title(subject)).Append(" – hạn ").Append(DueWithTimeLeft(subject, sendDay)).Append('\n');
            }
        }

        if (lateItems.Count == 0)
        {
            return text.Append("Không có đơn vị nào trễ hạn.").ToString();
        }

        text.Append("Đơn vị trễ hạn:");
        foreach (var item in lateItems)
        {
            text.Append('\n').Append("- ").Append(Title(item.Subject)).Append(" – hạn ").Append(DueWithTimeLeft(item.Subject, sendDay))
                .Append(CultureInfo.InvariantCulture, $", {item.Units.Count} đơn vị:");
            foreach (var unit in item.Units)
            {
                text.Append('\n').Append("   + ").Append(unit);
            }
        }

        return text.ToString();
    }

    /// <summary>"còn 3 ngày", "ngày mai là hạn cuối", "hạn cuối là hôm nay", "quá hạn 2 ngày".</summary>
    public static string TimeLeft(DateOnly due, DateOnly today)
    {
        var days = due.DayNumber - today.DayNumber;
        return days switch
        {
            > 1 => $"còn {Days(days)}",
            1 => "ngày mai là hạn cuối",
            0 => "hạn cuối là hôm nay",
            _ => $"quá hạn {Days(-days)}",
        };
    }

    // The content on one line, cut at a word boundary with "…" when longer than MaxContentLength.
    internal static string Shorten(string content)
    {
        var oneLine = string.Join(' ', content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length <= MaxContentLength)
        {
            return oneLine;
        }

        // Leave room for the ellipsis and never split a letter from its combining marks.
        var end = 0;
        while (end < oneLine.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(oneLine, end);
            if (next > MaxContentLength - 1)
            {
                break;
            }

            end = next;
        }

        var space = oneLine.LastIndexOf(' ', end);
        var cut = space > 0 ? oneLine[..space] : oneLine[..end];
        return cut.TrimEnd(' ', ',', ';', ':', '-', '–') + "…";
    }

    // Humanizer's Vietnamese gives "3 ngày"; capped at days, or a week would read "1 tuần".
    private static string Days(int count) =>
        TimeSpan.FromDays(count).Humanize(culture: Vietnamese, maxUnit: TimeUnit.Day, minUnit: TimeUnit.Day);

    private static bool IsDeadline(ReminderSubject subject) => subject.Kind switch
    {
        ReminderSubject.TaskKind => false,
        ReminderSubject.DeadlineKind => true,
        _ => throw new ArgumentException($"Loại việc «{subject.Kind}» không rõ.", nameof(subject)),
    };

    private static string Done(ReminderSubject subject) => IsDeadline(subject) ? "nộp" : "hoàn thành";

    private static string Title(ReminderSubject subject) =>
        IsDeadline(subject) ? $"Hạn nộp: {Shorten(subject.Content)}" : $"Nhiệm vụ số {subject.Number}: {Shorten(subject.Content)}";

    private static string ConfirmCommand(ReminderSubject subject) => ConfirmReply(subject.Number);

    /// <summary>The reply that confirms task or deadline <paramref name="number"/> («NOP 3»): what reminders ask for, and what
    /// the conversation's «nop» command reads.</summary>
    public static string ConfirmReply(string number) => $"NOP {number}";

    private static string DueWithTimeLeft(ReminderSubject subject, DateOnly today) =>
        $"{VietnameseFormat.DateWithWeekday(subject.Due)} ({TimeLeft(subject.Due, today)})";
}
