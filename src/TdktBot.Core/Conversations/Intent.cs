namespace TdktBot.Core.Conversations;

/// <summary>What a message to the bot asks for.</summary>
public enum IntentKind
{
    /// <summary>Nothing recognisable; the engine answers with a short hint.</summary>
    Unknown,
    Help,
    Greeting,

    /// <summary>"/start" or "/start CODE" (an invitation code from a deep link).</summary>
    Start,

    /// <summary>A question about the plan, read as its parts in <see cref="Intent.Question"/>: whose items, which, when, in what state, and what to tell of them.</summary>
    Ask,

    /// <summary>News of work still to come ("tuần sau bên em mới gửi"): nothing changes, reminders go on.</summary>
    Later,

    /// <summary>A unit confirms it has submitted or completed something.</summary>
    Confirm,

    /// <summary>A unit takes back a confirmation made by mistake.</summary>
    Undo,

    /// <summary>The office accepts a unit's submission.</summary>
    Accept,

    /// <summary>The office returns a unit's submission, with a reason.</summary>
    Return,

    /// <summary>The office creates an invitation for a unit.</summary>
    Invite,

    /// <summary>The office sends a notice to every unit or to a group.</summary>
    Broadcast,

    /// <summary>The office's list of members.</summary>
    Members,

    /// <summary>The office sends the broadcast it drafted (<see cref="Intent.Broadcast"/>): "GUI 12", the command of its «Gửi» button.</summary>
    SendBroadcast,

    /// <summary>The office applies a plan reload the bot held because it would drop many items ("/apdung").</summary>
    ApplyPlan,

    /// <summary>The office drops the broadcast it drafted (<see cref="Intent.Broadcast"/>): "HUYGUI 12", the command of its «Hủy» button.</summary>
    CancelBroadcast,

    /// <summary>The office asks for the progress report: "/baocao", "/baocao quý 1", "/baocao D1", "/baocao cả năm" (its words in <see cref="Intent.Text"/>).</summary>
    Report,

    /// <summary>The office asks what files came in for an item: "/hoso D1" (the item's words in <see cref="Intent.Text"/>).</summary>
    Files,

    /// <summary>A head or the office asks for a one-time sign-in link to the status board: "/bang".</summary>
    Board,
}

/// <summary>
/// A message read as a request. Free words are kept as written (trimmed, with diacritics) so the
/// engine can match them against the plan and the unit directory, which the parser does not know.
/// </summary>
public sealed record Intent(IntentKind Kind)
{
    /// <summary>For <see cref="IntentKind.Ask"/>, <see cref="IntentKind.Confirm"/> and <see cref="IntentKind.Undo"/>: whose items, which, when, in what state, in what form.</summary>
    public Question Question { get; init; } = new();

    /// <summary>A task number as printed ("2", "12") or a deadline id ("D1"), when named.</summary>
    public string? Target { get; init; }

    /// <summary>Words that may identify the target ("kế hoạch", "báo cáo tổng kết") when no number was named.</summary>
    public string? TargetHint { get; init; }

    /// <summary>The unit as written, for Accept, Return and Invite.</summary>
    public string? Unit { get; init; }

    /// <summary>"head", "staff" or "office", for Invite, when given.</summary>
    public string? Role { get; init; }

    /// <summary>A broadcast's body (line breaks kept), a return's reason, or a confirmation's note.</summary>
    public string? Text { get; init; }

    /// <summary>A broadcast's group as written ("các trường", "giao-duc").</summary>
    public string? Group { get; init; }

    /// <summary>The code after /start.</summary>
    public string? Code { get; init; }

    /// <summary>The broadcast a decision is about, for SendBroadcast and CancelBroadcast.</summary>
    public long? Broadcast { get; init; }

    /// <summary>An argument that was given but cannot be read ("5" in "/quy 5"), so the engine can say what it expects instead of guessing.</summary>
    public string? BadArgument { get; init; }

    /// <summary>When the message could mean several things: the likely intents, best first, to offer as a short question.</summary>
    public IReadOnlyList<IntentKind> Choices { get; init; } = [];

    public bool IsAmbiguous => Choices.Count > 1;

    /// <summary>The part of the message this reading was made from, when the message holds more than one request; null for all of it.</summary>
    public string? Clause { get; init; }

    // Whether the words asked something (a question word, a question mark, "chưa" at the end), not only named a period.
    internal bool Asked { get; init; }

    /// <summary>A question asked after a report in the same message ("xong D1 rồi ạ, còn gì nữa không"): answered after it.</summary>
    public Intent? Then { get; init; }
}
