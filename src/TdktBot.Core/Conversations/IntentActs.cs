using TdktBot.Core.Access;

namespace TdktBot.Core.Conversations;

/// <summary>What a request would do, as <see cref="AccessPolicy"/> weighs it.</summary>
public static class IntentActs
{
    /// <summary>What the intent would do. A message the bot must ask about (several readings) is a question until answered.</summary>
    public static Act ActOf(Intent intent) => intent.Kind switch
    {
        _ when intent.IsAmbiguous => Act.Ask,
        IntentKind.Start when intent.Code is not null => Act.Join,
        IntentKind.Confirm => Act.Confirm,
        IntentKind.Undo => Act.Undo,
        IntentKind.Ask when intent.Question.Who == WhoKind.All || intent.Unit is not null => Act.AskOthers,
        IntentKind.Accept => Act.Accept,
        IntentKind.Return => Act.Return,
        IntentKind.Broadcast or IntentKind.SendBroadcast or IntentKind.CancelBroadcast => Act.Broadcast,
        IntentKind.Invite => Act.Invite,
        IntentKind.Members => Act.ListMembers,
        IntentKind.ApplyPlan => Act.ApplyPlan,
        IntentKind.Report => Act.Report,
        IntentKind.Files => Act.ReadFiles,
        IntentKind.Board => Act.ViewBoard,
        _ => Act.Ask,
    };
}
