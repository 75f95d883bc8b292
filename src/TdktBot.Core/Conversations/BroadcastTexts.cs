using TdktBot.Core.Text;

namespace TdktBot.Core.Conversations;

/// <summary>What the office reads while its campaign launch (phát động) goes out, and when it is done.</summary>
public static class BroadcastTexts
{
    // A report stays one readable message (Telegram cuts at 4096 characters) even if a whole group blocked the bot.
    private const int MaxListed = 40;

    /// <summary>"Nhóm THCS Hoa Thám (Trường THCS Hoa Thám)": the chat as people know it, then its unit when that says more.</summary>
    public static string ChatLabel(string chat, string? unit) =>
        unit is null || unit == chat ? chat : $"{chat} ({unit})";

    /// <summary>Sent to the office at each quarter of the way; <paramref name="confirmedOn"/> and the text's start tell launches apart.</summary>
    public static string Progress(int sent, int total, int notSent, DateOnly confirmedOn, string text) =>
        $"📣 Đã gửi {sent}/{total} tin phát động{(notSent > 0 ? $" ({notSent} tin chưa gửi được)" : string.Empty)}…\n{Which(confirmedOn, text)}";

    /// <summary>
    /// The final report, once nothing is waiting: counts, then the chats that failed (the messenger kept
    /// erroring) and those that blocked the bot or removed it, which need a new invitation.
    /// </summary>
    public static string Report(int sent, int total, IReadOnlyList<string> failed, IReadOnlyList<string> blocked, DateOnly confirmedOn, string text)
    {
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentNullException.ThrowIfNull(blocked);
        var lines = new List<string>
        {
            $"📣 Kết quả phát động: đã gửi {sent}/{total}; lỗi {failed.Count}; bị chặn {blocked.Count}{(failed.Count + blocked.Count > 0 ? ":" : ".")}",
        };
        lines.AddRange(Listed("Lỗi (bot đã thử lại nhiều lần nhưng không gửi được):", failed));
        lines.AddRange(Listed("Bị chặn (bot bị chặn hoặc bị xóa khỏi nhóm; hãy mời lại đơn vị để tiếp tục nhận tin):", blocked));
        lines.Add(Which(confirmedOn, text));
        return string.Join('\n', lines);
    }

    private static string Which(DateOnly confirmedOn, string text) =>
        $"Nội dung phát động ngày {VietnameseFormat.Date(confirmedOn)}: «{VietnameseFormat.Shorten(FirstLine(text), 60)}»";

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? trimmed : trimmed[..end].TrimEnd();
    }

    private static IEnumerable<string> Listed(string heading, IReadOnlyList<string> chats)
    {
        if (chats.Count == 0)
        {
            yield break;
        }

        yield return heading;
        foreach (var chat in chats.Take(MaxListed))
        {
            yield return $"- {chat}";
        }

        if (chats.Count > MaxListed)
        {
            yield return $"- … và {chats.Count - MaxListed} cuộc trò chuyện khác";
        }
    }
}
