using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TdktBot.Core.Text;

namespace TdktBot.Core.Conversations;

// A word of a message: its folded, spelled-out form and where it stands in the original text.
// Folded: Lower-case ASCII, shorthand expanded ("ko" → "khong"), typos fixed when unmistakable.
// Start: Index of the first character in the original text.
// End: Index just after the last character; shorthand that expands to several words shares one span.
// Before: the character just before Start ('\0' at the start), so "30/6" can be told from "30 6".
// Paused: a comma, a full stop or another break stands between it and the word before ("quên báo, giờ báo").
internal sealed record Word(string Folded, int Start, int End, char Before = '\0', bool Paused = false)
{
    public bool IsNumber => Folded.Length > 0 && Folded.All(char.IsAsciiDigit);

    // The value of a number word of up to four digits; larger numbers are never task or quarter numbers.
    public int? Number => IsNumber && Folded.Length <= 4 ? int.Parse(Folded, CultureInfo.InvariantCulture) : null;
}

// Cuts a message into words the way people write to the bot.
internal static partial class MessageWords
{
    // Words read from free text at most; a pasted document is not a request, and reading its first
    // lines is enough to tell.
    public const int MaxWords = 200;

    // Chat shorthand, folded, by what it stands for: the Vietnamese texting habits the office sees
    // every day.
    private static readonly Dictionary<string, string> Shorthand = Spelled(
    [
        ("khong", ["ko", "k", "kg", "khg", "hok", "hong", "hem", "khum", "hk"]),
        ("gi", ["j", "ji"]),
        ("duoc", ["dc", "dk"]),
        ("roi", ["r", "rui"]),
        ("chua", ["ch", "chx"]),
        ("nhu the nao", ["ntn"]),
        ("nhiem vu", ["nv", "nvu", "nhiemvu"]),
        ("lam", ["lm"]),
        ("viec", ["vc"]),
        ("bao gio", ["bh"]),

        // "bao h", "mấy h", "bây h": "h" is "giờ".
        ("gio", ["h"]),
        ("hom nay", ["hnay", "hnai"]),
        ("hom qua", ["hqua"]),
        ("truoc", ["trc"]),
        ("cung", ["cx", "cg"]),
        ("bao cao", ["bc", "bcao"]),
        ("ke hoach", ["kh", "khoach", "kehoach"]),
        ("danh sach", ["ds"]),
        ("thong bao", ["tb"]),
        ("hoi nghi", ["hn"]),
        ("don vi", ["dv"]),
        ("minh", ["mk", "mik", "mjk"]),
        ("toi", ["t", "tui"]),
        ("em", ["e"]),
        ("voi", ["vs"]),
        ("vay", ["v", "z", "dzay", "zay", "rua"]),

        // "khi mô", "nv mô": the central provinces' "nào" ("mở", "mờ" keep their marks).
        ("nao", ["mo"]),
        ("bao nhieu", ["bn", "bnhieu"]),
        ("nhung", ["nhg"]),

        // "tk", "sk": the two reviews of the year, as the office abbreviates them.
        ("tong ket", ["tk"]),
        ("so ket", ["sk"]),
        ("thang", ["thg"]),
        ("thoi gian", ["tg"]),
        ("noi", ["ns"]),
        ("nua", ["nx"]),
        ("ok", ["oke", "oki", "okie", "okay"]),

        // "vp đã xog nv 13": a letter dropped in haste ("xog" is no word of its own).
        ("xong", ["xog"]),
        ("hello", ["helo"]),
        ("hi", ["hii"]),
        ("alo", ["allo"]),
        ("admin", ["ad"]),
        ("deadline", ["dl"]),
        ("huong dan su dung", ["hdsd"]),

        // "quí", "lí do": i and y are interchangeable in Vietnamese spelling.
        ("quy", ["qui"]),
        ("ly", ["li"]),

        // Commands typed as one word, without the slash.
        ("thanh vien", ["thanhvien"]),
        ("sap den", ["sapden"]),
        ("han toi", ["hantoi"]),
        ("con no", ["conno"]),
        ("chua nop", ["chuanop"]),
        ("tiep nhan", ["tiepnhan"]),
        ("tra lai", ["tralai"]),
        ("phat dong", ["phatdong"]),
        ("xin chao", ["xinchao"]),
        ("huong dan", ["huongdan"]),
        ("tro giup", ["trogiup"]),
        ("ca nam", ["canam"]),
        ("bat dau", ["batdau"]),
    ]);

