namespace TdktBot.Core.Conversations;

/// <summary>Whose items a question is about, as far as the words tell without the unit directory.</summary>
public enum WhoKind
{
    /// <summary>The writer's own unit: "đơn vị em", "bên mình", or no unit named.</summary>
    Self,

    /// <summary>Every unit: "các đơn vị", "đơn vị nào", "ai".</summary>
    All,
}

/// <summary>Which of the items a question keeps, by where the unit stands on them.</summary>
public enum StatusFilter
{
    All,

    /// <summary>Still to do: pending or returned by the office.</summary>
    Pending,

    /// <summary>Still to do and past its due date.</summary>
    Overdue,
    Submitted,
    Accepted,
    Returned,
}

/// <summary>What the answer gives about the items it finds.</summary>
public enum AnswerForm
{
    List,

    /// <summary>The due date: "hạn bao giờ".</summary>
    When,

    /// <summary>The days left: "còn mấy ngày".</summary>
    DaysLeft,

    /// <summary>What the item is: "D1 là gì".</summary>
    What,

    /// <summary>Which units still owe it: "đơn vị nào chưa nộp".</summary>
    WhoOwes,

    /// <summary>Whether it is done: "nộp D1 chưa?".</summary>
    State,
}

/// <summary>
/// A question, or the object of a confirmation, read as its parts. The parser fills what the words say; naming a
/// unit or a group, and which items the words describe, are settled against the directory and the plan afterwards
/// (<see cref="Understanding"/>).
/// </summary>
public sealed record Question
{
    public WhoKind Who { get; init; }

    /// <summary>"đơn vị em", "bên mình": the writer says the question is about their own unit only.</summary>
    public bool Mine { get; init; }

    /// <summary>Items named by number as printed ("7", "12") or by id ("D1"), in the order written.</summary>
    public IReadOnlyList<string> Numbers { get; init; } = [];

    /// <summary>For an undo, the items said to stay ("lộn rồi, mới xong 16 thôi"): what goes is the rest of what was confirmed.</summary>
    public IReadOnlyList<string> Kept { get; init; } = [];

    /// <summary>Words that may describe items ("báo cáo sơ kết 6 tháng") when they are not named by number.</summary>
    public string? ItemWords { get; init; }

    public PeriodMention? Period { get; init; }

    /// <summary>The period a report names ("hồ sơ đợt tháng 9"): of items its words fit alike, the one due in it is meant.</summary>
    public PeriodMention? ReportPeriod { get; init; }

    /// <summary>True when the period's words stand among the item's ("báo cáo sơ kết 6 tháng đầu năm"): once those words find the item, the period is its name, not a scope.</summary>
    public bool PeriodNamesItem { get; init; }

    /// <summary>"cả hai", "tất cả": every item the person just confirmed, for an undo.</summary>
    public bool Every { get; init; }

    /// <summary>"cái vừa rồi", "vừa nãy": the person's latest confirmation, for an undo.</summary>
    public bool Latest { get; init; }

    /// <summary>"cái thứ 2": the place, in the order reported, of one of the person's latest confirmations, for an undo.</summary>
    public int? Ordinal { get; init; }

    /// <summary>"1 cái", "một cái": one of several confirmations, not saying which, for an undo.</summary>
    public bool One { get; init; }

    /// <summary>
    /// No word of the plan's work: nothing handed in, done, owed or due, no item or task word ("ai rủ đi cafe không", "mai có
    /// họp giao ban không"). Whatever else such a question names, if it fits no item, is nothing the plan speaks of.
    /// </summary>
    public bool Wordless { get; init; }

    /// <summary>The state asked about when the question names no item.</summary>
    public StatusFilter Status { get; init; }

    /// <summary>The form of answer when the question names no item.</summary>
    public AnswerForm Form { get; init; }

    /// <summary>The state asked about once items are named: "nộp D1 chưa" asks about D1 whatever its state.</summary>
    public StatusFilter ItemStatus { get; init; }

    /// <summary>The form of answer once items are named: "D1 chưa?" asks whether it is done, "còn mấy ngày" the days left.</summary>
    public AnswerForm ItemForm { get; init; }
}

/// <summary>How a period was said.</summary>
public enum PeriodUnit
{
    Day,
    Week,
    Month,
    Quarter,

    /// <summary>Half a year: "6 tháng đầu năm".</summary>
    Half,

