namespace TdktBot.Core.Reminders;

/// <summary>When reminders go out; the defaults are the product's.</summary>
public sealed record ReminderSettings
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>Calendar days before the due date; 0 is the due date itself.</summary>
    public IReadOnlyList<int> DaysBefore { get; init; } = [7, 3, 1, 0];

    /// <summary>Overdue notices to the unit, in working days after the legal end of the period.</summary>
    public IReadOnlyList<int> OverdueWorkingDays { get; init; } = [1, 3];

    /// <summary>Escalation to the office, in working days after the legal end of the period.</summary>
    public int EscalationWorkingDays { get; init; } = 1;

    /// <summary>Local time of every reminder.</summary>
    public TimeOnly At { get; init; } = new(8, 0);

    /// <summary>No reminder goes out after this local time, not even a catch-up after a restart; it waits for the next working morning.</summary>
    public TimeOnly LatestAt { get; init; } = new(20, 0);

    /// <summary>Whether the office gets a digest on the first working day of each week.</summary>
    public bool WeeklyDigest { get; init; } = true;

    /// <summary>The commune's time zone; every instant is computed in it, whatever the machine's zone.</summary>
    public TimeZoneInfo TimeZone { get; init; } = Vietnam;
}

/// <summary>Stable step ids stored in the database; never change them.</summary>
public static class ReminderSteps
{
    private const string BeforePrefix = "before-";
    private const string OverduePrefix = "overdue-";

    public const string DueDay = "due-day";
    public const string Escalation = "escalation";
    public const string WeeklyDigest = "weekly-digest";

    public static string Before(int days) => days == 0 ? DueDay : $"{BeforePrefix}{days}d";

    public static string Overdue(int workingDays) => $"{OverduePrefix}{workingDays}wd";

    internal static bool IsBefore(string step) =>
        step == DueDay || step.StartsWith(BeforePrefix, StringComparison.Ordinal);

    internal static bool IsOverdue(string step) => step.StartsWith(OverduePrefix, StringComparison.Ordinal);
}

/// <summary>One moment at which a reminder may be sent.</summary>
/// <param name="Step">The step id recorded once the reminder is sent (see <see cref="ReminderSteps"/>).</param>
/// <param name="At">When it is due to go out.</param>
/// <param name="Until">After this instant a missed slot is no longer worth sending (catch-up window, exclusive).</param>
/// <param name="Covers">The step ids merged into this one because they fell on the same day, <paramref name="Step"/> included.</param>
public sealed record ReminderSlot(string Step, DateTimeOffset At, DateTimeOffset Until, IReadOnlyList<string> Covers);