    // Words of the central provinces, as written with their marks, by the common word they stand for: "răng" (sao), "rứa"
    // (vậy), "mô" (nào, đâu), "chừ" (giờ), "nớ" (đó), "ni" (này), "hỉ" (nhỉ).
    private static readonly Dictionary<string, string> Regional = new(StringComparer.Ordinal)
    {
        ["răng"] = "sao", ["rứa"] = "vay", ["mô"] = "nao", ["chừ"] = "gio", ["nớ"] = "do", ["ni"] = "nay", ["hỉ"] = "nhi",
    };

    // What "chi" names as a word of its own: "chi hội", "chi bộ", "chi đoàn" are branches, "chi tiêu" spending.
    private static readonly HashSet<string> ChiCompounds = new(StringComparer.Ordinal) { "hoi", "bo", "doan", "tieu", "phi", "tiet", "nhanh", "cuc", "tra", "ho", "huy", "dao" };

    private static readonly System.Buffers.SearchValues<char> Breaks = System.Buffers.SearchValues.Create(",;.!?\n");

    // Words whose marks make them other words than the shorthand their letters spell: "máy hỏng" is broken, not "không".
    private static readonly HashSet<string> MarkedWords = new(StringComparer.Ordinal)
    {
        "hỏng", "hồng", "hòng", "họng", "mở", "mờ", "mổ", "mộ", "mớ", "mỡ", "mợ", "mồ", "mỏ", "mọ", "mó", "mò", "rửa", "rùa", "rữa", "rúa",
    };

    // Words that, written with their marks, are not the word they fold to, and so keep their marks: "trẻ" (young) is not
    // "trễ", "đủ" (enough) not "dự", "lớn" (big) not "lộn", "nó" (it) not "nợ", "lăm" (five, in "mười lăm") not "làm".
    private static readonly HashSet<string> LookAlikes = new(StringComparer.Ordinal) { "trẻ", "đủ", "lớn", "nó", "lăm" };

    /// <summary>The text up to the end of its <see cref="MaxWords"/>th word: what of a long message free text is read by.</summary>
    public static string Head(string text) => Read(text) is { Count: MaxWords } words ? text[..words[^1].End] : text;

