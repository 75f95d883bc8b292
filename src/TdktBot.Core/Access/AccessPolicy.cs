namespace TdktBot.Core.Access;

/// <summary>
/// Who someone is to the bot where they write. A role belongs to a person in a unit; only an invite that person
/// redeemed makes them more than staff.
/// </summary>
public enum Role
{
    /// <summary>Writes from a chat no invite has linked to a unit.</summary>
    Stranger,

    /// <summary>Anyone in a chat linked to a unit who holds no role of their own there (cán bộ).</summary>
    Staff,

    /// <summary>A unit's head (thủ trưởng đơn vị), from a head invite.</summary>
    Head,

    /// <summary>The office following the plan (Phòng Văn hóa - Xã hội), from an office invite.</summary>
    Office,
}

/// <summary>What a message asks the bot to do, as far as who may do it goes.</summary>
public enum Act
{
    /// <summary>Redeem an invite code (/start CODE).</summary>
    Join,

    /// <summary>Questions about the plan, greetings, help; also what the bot cannot read yet.</summary>
    Ask,

    /// <summary>Confirm the unit has submitted something.</summary>
    Confirm,

    /// <summary>Take back the unit's confirmation.</summary>
    Undo,

    /// <summary>Ask about units other than one's own: which have not submitted, what a unit or a group still owes.</summary>
    AskOthers,

    Accept,

    Return,

    /// <summary>Draft, send or cancel a campaign launch (phát động).</summary>
    Broadcast,

    /// <summary>Create an invite code for a unit and a role.</summary>
    Invite,

    ListMembers,

    /// <summary>Apply a plan reload held because it would drop many items.</summary>
    ApplyPlan,

    /// <summary>Get the progress report (the .xlsx file, or its summary where files cannot be sent).</summary>
    Report,

    /// <summary>See what files came in for an item of the plan, and which units sent none.</summary>
    ReadFiles,

    /// <summary>Open the status board on the web: the office every unit, a head their own.</summary>
    ViewBoard,
}

/// <summary>
/// The one table of who may do what. Every way into the bot (typed, pressed, console) is checked against it before
/// anything is answered, and the services that change statuses, broadcasts and invites check it again. What a person
/// may do for a unit (their own only) is the services' concern; this says which kind of thing they may do at all.
/// </summary>
public static class AccessPolicy
{
    // The office also confirms and takes back its own unit's submissions, as a head does for theirs.
    private static readonly IReadOnlyDictionary<Role, HashSet<Act>> Allowed = new Dictionary<Role, HashSet<Act>>
    {
        [Role.Stranger] = [Act.Join],
        [Role.Staff] = [Act.Join, Act.Ask],
        [Role.Head] = [Act.Join, Act.Ask, Act.Confirm, Act.Undo, Act.ViewBoard],
        [Role.Office] = [Act.Join, Act.Ask, Act.Confirm, Act.Undo, Act.AskOthers, Act.Accept, Act.Return, Act.Broadcast, Act.Invite, Act.ListMembers,
            Act.ApplyPlan, Act.Report, Act.ReadFiles, Act.ViewBoard],
    };

    public static bool Allows(Role role, Act act) => Allowed.TryGetValue(role, out var acts) && acts.Contains(act);
}