    /// <summary>A stretch from today: "3 tháng tới", "sắp tới" (<see cref="PeriodMention.Days"/> or months).</summary>
    Ahead,

    /// <summary>A day of a month: "30/6".</summary>
    Date,

    /// <summary>The next Tết Nguyên Đán, or the day before it with <see cref="PeriodMention.Offset"/> −1 ("trước Tết").</summary>
    LunarNewYear,
}

/// <summary>
/// A period as said, to be placed on the calendar on the day it is asked: a numbered one ("quý 2", "tháng 5"), one
/// relative to today ("tuần sau", <see cref="Offset"/> 1), a stretch ahead, or any of these from today
/// ("từ nay đến hết tháng 5", <see cref="FromToday"/>).
/// </summary>
public sealed record PeriodMention(PeriodUnit Unit)
{
    /// <summary>The day a "sắp tới" reaches ahead when no length is said.</summary>
    public const int SoonDays = 30;

    /// <summary>The month 1–12, the quarter 1–4, the half 1–2, the number of months ahead; null for a relative one.</summary>
    public int? Number { get; init; }

    /// <summary>For a relative period: 0 this, 1 next, −1 last.</summary>
    public int Offset { get; init; }

    /// <summary>For <see cref="PeriodUnit.Ahead"/> in days, and the day of a <see cref="PeriodUnit.Date"/>.</summary>
    public int? Days { get; init; }

    /// <summary>True when the stretch starts today and runs to the end of the period said.</summary>
    public bool FromToday { get; init; }

    /// <summary>True when the stretch runs from the start of the period said to today ("từ đầu quý tới nay").</summary>
    public bool ToToday { get; init; }

    /// <summary>A period said after this one ("tháng 11 với tháng 12"): the stretch runs on to its end.</summary>
    public PeriodMention? Through { get; init; }

    /// <summary>The days it covers, both included, as seen on <paramref name="today"/>.</summary>
    public DateSpan Resolve(DateOnly today)
    {
        var span = Unit switch
        {
            PeriodUnit.Day => new DateSpan(today.AddDays(Offset), today.AddDays(Offset)),
            PeriodUnit.Week => Week(today),
            PeriodUnit.Month => Month(today),
            PeriodUnit.Quarter => Quarter(today),
            PeriodUnit.Half => Number == 2
                ? new DateSpan(new DateOnly(today.Year, 7, 1), new DateOnly(today.Year, 12, 31))
                : new DateSpan(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 6, 30)),
            PeriodUnit.Ahead => new DateSpan(today, Number is { } months ? today.AddMonths(months) : today.AddDays(Days ?? SoonDays)),
            PeriodUnit.LunarNewYear => LunarNewYearDay(today),
            _ => DayOfMonth(today),
        };
        span = Through?.Resolve(today) is { } then && then.To > span.To ? span with { To = then.To } : span;
        return FromToday ? new DateSpan(today, span.To) : ToToday ? new DateSpan(span.From, today) : span;
    }

    private DateSpan Week(DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) + (7 * Offset));
        return new DateSpan(monday, monday.AddDays(6));
    }

    private DateSpan Month(DateOnly today)
    {
        var first = Number is { } month ? new DateOnly(today.Year, month, 1) : new DateOnly(today.Year, today.Month, 1).AddMonths(Offset);
        return new DateSpan(first, first.AddMonths(1).AddDays(-1));
    }

    private DateSpan Quarter(DateOnly today)
    {
        var first = new DateOnly(today.Year, ((Number ?? Plans.Quarter.Of(today)) - 1) * 3 + 1, 1).AddMonths(Number is null ? 3 * Offset : 0);
        return new DateSpan(first, first.AddMonths(3).AddDays(-1));
    }

    private DateSpan LunarNewYearDay(DateOnly today)
    {
        var day = Calendar.LunarNewYear.OnOrAfter(today).AddDays(Offset);
        return new DateSpan(day, day);
    }

    private DateSpan DayOfMonth(DateOnly today)
    {
        var month = Number ?? today.Month;
        var day = Math.Min(Days ?? 1, DateTime.DaysInMonth(today.Year, month));
        var date = new DateOnly(today.Year, month, day);
        return new DateSpan(date, date);
    }
}

/// <summary>Days from <see cref="From"/> to <see cref="To"/>, both included.</summary>
public readonly record struct DateSpan(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}