    // The message's words: runs of letters or of digits ("nv3" is "nv" and "3"), each folded on its
    // own so a span can be cut back out of the original with its diacritics.
    public static List<Word> Read(string text, int maxWords = MaxWords)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < text.Length && words.Count < maxWords)
        {
            var kind = Kind(text[i]);
            if (kind == 0)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (Kind(text[i]) == kind || (kind == 1 && IsMark(text[i]))))
            {
                i++;
            }

            var folded = Unstretched(VietnameseText.Fold(text[start..i]));
            if (folded.Length == 0)
            {
                continue;
            }

            var written = text[start..i].ToLowerInvariant();
            var spelled = LookAlikes.Contains(written) ? written
                          : Regional.GetValueOrDefault(written)
                            ?? (MarkedWords.Contains(written) ? null : Shorthand.GetValueOrDefault(folded)) ?? Lexicon.Correct(folded);
            var paused = words.Count > 0 && text.AsSpan(words[^1].End, start - words[^1].End).IndexOfAny(Breaks) >= 0;
            foreach (var part in spelled.Split(' '))
            {
                words.Add(new Word(part, start, i, start > 0 ? text[start - 1] : '\0', paused));
                paused = false;
            }
        }

        // "còn chi nữa không", "nhắn chi hết": in a message written with marks, "chi" without them is "gì" as the centre
        // says it ("chị" and "chỉ" would carry theirs), unless it heads a branch or spending, or a name follows it ("chi
        // Lan", a "chị" whose mark was dropped).
        if (text.Any(c => c > '\u007f' && char.IsLetter(c)))
        {
            for (var k = 0; k < words.Count; k++)
            {
                if (words[k].Folded == "chi" && text[words[k].Start..words[k].End].Equals("chi", StringComparison.OrdinalIgnoreCase)
                    && !(k + 1 < words.Count && (ChiCompounds.Contains(words[k + 1].Folded) || char.IsUpper(text[words[k + 1].Start]))))
                {
                    words[k] = words[k] with { Folded = "gi" };
                }
            }
        }

        // "cô Mai đây", "anh Sơn chủ tịch mặt trận", "chú Bảy": a name after a title is the person's, no day ("mai" is
        // tomorrow), year ("Nam"), number ("Bảy") or word of an item ("Sơn" of Lạng Sơn); it stays a word, written with its
        // capital, so who is named is still seen.
        for (var k = 1; k < words.Count; k++)
        {
            if (IsName(text, words, k))
            {
                words[k] = words[k] with { Folded = Name };
            }
        }

        // "nộp đê 1 rồi": the letter D said aloud and typed by voice, before the deadline's number ("đê" alone is a dike).
        for (var k = 0; k + 1 < words.Count; k++)
        {
            if (words[k].Folded == "de" && words[k + 1].IsNumber && text[words[k].Start..words[k].End].Equals("đê", StringComparison.OrdinalIgnoreCase))
            {
                words[k] = words[k] with { Folded = "d" };
            }
        }

        return words;
    }

    /// <summary>The text with each person's name after a title written as <see cref="Name"/>: "cô Mai đây" is "cô _ đây".</summary>
    public static string Unnamed(string text)
    {
        var names = Read(text, int.MaxValue).Where(w => w.Folded == Name).Select(w => (w.Start, w.End)).Distinct().Reverse();
        var sb = new StringBuilder(text);
        foreach (var (start, end) in names)
        {
            sb.Remove(start, end - start).Insert(start, Name);
        }

        return sb.ToString();
    }

    /// <summary>What a person's name reads as: a word of no meaning.</summary>
    public const string Name = "_";

    private static readonly HashSet<string> PersonTitles = new(StringComparer.Ordinal) { "cô", "chị", "anh", "em", "thầy", "chú", "bác", "ông", "bà", "c", "a", "e" };

    // Words that, capitalised after a title, begin what a person is or where they work rather than a name ("chị Hiệu
    // trưởng", "anh Công an xã").
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "hieu", "pho", "chu", "truong", "bi", "chanh", "van", "ke", "giao", "can", "cong", "tram", "hoi", "doan", "phong", "ban", "uy",
        "mat", "bot", "ad", "admin", "ho", "xa", "thu", "to", "y", "quan", "cuu", "nong", "lien", "dang", "bo", "ubnd",
    };

    // A word written with a capital and then small letters, after a title written small (or opening the message) or after
    // such a name ("chị Thanh Hà"): "Hồ Chí Minh" has no title in it.
    private static bool IsName(string text, List<Word> words, int k)
    {
        if (!char.IsUpper(text[words[k].Start]) || words[k].Start <= words[k - 1].Start)
        {
            return false;
        }

        var written = text[words[k].Start..words[k].End];
        if (written.Length < 2 || !written.Skip(1).All(char.IsLower) || NotNames.Contains(words[k].Folded)
            || !string.IsNullOrWhiteSpace(text[words[k - 1].End..words[k].Start]))
        {
            return false;
        }

        var title = text[words[k - 1].Start..words[k - 1].End];
        var titled = PersonTitles.Contains(title.ToLowerInvariant()) && (char.IsLower(title[0]) || k == 1 || words[k - 1].Paused);
        return titled || (k >= 2 && words[k - 1].Folded == Name);
    }

    // "nhaaa", "ơiii", "rồiii": a letter typed three times or more is said with feeling, not spelt; no Vietnamese
    // word has a letter three times in a row, so the run is one letter, while Telex doubles ("aa" for â) stay.
    private static string Unstretched(string folded)
    {
        // "quý III", "VIII": a Roman numeral is spelt, not stretched.
        if (folded.All(c => c is 'i' or 'v' or 'x'))
        {
            return folded;
        }

        var sb = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length;)
        {
            var run = 1;
            while (i + run < folded.Length && folded[i + run] == folded[i])
            {
                run++;
            }

            sb.Append(folded[i], run >= 3 && char.IsAsciiLetter(folded[i]) ? 1 : run);
            i += run;
        }

        return sb.ToString();
    }

    /// <summary>
    /// The text without the numbers of documents it cites ("số 215/KH-UBND", "QĐ 12/QĐ-UBND"): they name who issued a
    /// paper and what kind it is, not an item, a unit that did something, or a period.
    /// </summary>
    public static string WithoutDocumentNumbers(string text) => DocumentNumber().Replace(text, " ").Trim();

    /// <summary>
    /// The writer's own words in a message that forwards another ("Fwd: "Kính gửi MTTQ và các đoàn thể, …" Hội PN nộp rồi",
    /// "[Chuyển tiếp từ Phòng VH-XH] "…" cái này còn mấy ngày"): without the forwarding mark, whom the forwarded text was
    /// from, and the text itself in quotes. Whom those name neither did nor is asked about anything; what they name may be
    /// what "cái này" means. The text as it is when nothing is forwarded or nothing else is written.
    /// </summary>
    public static string WithoutForwarded(string text)
    {
        var match = Forwarded().Match(text);
        return match.Success && text[(match.Index + match.Length)..].Trim().Length > 0 ? text[(match.Index + match.Length)..].Trim() : text;
    }

    /// <summary>
    /// The text with the other names people give the bot put as "bot": "trợ lý này", "ứng dụng này", "phần mềm này", "app
    /// này", "chatbot". Only with "này" (or as "chatbot"): "trợ lý" alone may be a person.
    /// </summary>
    public static string WithBotNamed(string text) => BotNamed().Replace(text, "bot");

    [GeneratedRegex(@"\b(?:(?:trợ lý|tro ly|ứng dụng|ung dung|phần mềm|phan mem|app)(?:\s+(?:ảo|ao))?(?=\s+(?:này|nay)\b)|chat\s?bot)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotNamed();

    /// <summary>
    /// The text with the Front called by its short name alone: "Ủy ban Mặt trận Tổ quốc xã" is "Mặt trận Tổ quốc xã", as
    /// "Ủy ban" before it is no mention of the People's Committee.
    /// </summary>
    public static string WithFrontNamed(string text) => FrontCommittee().Replace(text, string.Empty);

    [GeneratedRegex(@"\b(?:ủy ban|uỷ ban|uy ban)\s+(?=(?:mặt trận|mat tran)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FrontCommittee();

    /// <summary>
    /// The text with a paper carried in said as the plain verb would be: "mầm non mang bản giấy kế hoạch năm học lên rồi" is
    /// "mầm non mang lên bản giấy kế hoạch năm học rồi", as "mang lên" says handing in. Only when "lên" ends the clause, or
    /// only a particle follows it ("mang giấy tờ sang" may only be a visit).
    /// </summary>
    public static string WithCarriedUp(string text) => CarriedUp().Replace(text, m => $"{m.Groups["verb"].Value} {m.Groups["to"].Value} {m.Groups["what"].Value.Trim()}");

    [GeneratedRegex(@"(?<!\bthi\s)\b(?<verb>mang|đem|đưa|dem|dua)\s+(?<what>(?:[^\s,.;!?]+\s+){1,8}?)(?<to>lên|len)\b(?=\s*(?:rồi|roi|r|nhé|nhe|nha|ạ|a|nộp|nop|xã|xa|phòng|phong|[,.;!?]|$))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CarriedUp();

    /// <summary>
    /// The text with an item's number said aloud, as a phone writes what is dictated to it, put in digits: "mục mười ba" is
    /// "mục 13", "nhiệm vụ số hai mốt" is "nhiệm vụ số 21", "đê hai" is "D2". Only right after a word for an item, and only
    /// as written with marks ("sau", "nam" without them are "after" and "year"); "năm" before "nay", "học" or a year is the
    /// year, not five.
    /// </summary>
    public static string WithSpokenNumbers(string text) => WithSpokenMonths(SpokenNumber().Replace(text, m =>
    {
        var said = m.Groups["n"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToList();
        var rest = text[(m.Index + m.Length)..].TrimStart();
        var next = rest.Split([' ', ',', '.', ';', '!', '?'], 2)[0].ToLowerInvariant();
        if (said[^1] == "năm" && (next is "nay" or "học" or "sau" or "tới" or "ngoái" or "trước" || next.Any(char.IsAsciiDigit)))
        {
            said.RemoveAt(said.Count - 1);
        }

        if (SpokenValue(said) is not var (value, used) || value == 0)
        {
            return m.Value;
        }

        var lead = m.Groups["lead"].Value;
        var digits = lead.StartsWith('đ') || lead.StartsWith('Đ') ? "D" + value.ToString(CultureInfo.InvariantCulture) : lead + value.ToString(CultureInfo.InvariantCulture);
        var unused = string.Join(' ', said.Skip(used));
        var tail = m.Groups["n"].Value.EndsWith(' ') ? " " : string.Empty;
        return digits + (unused.Length > 0 ? " " + unused : string.Empty) + tail;
    }));

    // "đến cuối tháng sáu", "quý hai", "tháng mười hai": a month or a quarter said aloud, with its marks ("tháng sau" is next
    // month), in digits; "tháng tư" is April. Not a count after it ("mỗi tháng một lần"), nor the year ("tháng năm nay").
    private static string WithSpokenMonths(string text) => SpokenMonth().Replace(text, m =>
    {
        var said = m.Groups["n"].Value.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var value = said switch
        {
            ["mười", "một"] => 11,
            ["mười", "hai"] => 12,
            ["tư"] => 4,
            [var one] => SpokenValue([one]) is { Used: 1 } v ? v.Value : 0,
            _ => 0,
        };
        var quarter = m.Groups["lead"].Value.TrimEnd().ToLowerInvariant() is "quý" or "quí";
        return value == 0 || (quarter && value > 4) ? m.Value : m.Groups["lead"].Value + value.ToString(CultureInfo.InvariantCulture);
    });

    [GeneratedRegex(@"(?<lead>\b(?:tháng|quý|quí)\s+)(?<n>mười\s+(?:một|hai)|một|hai|ba|bốn|tư|năm|sáu|bảy|bẩy|tám|chín|mười)\b(?!\s+(?:lần|lượt|buổi|ngày|kỳ|nay|học|sau|tới|ngoái|trước|\d))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpokenMonth();

    // The number some spoken words open with ("mười ba", "hai mươi mốt", "hai lăm") and how many words it took, or null.
    private static (int Value, int Used)? SpokenValue(IReadOnlyList<string> said)
    {
        int? Unit(string w, bool after) => w switch
        {
            "một" => 1, "hai" => 2, "ba" => 3, "bốn" => 4, "năm" => 5, "sáu" => 6, "bảy" or "bẩy" => 7, "tám" => 8, "chín" => 9,
            "mốt" when after => 1, "tư" when after => 4, "lăm" when after => 5,
            _ => null,
        };
        if (said.Count == 0)
        {
            return null;
        }

        if (said[0] == "mười")
        {
            return said.Count > 1 && Unit(said[1], true) is { } u && said[1] != "mốt" ? (10 + u, 2) : (10, 1);
        }

        if (Unit(said[0], false) is not { } first)
        {
            return null;
        }

        // "hai mươi mốt", "hai mươi", "hai mốt", "hai lăm": tens; "hai ba" would be two items, not twenty-three.
        if (said.Count > 1 && said[1] == "mươi" && first >= 2)
        {
            return said.Count > 2 && Unit(said[2], true) is { } u ? (first * 10 + u, 3) : (first * 10, 2);
        }

        return said.Count > 1 && first >= 2 && said[1] is "mốt" or "tư" or "lăm" ? (first * 10 + Unit(said[1], true)!.Value, 2) : (first, 1);
    }

    [GeneratedRegex(@"(?<lead>\b(?:mục|nhiệm vụ|nv|việc số)\s+(?:số\s+)?|\bđê\s+)(?<n>(?:(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín|mười|mươi)\b\s*){1,3})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpokenNumber();

    [GeneratedRegex(@"^\s*(?:\[\s*(?:chuyển tiếp|chuyen tiep|forwarded|fwd?)\b[^\]\n]*\]|(?:fwd?|chuyển tiếp|chuyen tiep)\s*:)\s*(?:""[^""]*""|“[^”]*”|«[^»]*»)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Forwarded();

    [GeneratedRegex(@"(?:\b(?:số|so)\s*)?\d*\s*/\s*\p{Lu}{1,4}\p{L}*(?:\s*-\s*\p{Lu}\p{L}*)+", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentNumber();

    // The text with what chat apps and copy-paste slip in made harmless: zero-width and direction
    // marks dropped, control characters and broken surrogate halves turned into spaces, composed.
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(ch).Append(text[++i]);
            }
            else if (char.IsSurrogate(ch) || (char.IsControl(ch) && ch != '\n'))
            {
                sb.Append(' ');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.Format)
            {
                sb.Append(ch);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC).Trim();
    }

    // words[from..to] (inclusive) as written, with whatever stood between them.
    public static string Span(string text, IReadOnlyList<Word> words, int from, int to) =>
        text[words[from].Start..words[to].End].Trim();

    /// <summary>
    /// What stands between two words, in short: "; " where a semicolon, a full stop or a plus sign ends a clause ("hồ sơ +
    /// hội nghị"), ", " for a comma, otherwise a space ("P.KT" is one name).
    /// </summary>
    public static string Break(string text, int from, int to)
    {
        var gap = text.AsSpan(from, to - from);
        var stop = gap.IndexOf('.');
        return gap.Contains(';') || gap.Contains('+') || (stop >= 0 && stop + 1 < gap.Length && char.IsWhiteSpace(gap[stop + 1])) ? "; " : gap.Contains(',') ? ", " : " ";
    }

    // A shorthand listed twice would be a contradiction; ToDictionary refuses it.
    private static Dictionary<string, string> Spelled((string Meant, string[] Written)[] groups) =>
        groups.SelectMany(g => g.Written.Select(w => (w, g.Meant))).ToDictionary(p => p.w, p => p.Meant, StringComparer.Ordinal);

    // 1 letter, 2 digit, 0 anything else. Only ASCII digits are numbers; other scripts' digits
    // never name a task.
    private static int Kind(char ch) => char.IsAsciiDigit(ch) ? 2 : char.IsLetter(ch) ? 1 : 0;

    private static bool IsMark(char ch) =>
        CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
