using System.Globalization;

namespace TdktBot.Core.Conversations;

internal enum PeriodKind
{
    Quarter,
    Month,
    Week,

    // A stretch from today: "3 tháng tới", "mấy tuần tới", "sắp tới".
    Ahead,
    Year,

    // "6 tháng đầu năm", "nửa cuối năm".
    Half,

    // "hôm nay", "ngày mai".
    Day,

    // "30/6": Number is the month, Days the day.
    Date,

    // "Tết": the next lunar new year's day; Offset −1 for its eve ("trước Tết").
    LunarNewYear,
}

// A period named in a message, over words[First..Last].
internal sealed record Period(PeriodKind Kind, int First, int Last)
{
    public int? Number { get; init; }

    public int Offset { get; init; }

    // True when a number or "này/tới/trước" says which period; a bare "quý" or "tuần" is weaker
    // evidence, as it may belong to another phrase.
    public bool Named { get; init; }

    // A number that cannot be this kind of period ("quý 5"), as written.
    public string? Bad { get; init; }

    // For Ahead, the days it reaches when said in weeks or days; for Date, the day of the month.
    public int? Days { get; init; }

    // "từ nay đến hết tháng 5": from today to the end of the period.
    public bool FromToday { get; init; }

    // "từ đầu quý tới nay": from the start of the period to today.
    public bool ToToday { get; init; }

    // The period as the question keeps it; null for the whole year, which the plan is anyway.
    public PeriodMention? ToMention() => Kind switch
    {
        PeriodKind.Quarter => new PeriodMention(PeriodUnit.Quarter) { Number = Number, Offset = Offset, FromToday = FromToday, ToToday = ToToday },
        PeriodKind.Month => new PeriodMention(PeriodUnit.Month) { Number = Number, Offset = Offset, FromToday = FromToday, ToToday = ToToday },
        PeriodKind.Week => new PeriodMention(PeriodUnit.Week) { Offset = Offset, FromToday = FromToday, ToToday = ToToday },
        PeriodKind.Ahead => new PeriodMention(PeriodUnit.Ahead) { Number = Days is null ? Number ?? 1 : null, Days = Days },
        PeriodKind.Half => new PeriodMention(PeriodUnit.Half) { Number = Number, FromToday = FromToday, ToToday = ToToday },
        PeriodKind.Day => new PeriodMention(PeriodUnit.Day) { Offset = Offset, FromToday = FromToday },
        PeriodKind.Date => new PeriodMention(PeriodUnit.Date) { Number = Number, Days = Days, FromToday = FromToday },
        PeriodKind.LunarNewYear => new PeriodMention(PeriodUnit.LunarNewYear) { Offset = Offset, FromToday = FromToday },
        _ => null,
    };
}

// Reads the periods and the task or deadline numbers people name.
internal static class Mentions
{
    // Words after "quý" that make it "quỹ", "quy định" or the polite "quý đơn vị", not a quarter.
    private static readonly HashSet<string> NotAQuarter = new(StringComparer.Ordinal)
    {
        "dinh", "che", "trinh", "mo", "hoach", "tac", "cach", "uoc", "vi", "don", "thi", "khen", "tien", "luat",
        "chuan", "pham", "hoa", "khach", "cong", "ban", "anh", "chi", "thay", "may",
    };

    // "tháng mấy", "tháng nào": the month is what is asked, not a period the question is about.
    private static bool AsksWhich(IReadOnlyList<Word> words, int at) => at < words.Count && words[at].Folded is "may" or "nao";

