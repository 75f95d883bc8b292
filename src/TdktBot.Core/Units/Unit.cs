namespace TdktBot.Core.Units;

/// <summary>A body of the commune that owes tasks and receives reminders (cơ quan, đơn vị).</summary>
public sealed record Unit
{
    public required string Name { get; init; }

    /// <summary>Short names and other spellings people use ("Phòng VH-XH").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Ids of the groups it belongs to ("giao-duc").</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The office that follows up the plan and receives escalations (Phòng Văn hóa - Xã hội).</summary>
    public bool IsOffice { get; init; }
}

/// <summary>A named set of units that a plan refers to collectively ("Các đơn vị sự nghiệp GD và ĐT").</summary>
public sealed record UnitGroup
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>True for the group of every unit ("Các cơ quan, đơn vị").</summary>
    public bool IncludesAll { get; init; }

    /// <summary>Collective phrases in plans that mean this group.</summary>
    public IReadOnlyList<string> Phrases { get; init; } = [];
}
