using TdktBot.Core.Reminders;
using TdktBot.Core.Text;

namespace TdktBot.Core.Conversations;

/// <summary>What people are told when they confirm, undo, accept or return a submission.</summary>
public static class StatusTexts
{
    public const string NotFound = "Không tìm thấy nhiệm vụ này trong kế hoạch. Hãy hỏi «đơn vị tôi còn việc gì» để xem danh sách.";

    public const string ChangedMeanwhile = "Trạng thái vừa được người khác thay đổi. Vui lòng xem lại rồi thử lại.";

    /// <summary>"nhiệm vụ số 2 (Xây dựng kế hoạch…)" or "hạn nộp D1 (Các cơ quan…)".</summary>
    public static string Subject(ReminderSubject s) =>
        $"{(s.Kind == ReminderSubject.DeadlineKind ? "hạn nộp" : "nhiệm vụ số")} {s.Number} ({VietnameseFormat.Shorten(s.Content, 80)})";

    public static string NotYourUnit(string unit) =>
        $"Bạn không thuộc {unit} nên không thể xác nhận thay đơn vị này. Mỗi đơn vị tự xác nhận phần việc của mình.";

    public static string NoLongerOwed(string subject) => $"Đơn vị không còn phải thực hiện {subject} theo kế hoạch hiện hành.";

    public static string AlreadySubmitted(string subject, DateOnly? on) =>
        $"Đơn vị đã xác nhận nộp {subject}{(on is { } d ? $" ngày {VietnameseFormat.Date(d)}" : string.Empty)} rồi, không cần xác nhận lại.";

    public static string AlreadyAccepted(string subject) => $"Phòng Văn hóa - Xã hội đã tiếp nhận {subject}; trạng thái này không thay đổi được nữa.";

    public static string NothingToUndo(string subject) => $"Đơn vị chưa xác nhận nộp {subject} nên không có gì để hủy.";

    public static string UndoOnlySameDay(string subject) =>
        $"Chỉ hủy được xác nhận trong ngày đã xác nhận. Nếu cần sửa {subject}, vui lòng liên hệ Phòng Văn hóa - Xã hội.";

    public static string NotSubmitted(string subject, string unit) => $"{unit} chưa xác nhận nộp {subject}.";

    public static string Confirmed(string subject) => $"✅ Đã ghi nhận: đơn vị đã nộp {subject}. Bot sẽ không nhắc việc này nữa.";

    public static string Undone(string subject) => $"Đã hủy xác nhận nộp {subject}. Việc này trở lại trạng thái chưa nộp.";

    public static string Accepted(string subject, string unit) => $"Đã tiếp nhận {subject} của {unit}.";

    public static string Returned(string subject, string unit) => $"Đã trả lại {subject} cho {unit}; đơn vị sẽ được nhắc nộp lại.";
}