    // Words before "tuần" that make it the name Tuấn.
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "anh", "chi", "em", "ong", "ba", "ban", "co", "chu", "bac", "thay", "a", "gui", "cho", "voi",
    };

    // A number followed by one of these counts something ("6 tháng", "2 bản", "sai 1 nửa", "còn 1 nữa"); it is not a task
    // number.
    private static readonly HashSet<string> MeasureWords = new(StringComparer.Ordinal)
    {
        "thang", "tuan", "ngay", "nam", "ban", "trang", "lan", "gio", "h", "phut", "nguoi", "file", "bo", "quyen",
        "cai", "to", "tep", "anh", "don", "co", "truong", "phan", "tram", "nua",
    };

    private static readonly Dictionary<string, int> QuarterWords = new(StringComparer.Ordinal)
    {
        ["i"] = 1,
        ["ii"] = 2,
        ["iii"] = 3,
        ["iv"] = 4,
        ["mot"] = 1,
        ["nhat"] = 1,
        ["hai"] = 2,
        ["ba"] = 3,
        ["bon"] = 4,
        ["tu"] = 4,
        ["dau"] = 1,
        ["cuoi"] = 4,
    };

    private static readonly string[] TaskWords = ["nhiem vu", "cong viec", "noi dung", "muc", "so", "stt", "tt", "viec", "task", "phan"];

    private static readonly string[] DeadlineWords = ["han nop", "thoi han", "han", "d"];

    // The period whose keyword is words[i], if any.
    public static Period? PeriodAt(IReadOnlyList<Word> words, int i) => words[i].Folded switch
    {
        "tu" when SinceAt(words, i) is { } since => since,
        // "tới đây ccb có phải nộp gì": what comes next; "tôi đây, …" is the writer, a pause after it.
        "toi" when Matches(words, i + 1, "day") == 1 && i + 2 < words.Count && !words[i + 2].Paused =>
            new Period(PeriodKind.Ahead, i, i + 1) { Named = true, Days = PeriodMention.SoonDays },
        "tu" or "den" or "toi" => UntilAt(words, i),
        // "trong 10 ngày tới", "5 hôm nữa": so many days from today.
        "ngay" or "hom" when DaysAheadAt(words, i) is { } ahead => ahead,
        // "trước 20/11 trường còn phải nộp gì": from today up to that day.
        "truoc" => DateAt(words, i + Matches(words, i + 1, "ngay") + 1) is { } before ? before with { First = i, FromToday = true }
            // "trước Tết": from today to the eve of the next Tết Nguyên Đán.
            : LunarNewYearAt(words, i + 1) is { } tet ? tet with { First = i, Offset = -1, FromToday = true } : null,
        "dau" or "cuoi" or "nua" => YearPartAt(words, i),
        "hom" when Matches(words, i + 1, "nay") == 1 => new Period(PeriodKind.Day, i, i + 1) { Named = true },
        "ngay" when Matches(words, i + 1, "mai") == 1 => new Period(PeriodKind.Day, i, i + 1) { Named = true, Offset = 1 },
        // "mai có việc gì hết hạn không": opening a message, "mai" is tomorrow (elsewhere it may be a name, chị Mai).
        "mai" when i == 0 => new Period(PeriodKind.Day, i, i) { Named = true, Offset = 1 },
        "sap" when Matches(words, i + 1, "xep") == 0 => new Period(PeriodKind.Ahead, i, i + Math.Max(SoonWords(words, i + 1), 0)) { Named = true, Days = PeriodMention.SoonDays },
        "6" or "sau" when Matches(words, i + 1, "thang") == 1 && HalfAt(words, i + 2) is { } half =>
            new Period(PeriodKind.Half, i, half.Last) { Number = half.Number, Named = true },
        "quy" => QuarterAt(words, i),
        "q" when NumberAt(words, i + 1) is not null => QuarterAt(words, i),
        "thang" => MonthAt(words, i),
        "tuan" => WeekAt(words, i),
        "nam" when NumberAt(words, i + 1) is >= 2000 and <= 2100 => new Period(PeriodKind.Year, i, i + 1) { Named = true },
        _ => null,
    };

    // "nhiệm vụ 3", "nv 3", "mục số 12", "D1", "hạn nộp 2" starting at words[i]: the target as printed ("3", "D1") and its last word.
    public static (string Target, int Last)? TargetAt(IReadOnlyList<Word> words, int i)
    {
        foreach (var (phrases, deadline) in new[] { (TaskWords, false), (DeadlineWords, true) })
        {
            foreach (var phrase in phrases)
            {
                var length = Matches(words, i, phrase);
                if (length == 0)
                {
                    continue;
                }

                var at = i + length;
                if (Matches(words, at, "so") == 1)
                {
                    at++;
                }

                // "hạn 30/6" is a date, not deadline 30; "số 03/KH-UBND" is a document's number, not item 3.
                if (NumberAt(words, at) is >= 1 and <= 999 and var number && !(deadline && NumberAt(words, at + 1) is not null)
                    && words[at].Folded[0] != '0' && !(at + 1 < words.Count && words[at + 1].Before == '/'))
                {
                    var printed = number.ToString(CultureInfo.InvariantCulture);
                    return (deadline ? "D" + printed : printed, at);
                }
            }
        }

        return null;
    }

    // True when words[i] is a number that counts something ("6 tháng", "1 trong 2 nhiệm vụ") rather than naming a task; "16
    // và 20 năm 2026" names the year of the tasks, counting nothing.
    public static bool IsQuantity(IReadOnlyList<Word> words, int i) =>
        i + 1 < words.Count && ((MeasureWords.Contains(words[i + 1].Folded) && !(words[i + 1].Folded == "nam" && NumberAt(words, i + 2) is >= 2000 and <= 2100))
                                || (words[i + 1].Folded == "trong" && i + 2 < words.Count && words[i + 2].IsNumber)
                                || MeasurePairs.Any(p => Matches(words, i + 1, p) > 0));

    // Two words a number counts ("nộp 12 hồ sơ khen thưởng", "3 tập thể, 7 cá nhân"): each alone may be something else
    // ("hộ" does a favour).
    private static readonly string[] MeasurePairs = ["ho so", "tap the", "ca nhan", "hoc sinh", "giao vien", "hoi vien", "doan vien", "dang vien"];

    // How many words the space-separated phrase covers at words[i], or 0.
    public static int Matches(IReadOnlyList<Word> words, int i, string phrase)
    {
        var parts = phrase.Split(' ');
        if (i < 0 || i + parts.Length > words.Count)
        {
            return 0;
        }

        for (var k = 0; k < parts.Length; k++)
        {
            if (words[i + k].Folded != parts[k])
            {
                return 0;
            }
        }

        return parts.Length;
    }

    public static int? NumberAt(IReadOnlyList<Word> words, int i) => i >= 0 && i < words.Count ? words[i].Number : null;

    private static Period? QuarterAt(IReadOnlyList<Word> words, int i)
    {
        var at = i + 1;
        if (Matches(words, at, "thu") == 1)
        {
            at++;
        }

        if (at < words.Count && words[at].IsNumber)
        {
            return words[at].Number is >= 1 and <= 4 and var n
                ? new Period(PeriodKind.Quarter, i, at) { Number = n, Named = true }
                : new Period(PeriodKind.Quarter, i, at) { Named = true, Bad = words[at].Folded };
        }

        if (at < words.Count && QuarterWords.TryGetValue(words[at].Folded, out var named))
        {
            return new Period(PeriodKind.Quarter, i, at) { Number = named, Named = true };
        }

        if (Relative(words, i + 1) is var (offset, length))
        {
            return new Period(PeriodKind.Quarter, i, i + length) { Offset = offset, Named = true };
        }

        if (i + 1 < words.Count && (NotAQuarter.Contains(words[i + 1].Folded) || Matches(words, i + 1, "co quan") > 0))
        {
            return null;
        }

        return new Period(PeriodKind.Quarter, i, i);
    }

    private static Period? MonthAt(IReadOnlyList<Word> words, int i)
    {
        if (AheadAt(words, i) is { } ahead)
        {
            return ahead;
        }

        if (i + 1 < words.Count && words[i + 1].IsNumber)
        {
            return words[i + 1].Number is >= 1 and <= 12 and var n
                ? new Period(PeriodKind.Month, i, i + 1) { Number = n, Named = true }
                : new Period(PeriodKind.Month, i, i + 1) { Named = true, Bad = words[i + 1].Folded };
        }

        if (Relative(words, i + 1) is var (offset, length))
        {
            return new Period(PeriodKind.Month, i, i + length) { Offset = offset, Named = true };
        }

        // "tháng chín", "tháng mười hai": a month said aloud.
        if (SpokenMonth(words, i + 1) is var (month, last))
        {
            return new Period(PeriodKind.Month, i, last) { Number = month, Named = true };
        }

        // "6 tháng đầu năm" is the name of a report, not a question about months; "hạn tháng mấy" asks which month.
        return CountsBefore(words, i) || AsksWhich(words, i + 1) ? null : new Period(PeriodKind.Month, i, i);
    }

    // Months said as words after "tháng" ("tháng sáu" and "tháng năm" fold to "tháng sau", "tháng năm" and are left to
    // their other readings): the number and the last word.
    private static readonly Dictionary<string, int> MonthNames = new(StringComparer.Ordinal)
    {
        ["gieng"] = 1, ["hai"] = 2, ["ba"] = 3, ["tu"] = 4, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9, ["muoi"] = 10, ["chap"] = 12,
    };

    private static (int Month, int Last)? SpokenMonth(IReadOnlyList<Word> words, int i)
    {
        if (i >= words.Count || !MonthNames.TryGetValue(words[i].Folded, out var month))
        {
            return null;
        }

        return month == 10 && Matches(words, i + 1, "mot") == 1 ? (11, i + 1)
            : month == 10 && Matches(words, i + 1, "hai") == 1 ? (12, i + 1)
            : (month, i);
    }

    private static Period? WeekAt(IReadOnlyList<Word> words, int i)
    {
        if (AheadAt(words, i) is { } ahead)
        {
            return ahead;
        }

        if (Relative(words, i + 1) is var (offset, length))
        {
            return new Period(PeriodKind.Week, i, i + length) { Offset = offset, Named = true };
        }

        if (i > 0 && words[i - 1].Folded is "trong" or "ca")
        {
            return new Period(PeriodKind.Week, i - 1, i) { Named = true };
        }

        return (i > 0 && Titles.Contains(words[i - 1].Folded)) || CountsBefore(words, i) ? null : new Period(PeriodKind.Week, i, i);
    }

    // "2 tuần", "6 tháng": a number counts the period word at i, unless it is another period's ("quý 2 tuần này").
    private static bool CountsBefore(IReadOnlyList<Word> words, int i) =>
        i > 0 && words[i - 1].IsNumber && !(i > 1 && words[i - 2].Folded is "quy" or "q" or "thang");

    // "3 tháng tới", "mấy tuần tới", "vài tháng sau": a stretch ahead rather than one calendar period.
    private static Period? AheadAt(IReadOnlyList<Word> words, int i)
    {
        if (i == 0 || !(words[i - 1].IsNumber || words[i - 1].Folded is "may" or "vai" or "nhung" or "cac"))
        {
            return null;
        }

        var after = i + 1 < words.Count ? words[i + 1].Folded : null;
        if (after is "toi" or "sau" or "nua" or "tiep" or "sap")
        {
            var count = words[i - 1].Number;
            return words[i].Folded == "tuan"
                ? new Period(PeriodKind.Ahead, i - 1, i + 1) { Days = 7 * (count ?? 2), Named = true }
                : new Period(PeriodKind.Ahead, i - 1, i + 1) { Number = count ?? 3, Named = true };
        }

        return null;
    }

    // "từ đầu quý tới nay", "từ đầu năm đến giờ", "từ đầu tháng tới hôm nay": from the start of this period to today.
    private static Period? SinceAt(IReadOnlyList<Word> words, int i)
    {
        if (Matches(words, i + 1, "dau") == 0 || i + 2 >= words.Count)
        {
            return null;
        }

        var kind = words[i + 2].Folded switch
        {
            "quy" => PeriodKind.Quarter,
            "thang" => PeriodKind.Month,
            "tuan" => PeriodKind.Week,
            "nam" when Matches(words, i + 3, "hoc") == 0 => PeriodKind.Half,
            _ => (PeriodKind?)null,
        };
        var at = i + 3 + Matches(words, i + 3, "nay");
        var to = Matches(words, at, "den") + Matches(words, at, "toi");
        var now = to == 0 ? 0 : ((string[])["bay gio", "hom nay", "nay", "gio"]).Select(p => Matches(words, at + to, p)).FirstOrDefault(n => n > 0);
        // From the first half's start, to today, is from New Year's Day whatever today is.
        return kind is { } found && now > 0
            ? new Period(found, i, at + to + now - 1) { Number = found == PeriodKind.Half ? 1 : null, Named = true, ToToday = true }
            : null;
    }

    // "trong 10 ngày tới", "trong vòng 5 ngày", "10 ngày nữa": so many days ahead (a count said as a number; "mấy hôm nữa"
    // asks how many).
    private static Period? DaysAheadAt(IReadOnlyList<Word> words, int i)
    {
        if (i == 0 || words[i - 1].Number is not (>= 1 and <= 120 and var days))
        {
            return null;
        }

        // "còn 3 ngày nữa là hết hạn …" tells how far off a deadline is.
        var ahead = i + 1 < words.Count && words[i + 1].Folded is "toi" or "nua" or "sau" or "tiep" && !(i + 2 < words.Count && words[i + 2].Folded is "la" or "thi" or "het" or "den" or "toi");
        var within = (i > 1 && words[i - 2].Folded == "trong") || (i > 2 && words[i - 3].Folded == "trong" && words[i - 2].Folded == "vong");
        return ahead || within ? new Period(PeriodKind.Ahead, i - 1, ahead ? i + 1 : i) { Days = days, Named = true } : null;
    }

    // "từ nay đến hết tháng 5", "từ giờ tới cuối quý", "đến hết tuần sau", "tới 30/6": from today to the period's end.
    private static Period? UntilAt(IReadOnlyList<Word> words, int i)
    {
        var at = i;
        if (words[i].Folded == "tu")
        {
            var now = 0;
            foreach (var phrase in (string[])["bay gio", "hom nay", "nay", "gio", "day"])
            {
                now = Matches(words, i + 1, phrase);
                if (now > 0)
                {
                    break;
                }
            }

            if (now == 0 || (Matches(words, i + 1 + now, "den") == 0 && Matches(words, i + 1 + now, "toi") == 0))
            {
                return null;
            }

            at = i + 1 + now;
        }

        var start = at + 1;
        var hasEnd = Matches(words, start, "het") + Matches(words, start, "cuoi");
        start += hasEnd;
        if (start >= words.Count)
        {
            return null;
        }

        // "từ giờ tới Tết", "đến Tết": from today to Tết itself.
        if ((DateAt(words, start) ?? LunarNewYearAt(words, start)) is { } date)
        {
            return date with { First = i, FromToday = true };
        }

        // "từ nay đến hết ngày mai": from today through tomorrow.
        if (at > i && PeriodAt(words, start) is { Kind: PeriodKind.Day, Offset: > 0 } day)
        {
            return day with { First = i, FromToday = true };
        }

        // "từ nay đến cuối năm", "đến hết năm nay": from today to 31/12, the end of the second half.
        if ((hasEnd > 0 || at > i) && Matches(words, start, "nam") == 1)
        {
            var last = start + Matches(words, start + 1, "nay") + (NumberAt(words, start + 1) is >= 2000 and <= 2100 ? 1 : 0);
            return new Period(PeriodKind.Half, i, last) { Number = 2, Named = true, FromToday = true };
        }

        // "đến tháng 5" without "hết" or "từ nay" may be a date of its own; it takes both to be sure.
        // "đến hết quý cơ quan mình còn gì": after "hết", "quý" is the quarter, not a fund ("quỹ cơ quan").
        var ending = PeriodAt(words, start) ?? (hasEnd > 0 && words[start].Folded == "quy" ? new Period(PeriodKind.Quarter, start, start) : null);
        if ((hasEnd > 0 || at > i) && ending is { Kind: not (PeriodKind.Ahead or PeriodKind.Day) } period
            && (period.Named || (hasEnd > 0 && at > i && period.Kind is PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Week)))
        {
            // "từ nay đến cuối tháng": a bare month, quarter or week after "hết"/"cuối" is this one.
            return period with { First = i, FromToday = true, Named = true };
        }

        return null;
    }

    // "30/6", "15-10": a day and a month written together; "ngày 30 tháng 1", "15 tháng 10": said in words ("6 tháng" alone
    // counts months, so a day in words takes "ngày" before it or a number no count of months would be).
    public static Period? DateAt(IReadOnlyList<Word> words, int i)
    {
        if (i + 1 < words.Count && words[i].Number is >= 1 and <= 31 and var day && words[i + 1].Number is >= 1 and <= 12 and var month
            && words[i + 1].Start - words[i].End == 1 && words[i + 1].Before is '/' or '-' or '.')
        {
            return new Period(PeriodKind.Date, i, i + 1) { Number = month, Days = day, Named = true };
        }

        // "quốc khánh", "lễ quốc khánh": 02/09, the national day; "ngày nhà giáo": 20/11.
        if (Matches(words, i, "quoc khanh") == 2 || Matches(words, i, "ngay nha giao") == 3)
        {
            var teachers = words[i].Folded == "ngay";
            return new Period(PeriodKind.Date, i, i + (teachers ? 2 : 1)) { Number = teachers ? 11 : 9, Days = teachers ? 20 : 2, Named = true };
        }

        var first = Matches(words, i, "ngay") == 1 ? i + 1 : i;
        return NumberAt(words, first) is >= 1 and <= 31 and var spoken && (first > i || spoken > 12)
               && Matches(words, first + 1, "thang") == 1 && NumberAt(words, first + 2) is >= 1 and <= 12 and var said
            ? new Period(PeriodKind.Date, i, first + 2) { Number = said, Days = spoken, Named = true }
            : null;
    }

    // "Tết", "Tết Nguyên Đán", "Tết âm lịch" at words[i]; "Tết dương lịch" is New Year's Day, not this.
    private static Period? LunarNewYearAt(IReadOnlyList<Word> words, int i)
    {
        if (Matches(words, i, "tet") == 0 || Matches(words, i + 1, "duong") == 1 || Matches(words, i + 1, "tay") == 1)
        {
            return null;
        }

        var last = i + Math.Max(Matches(words, i + 1, "nguyen dan"), Matches(words, i + 1, "am lich"));
        return new Period(PeriodKind.LunarNewYear, i, last) { Named = true };
    }

    // "đầu năm" (quarter 1), "cuối năm" (quarter 4), "nửa đầu năm".
    private static Period? YearPartAt(IReadOnlyList<Word> words, int i)
    {
        var part = words[i].Folded;
        if (part == "nua" && HalfAt(words, i + 1) is { } half)
        {
            return new Period(PeriodKind.Half, i, half.Last) { Number = half.Number, Named = true };
        }

        // "đầu năm học" is the school year's start, in September.
        if (Matches(words, i + 1, "nam") == 0 || NumberAt(words, i + 2) is >= 1 and < 2000 || Matches(words, i + 2, "hoc") == 1)
        {
            return null;
        }

        var last = NumberAt(words, i + 2) is >= 2000 ? i + 2 : i + 1;
        return part switch
        {
            "dau" => new Period(PeriodKind.Quarter, i, last) { Number = 1, Named = true },
            "cuoi" => new Period(PeriodKind.Quarter, i, last) { Number = 4, Named = true },
            _ => null,
        };
    }

    // "đầu năm", "cuối năm", "đầu", "cuối" after "6 tháng" or "nửa": which half, and the last word.
    private static (int Number, int Last)? HalfAt(IReadOnlyList<Word> words, int at)
    {
        var number = Matches(words, at, "dau") == 1 ? 1 : Matches(words, at, "cuoi") == 1 ? 2 : 0;
        if (number == 0)
        {
            return null;
        }

        var last = Matches(words, at + 1, "nam") == 1 ? at + 1 : at;
        return (number, last);
    }

    // How many words after "sắp" belong to it: "tới", "đến", "tới hạn", "hết hạn".
    private static int SoonWords(IReadOnlyList<Word> words, int at)
    {
        foreach (var phrase in (string[])["toi han", "den han", "het han", "toi", "den", "han"])
        {
            if (Matches(words, at, phrase) is > 0 and var length)
            {
                return length;
            }
        }

        return 0;
    }

    // "này", "hiện tại", "tới", "sau", "tiếp theo", "trước" after a period word: its offset from the current one and length.
    private static (int Offset, int Length)? Relative(IReadOnlyList<Word> words, int at)
    {
        foreach (var (phrase, offset) in (ReadOnlySpan<(string, int)>)
                 [("hien tai", 0), ("nay", 0), ("tiep theo", 1), ("ke tiep", 1), ("toi", 1), ("sau", 1), ("vua qua", -1), ("truoc", -1)])
        {
            if (Matches(words, at, phrase) is > 0 and var length)
            {
                return (offset, length);
            }
        }

        return null;
    }
}
