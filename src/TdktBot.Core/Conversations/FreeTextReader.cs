using System.Text.RegularExpressions;

namespace TdktBot.Core.Conversations;

// Reads a message written in ordinary words. Words become cues (a period, a target, "đã", "chưa",
// "ai", "nộp"...), and each intent is scored from how its cues combine, so "chưa nộp" from "tôi"
// asks what is owed while "ai chưa nộp" asks about the others, and word order or fillers matter
// little. Close scores are reported as choices rather than guessed.
internal sealed partial class FreeTextReader
{
    // The lowest score that still means something; a lone "chào" just reaches it.
    private const double Threshold = 1.5;

    // Intents within this much of the best are offered as choices.
    private const double Margin = 1.0;

    // What a status question loses to periods: "ai còn nợ báo cáo quý 1" is about units, in quarter 1.
    private const double ScopeDemotion = 2;

    // On equal scores the earlier wins: acting on a submission outranks looking things up, and a
    // lookup outranks small talk.
    private static readonly IntentKind[] Priority =
    [
        IntentKind.Undo, IntentKind.Confirm, IntentKind.Ask, IntentKind.Later, IntentKind.Accept, IntentKind.Return, IntentKind.Invite,
        IntentKind.Broadcast, IntentKind.Members, IntentKind.Help, IntentKind.Start, IntentKind.Greeting,
    ];

    private readonly string _text;
    private readonly List<Word> _words;
    private readonly Cue[] _cues;
    private readonly List<Period> _periods = [];
    private readonly Dictionary<IntentKind, double> _scores = [];
    private readonly List<string> _targets = [];

    // "cái thứ 2", "việc thứ hai": the place, in the order reported, of one of the things the person just reported.
    private int? _ordinal;

    // Whom a guide is for ("hướng dẫn các chi hội tổng kết"): no part of the item's words.
    private readonly HashSet<int> _guided = [];

    // Who a notice asked for is meant for ("3 trường", "tyt"), as word positions; null when none is named.
    private (int From, int To)? _audience;

    // How strongly a period alone asks for the items in it; a report of something done outranks it.
    private double _lookup = double.MinValue;

    private FreeTextReader(string text)
    {
        _text = text;
        _words = MessageWords.Read(text);
        _cues = new Cue[_words.Count];
    }

    // Set by Observe: the sentence-level facts the scores combine.
    private bool Asked { get; set; }

    private bool Negated { get; set; }

    // "không nộp được": cannot, rather than has not.
    private bool Cannot { get; set; }

    // "chưa nộp được": not yet, news of a delay rather than a problem to solve.
    private bool NotYetAble { get; set; }

    // "vì thiếu chữ ký", "do chưa có hướng dẫn": the writer gives the reason, so knows what is wrong.
    private static readonly string[] ReasonWords = ["vi", "do", "nen", "tai vi", "boi vi", "tai"];

    private bool Perfective { get; set; }

    // "không hủy", "chưa hủy": not a request to undo.
    private bool NegatedUndo { get; set; }

    private static readonly string[] ThanksWords = ["cam on", "thanks", "thank you", "thank"];

    // The deeds the plan's items name, done: "đã tổng kết năm học", "đã sơ kết 6 tháng", "đã thẩm định hồ sơ".
    private static readonly string[] PastDayWords = ["hom qua", "bua qua", "sang qua", "chieu qua", "toi qua", "hom kia"];

    // Asking, forgetting, reading: what was done with the mind or the mouth, not a deed of the plan.
    private static readonly string[] MindWords = ["hoi", "quen", "xem", "doc", "nghe", "hieu", "biet"];

    private static readonly string[] HearsayWords = ["nghe noi", "nghe dau", "nghe bao", "nghe don", "nghe phong thanh"];

    // Worry, hope, weariness, relief: "lo quá", "sợ không kịp", "mong là", "hy vọng", "mệt quá", "vất vả", "hồi hộp".
    private static readonly string[] FeelingWords =
    [
        "lo qua", "lo lam", "lo lang", "lo khong kip", "lo ko kip", "so khong kip", "so ko kip", "so tre", "so qua", "mong la", "mong kip",
        "mong nam nay", "mong phong", "mong anh em", "mong cac", "hy vong", "hi vong", "met qua", "met lam", "met moi", "vat va", "ban toi mat",
        "hoi hop", "sot ruot", "vui qua", "mung qua", "nhe nguoi", "cang thang", "cuc qua", "ngan qua", "chan qua", "buon qua", "thong cam",
        "chau cham",
    ];

    private static readonly string[] DeedWords = ["tong ket", "so ket", "phat dong", "tham dinh", "tong hop", "cham diem", "tap huan", "boi duong"];

    // "khoan, 19 chưa xong", "sửa lại: nv 6 chưa đi dự": the writer corrects what was reported.
    private static readonly string[] CorrectingWords = ["khoan", "sua lai"];

    // "chứ không phải thi đua": what was named is not the plan's.
    private static readonly string[] NotThisWords = ["khong phai"];

    // "cứ tưởng bấm nhầm", "đúng rồi": a mistake feared, not made.
    private static readonly string[] FalseAlarmWords = ["tuong", "dung roi", "khong nham", "khong sao"];

    // "tôi gửi nhầm nhóm": the message went to the wrong chat; nothing of the plan was reported by mistake.
    private static readonly string[] WrongChatWords = ["nham nhom", "nham group", "nham box", "lon nhom"];

    // "tin nhắn D2 gửi nhầm cho hội ccb rồi, cái này bên tôi ko phải làm" (folded): what came to the writer was the mistake,
    // or the item is none of theirs; nothing the writer reported is taken back.
    [GeneratedRegex(@"\b(?:gui|nhac|nhan|bao)\s+nham\s+(?:cho|toi|den|vao)\s+(?:ben|hoi|truong|doan|tram|phong|cong an|ban|uy ban|em|e|toi|minh|chung)\b|\bkhong\s+phai\s+lam\b|\bkhong\s+lien\s+quan\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReceivedInError();

    // "thấy bảo", "thấy nói", and a clause ending "bảo thế", "nói vậy": what someone else said.
    [GeneratedRegex(@"\bthấy\s+(?:bảo|nói)\b|\b(?:bảo|nói)\s+(?:thế|vậy|the|vay)\s*(?:[.,;!]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToldSo();

    // A report of what is still to come, failed, or asked of someone else.
    private bool NotDone { get; set; }

    // "còn thiếu biên bản họp": a paper the work still lacks.
    private bool Missing { get; set; }

    // "đã nộp chưa?": whether something was submitted.
    private bool StatusQuestion { get; set; }

    private bool Submits => Has(Cue.Submit) || Has(Cue.Done);

    // "Hội đã hoàn thành … và đã gửi về Phòng ngày 28/01": a deed reported done; its periods and years are its own.
    private bool Reported => Perfective && (Submits || Has(Cue.Act)) && !Asked && !Negated && !NotDone;

    // "tuần sau bên em mới gửi", "kh năm học đang làm, cuối tuần nộp": news of work to come, not a question about the
    // period or the item it names.
    // "hội nghị sơ kết hoãn sang tuần sau", "xin gia hạn thêm vài hôm được không": put off, or asked to be, is news of a delay
    // however it is put.
    private bool Later => NotDone && (!Asked || Postponed || Promised) && (Submits || Has(Cue.Act) || Postponed || Promised) && !Has(Cue.Must) && !Has(Cue.Owe);

    // "khi nào xong em báo", "bao giờ có thì chị gửi nhé": a promise for when the work is done, not a question of when.
    private bool Promised => WhenDoneThen().IsMatch(string.Join(" ", _words.Select(w => w.Folded)));

    [GeneratedRegex(@"\b(?:khi nao|bao gio|luc nao)\s+(?:lam\s+)?(?:xong|co|hoan thanh)\s+(?:(?:thi|la)\s+)?(?:(?:em|e|minh|chi|c|anh|a|toi|t|bon em)\s+)?(?:bao|gui|nop)\b(?!.*\b(?:khong|ko|k|chua|duoc khong|dc khong|nhi|a|ha)\s*$)", RegexOptions.CultureInvariant)]
    private static partial Regex WhenDoneThen();

    // "chiều nay mới nộp", "cuối tháng trường c2 mới tổng kết": "mới" after a time to come, who does it standing between at
    // most, is "not until then".
    private bool OnlyThen(int at)
    {
        // "hôm 12/2, giờ mới báo": only now is it told, of a day gone.
        if (at > 0 && EndsClause(at - 1))
        {
            return false;
        }

        for (var k = at; k < _words.Count && k < at + 5; k++)
        {
            if (_words[k].Folded == "moi")
            {
                return true;
            }

            // Who stands between may be named with a number only as a school's level ("trường c2").
            // "gửi từ tháng 1 nhưng giờ mới báo": what comes after "nhưng" is another matter.
            if (EndsClause(k) || _cues[k] is not (Cue.None or Cue.Self or Cue.Filler or Cue.UnitWord) || (_words[k].IsNumber && _words[k - 1].Folded != "c")
                || _words[k].Folded == "nhung")
            {
                return false;
            }
        }

        return false;
    }

    // Past a holiday, said as when something will be done.
    private static readonly string[] HolidayWords = ["sau tet", "ra tet", "qua tet", "het tet", "an tet xong", "ra gieng", "sau le", "qua le", "het le"];

    private static readonly string[] PostponeWords =
        ["hoan lai", "hoan sang", "tam hoan", "hoan den", "xin hoan", "lui lai", "lui sang", "lui han", "xin lui", "doi sang", "de sang", "gia han", "xin them thoi gian",
         "chuyen sang thu", "chuyen sang tuan", "chuyen sang thang", "chuyen sang ngay", "chuyen sang hom", "chuyen sang chieu", "chuyen sang sang"];

    // "xin nộp muộn vài hôm được không", "chậm 1-2 hôm được không chị": leave to be late, asked; "kế hoạch bên em chậm 1-2
    // hôm nữa": late by days still to come, told. "xin phép phòng cho mầm non nộp D2 chậm 2 hôm", "cho phép hội lùi D1 sang
    // thứ 3": leave asked.
    private bool Postponed => Any(PostponeWords)
        || (Any(LeaveWords) && _words.Any(w => w.Folded is "muon" or "cham" or "tre" or "lui" or "hoan" or "doi"))
        || Enumerable.Range(0, _words.Count).Any(i => _words[i].Folded is "muon" or "cham" or "tre"
            && (Enumerable.Range(i + 1, Math.Max(0, Math.Min(_words.Count - 1, i + 6) - i - 1))
                    .Any(k => (_words[k].Folded is "duoc" or "dc" && _cues[k + 1] == Cue.Negation) || (_words[k].Folded is "hom" or "ngay" or "bua" or "tuan" && _words[k + 1].Folded == "nua"))
                || LateBy(i)));

    // "nộp D2 chậm 2 hôm": the handing in, said late by so many days with nothing said done ("nộp rồi, trễ 3 ngày" is done;
    // "nộp muộn D1 hôm nay" is today).
    private bool LateBy(int i) =>
        Submits && !Perfective && !_words.Any(w => w.Folded is "roi" or "r" or "xong")
        && Enumerable.Range(i + 2, Math.Max(0, Math.Min(_words.Count, i + 4) - i - 2))
            .Any(k => _words[k].Folded is "hom" or "ngay" or "bua" or "tuan" && (_words[k - 1].IsNumber || _words[k - 1].Folded is "vai" or "dam" or "mot")
                      && (k + 1 == _words.Count || _words[k + 1].Folded is not ("nay" or "qua" or "truoc" or "kia")));

    // "thấy bên hội phụ nữ báo xong sơ kết rồi": what the writer saw someone tell, in the same clause, is hearsay too; so is
    // what the writer saw another body do ("hôm qua thấy hội phụ nữ họp sơ kết đông vui ghê"), not the writer's own ("thấy
    // trường mình nộp rồi mà").
    private bool SawTold(int i) =>
        string.Equals(_text[_words[i].Start.._words[i].End], "thấy", StringComparison.OrdinalIgnoreCase)
        && (Enumerable.Range(i + 1, Math.Min(6, _words.Count - i - 1)).TakeWhile(k => !EndsClause(k - 1)).Any(k => _words[k].Folded is "bao" or "noi")
            || (i + 1 < _words.Count && !EndsClause(i) && BodyWords.Contains(_words[i + 1].Folded)
                && !(i + 2 < _words.Count && _words[i + 2].Folded is "minh" or "em" or "toi" or "nha" or "ta")));

    // Words a body's name opens with: "hội", "bên", "trường", "đoàn", "trạm", "công an", "mặt trận", "phòng", "các", "mấy".
    private static readonly HashSet<string> BodyWords = new(StringComparer.Ordinal)
        { "hoi", "ben", "truong", "doan", "tram", "cong", "mat", "phong", "ubnd", "uy", "cac", "may", "ca", "qs", "hnd", "hpn", "ccb", "mttq" };

    private static readonly string[] LeaveWords = ["xin phep", "cho phep"];

    // Reads a message that is not a command; text is already cleaned.
    public static Intent Read(string text)
    {
        var reader = new FreeTextReader(text);
        if (reader._words.Count == 0)
        {
            // "?" alone asks what the bot can do; emoji and punctuation say nothing.
            return new Intent(text.Contains('?', StringComparison.Ordinal) ? IntentKind.Help : IntentKind.Unknown);
        }

        reader.Tag();
        reader.Observe();
        reader.Score();
        return reader.Decide();
    }

    /// <summary>
    /// A message read as a question whatever else it may be taken for ("quý sau thì sao" may ask how to use the bot): its
    /// parts, for a follow-up to put in place of the question before.
    /// </summary>
    internal static Intent AsQuestion(string text)
    {
        var reader = new FreeTextReader(MessageWords.Clean(text));
        if (reader._words.Count == 0)
        {
            return new Intent(IntentKind.Ask);
        }

        reader.Tag();
        reader.Observe();
        return reader.Arguments(IntentKind.Ask);
    }

    /// <summary>
    /// A notice the office asks the bot to send, when the message opens with the request ("Nhắc các trường: …", "nhờ bot nhắc 3
    /// trường hạn nộp …", "Soạn tin gửi tất cả các đơn vị: …"): whom it names and what follows, whatever that says; else null.
    /// </summary>
    internal static Intent? Notice(string text)
    {
        var reader = new FreeTextReader(text);
        if (reader._words.Count == 0 || text.TrimEnd().EndsWith('?'))
        {
            return null;
        }

        reader.Tag();
        return reader._audience is null ? null : reader.Arguments(IntentKind.Broadcast);
    }

    /// <summary>The items a piece of a message names by number or id ("nv4 ạ", "D2 với 13"), in the order written.</summary>
    internal static IReadOnlyList<string> Targets(string text)
    {
        var reader = new FreeTextReader(text);
        if (reader._words.Count == 0)
        {
            return [];
        }

        reader.Tag();
        return reader._targets;
    }

    private void Tag()
    {
        for (var i = 0; i < _words.Count; i++)
        {
            // "6 tháng, 5 trang": a period stays within its clause.
            if ((Mentions.PeriodAt(_words, i) ?? Mentions.DateAt(_words, i)) is { } period
                && !Enumerable.Range(period.First, period.Last - period.First).Any(EndsClause))
            {
                // A period may claim the word before it ("3 tháng tới", "trong tuần"), even if tagged.
                Claim(period.First, period.Last, Cue.Period);
                _periods.Add(period);
                i = period.Last;
                continue;
            }

            // "cụm số 2" is a name; "số 2" alone, or after a verb, is item 2.
            // "việc 6 tháng đầu năm": the number opens a period, not an item's number.
            if (Mentions.TargetAt(_words, i) is var (target, last) && !(_words[i].Folded == "so" && i > 0 && _cues[i - 1] is Cue.None or Cue.Plan or Cue.TaskWord)
                && !(last > i && Mentions.PeriodAt(_words, last) is { } opens && opens.First == last))
            {
                // "ngoài D1 ra thì còn gì": the item set aside is not asked about.
                if (i > 0 && _words[i - 1].Folded == "ngoai")
                {
                    _cues[i - 1] = Cue.Filler;
                    Claim(i, last, Cue.Filler);
                    i = last;
                    continue;
                }

                AddTarget(target);
                Claim(i, last, Cue.Target);
                i = MoreTargets(last, target.StartsWith('D'));
                continue;
            }

            if (Lexicon.LongestPhraseAt(_words, i) is var (length, cue))
            {
                Claim(i, i + length - 1, cue);
                i += length - 1;
            }
        }

        NowClause();
        WishOccasion();
        UnitsAsked();
        Ordinal();

        // "báo cáo:\n1. đã nộp …\n2. đã tổ chức …": a list's numbering names no item.
        for (var i = 0; i < _words.Count; i++)
        {
            if (_cues[i] == Cue.None && _words[i].IsNumber && ListNumbering(i))
            {
                _cues[i] = Cue.Filler;
            }
        }

        // "lộn rồi, mới xong 3 thôi, 4 chưa", "khoan, 19 chưa xong, bỏ 19 ra": in a correction, a bare number said not done,
        // or taken out, is an item. "bỏ 20 ra giùm" takes it out on its own.
        if (Has(Cue.Mistake) || Has(Cue.Undo) || Correcting
            || Enumerable.Range(1, Math.Max(0, _words.Count - 2)).Any(i => _words[i - 1].Folded == "bo" && _words[i].IsNumber && _words[i + 1].Folded is "ra" or "di" or "luon"))
        {
            for (var i = 0; i < _words.Count; i++)
            {
                // "c2 chưa nộp", "cấp 2 chưa nộp": a school by its level, not item 2.
                if (_cues[i] == Cue.None && _words[i].Number is >= 1 and <= 999 and var n && !Mentions.IsQuantity(_words, i)
                    && !(i > 0 && _words[i - 1].Folded is "c" or "cap")
                    && ((i + 1 < _words.Count && _cues[i + 1] == Cue.Negation && !EndsClause(i)) || (i > 0 && _words[i - 1].Folded == "bo")))
                {
                    AddTarget(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    _cues[i] = Cue.Target;
                }
            }
        }

        // "nghỉ lễ quốc khánh xong rồi", "nghỉ tết xong": the holiday is over; nothing of the plan was done.
        for (var i = 0; i + 1 < _words.Count; i++)
        {
            if (_words[i].Folded == "nghi" && _words[i + 1].Folded is "le" or "tet" or "he" or "phep" or "om")
            {
                for (var k = i + 2; k < Math.Min(_words.Count, i + 6) && !EndsClause(k - 1) && _cues[k] is not (Cue.Act or Cue.Submit); k++)
                {
                    if (_cues[k] == Cue.Done)
                    {
                        _cues[k] = Cue.None;
                    }
                }
            }
        }

        // "bỏ 16 giúp em", "nv 6 bỏ ra": "bỏ" beside an item is taking it back.
        for (var i = 0; i < _words.Count; i++)
        {
            if (_cues[i] == Cue.None && _words[i].Folded == "bo"
                && ((i + 1 < _words.Count && _cues[i + 1] == Cue.Target) || (i > 0 && _cues[i - 1] == Cue.Target && i + 1 < _words.Count && _words[i + 1].Folded == "ra")))
            {
                _cues[i] = Cue.Undo;
            }
        }

        // "soạn giúp tôi thông báo gửi các trường …", "viết hộ chị thông báo …": asking the bot to draft the notice that
        // follows; the notice is the request.
        if (DraftOpening() is > 0 and var drafting)
        {
            Array.Fill(_cues, Cue.Filler, 0, drafting);
            Array.Fill(_cues, Cue.Broadcast, drafting, 2);
        }

        // "Nhắc các đơn vị nhớ gửi kế hoạch …", "nhờ bot nhắc 3 trường hạn nộp …", "nhắc tyt nộp bc giúp c": the office
        // telling the units it names, a notice to send them.
        if (Reminder() is var (remind, from, to))
        {
            Claim(remind, to, Cue.Broadcast);
            _audience = (from, to);
        }

        // "Phát động phong trào thi đua" is also a task's name; only at the start is it a request to broadcast.
        if (_audience is null && _cues[Next(-1)] != Cue.Broadcast)
        {
            // "UBND đã phát động phong trào": done, like any other act.
            for (var i = 0; i < _words.Count; i++)
            {
                if (_cues[i] == Cue.Broadcast)
                {
                    var done = Previous(i) is >= 0 and var before && _cues[before] == Cue.Perfect;
                    for (; i < _words.Count && _cues[i] == Cue.Broadcast; i++)
                    {
                        _cues[i] = done ? Cue.Act : Cue.None;
                    }
                }
            }
        }

        // "gửi hướng dẫn tổng kết", "đã ban hành văn bản hướng dẫn", "hướng dẫn tổng kết năm 2026 là gì": a guide handed out, or
        // named by what it guides, is an item, not a request for help ("hướng dẫn em", "hướng dẫn nộp D1" still ask). So is
        // guiding done ("đã hướng dẫn …", not "tôi mới về, bot hướng dẫn …") or guiding others through a review ("hướng dẫn
        // các chi hội tổng kết …").
        for (var i = 0; i < _words.Count; i++)
        {
            if (_cues[i] == Cue.StrongHelp && _words[i].Folded == "huong" && i + 1 < _words.Count && _words[i + 1].Folded == "dan"
                && ((Previous(i) is >= 0 and var before && _cues[before] is Cue.Submit or Cue.Act or Cue.Done or Cue.Perfect
                     && !Enumerable.Range(before + 1, i - before).Any(k => _words[k].Paused))
                    || Reviewing(i + 2) >= 0
                    || (i >= 2 && (_words[i - 2].Folded, _words[i - 1].Folded) is ("van", "ban") or ("cong", "van") or ("tai", "lieu"))
                    || (i + 2 < _words.Count && _cues[i + 2] == Cue.None && !_words[i + 2].IsNumber)))
            {
                Claim(i, i + 1, Cue.None);
                // Those guided ("các chi hội", "các tổ y tế thôn") are not what the guide is named by.
                if (Reviewing(i + 2) is > 0 and var review && _words[i + 2].Folded is "cac" or "nhung")
                {
                    _guided.UnionWith(Enumerable.Range(i + 2, review - i - 2));
                }
            }
        }

        // "nhờ nhắc mà trường không bị trễ", "không quá hạn": not late, said; nothing owed is asked about.
        for (var i = 1; i < _words.Count; i++)
        {
            var negation = i - (_words[i - 1].Folded == "bi" ? 2 : 1);
            if (_cues[i] == Cue.Owe && _words[i].Folded is "tre" or "qua" && negation >= 0 && _cues[negation] == Cue.Negation
                && !Enumerable.Range(negation, i - negation).Any(EndsClause))
            {
                for (var k = negation; k < _words.Count && (k <= i || (_cues[k] == Cue.Owe && _words[k].Folded == "han")); k++)
                {
                    _cues[k] = Cue.None;
                }
            }
        }

        // "đã được phòng duyệt những gì", "bị phòng trả về", "phòng trả lại bảo sửa": what the office did to the writer's
        // papers, not the office's own request; "còn đang chờ thầy hiệu trưởng duyệt": an approval still awaited.
        for (var i = 1; i < _words.Count; i++)
        {
            if (_cues[i] is Cue.Accept or Cue.Return && Enumerable.Range(Math.Max(0, i - 4), i - Math.Max(0, i - 4)).LastOrDefault(k => _words[k].Folded is "duoc" or "bi" or "cho" or "doi" || (k == i - 1 && _words[k].Folded == "phong"), -1) is >= 0 and var by
                && !Enumerable.Range(by, i - by).Any(EndsClause))
            {
                var cue = _words[by].Folded is "duoc" or "bi" or "phong" ? Cue.Reviewed : Cue.None;
                for (var k = i; k < _words.Count && _cues[k] is Cue.Accept or Cue.Return; k++)
                {
                    _cues[k] = cue;
                }
            }
        }

        // "hội nghị bên em đi rồi", "đã đi tập huấn", "bên e đi hội nghị rồi": "đi" is going, to a meeting or a course, not
        // the particle.
        for (var i = 1; i < _words.Count; i++)
        {
            if (_words[i].Folded == "di" && _cues[i] == Cue.Filler
                && ((i + 1 < _words.Count && (_cues[i + 1] == Cue.Already || _words[i + 1].Folded is "hoi" or "hop" or "du" or "tap" or "boi" or "tham" or "lop"))
                    || (Previous(i) is >= 0 and var before && _cues[before] == Cue.Perfect)))
            {
                _cues[i] = Cue.Act;
            }
        }

        // "kế hoạch năm học mới nộp trước ngày nào": the new school year, not "mới nộp".
        for (var i = 2; i < _words.Count; i++)
        {
            if (_cues[i] == Cue.Perfect && _words[i].Folded == "moi" && _words[i - 1].Folded == "hoc" && _words[i - 2].Folded == "nam")
            {
                _cues[i] = Cue.None;
            }
        }

        // "máy tính hỏng": "máy" is a machine; only "mấy", or "may" typed without marks, asks how many.
        for (var i = 0; i < _words.Count; i++)
        {
            if (_cues[i] == Cue.Question && _words[i].Folded == "may" && _text[_words[i].Start.._words[i].End].ToLowerInvariant() is "máy" or "mày" or "mảy")
            {
                _cues[i] = Cue.None;
            }
        }

        // "gửi kèm biên bản + danh sách dự họp": a list that went with the report is a paper, not a list asked for.
        for (var i = 0; i < _words.Count; i++)
        {
            if (_words[i].Folded == "kem")
            {
                for (var k = i + 1; k < _words.Count && !EndsClause(k - 1); k++)
                {
                    _cues[k] = _cues[k] == Cue.Plural ? Cue.None : _cues[k];
                }
            }
        }

        // "nộp hơi muộn mấy hôm", "trễ 3 ngày", "mấy hôm nay bận quá": a few days, not how many; how late it came, not what
        // is owed.
        for (var i = 0; i + 1 < _words.Count; i++)
        {
            var late = i > 0 && _words[i - 1].Folded is "muon" or "cham" or "tre" or "som" or "lui";
            if (_words[i + 1].Folded is "hom" or "ngay" or "bua" && (_words[i].Folded is "may" or "vai" || _words[i].IsNumber)
                && (late || (_words[i].Folded == "may" && i + 2 < _words.Count && _words[i + 2].Folded is "nay" or "truoc" or "qua")))
            {
                _cues[i] = _cues[i] == Cue.Question ? Cue.Filler : _cues[i];
                if (late && _cues[i - 1] == Cue.Owe)
                {
                    _cues[i - 1] = Cue.Filler;
                }
            }
        }

        // "tháng nào cũng báo cáo", "ai cũng bận", "chả ai làm": every one, or none, not a question; nor "sửa mấy chỗ", a few.
        // "nộp rồi, tuy hơi trễ": how late it came, not what is overdue.
        for (var i = 0; i < _words.Count; i++)
        {
            if (_words[i].Folded == "may" && i + 1 < _words.Count && _words[i + 1].Folded is "cho" or "loi" or "trang" or "lan" && _cues[i] == Cue.Question
                && !_text.Contains('?', StringComparison.Ordinal))
            {
                _cues[i] = Cue.Filler;
            }

            if (_words[i].Folded is "tre" or "muon" or "cham" && i > 0 && _words[i - 1].Folded is "hoi" or "tuy" && _cues[i] == Cue.Owe)
            {
                _cues[i] = Cue.Filler;
            }

            var every = i + 1 < _words.Count && _words[i].Folded is "nao" or "ai" or "gi" && _words[i + 1].Folded == "cung";
            var none = i > 0 && _words[i].Folded == "ai" && _words[i - 1].Folded is "cha" or "chang" or "khong";
            // "chưa cái nào xong cả": none of them, said.
            var noneOf = i > 1 && _words[i].Folded == "nao" && _words[i - 1].Folded is "cai" or "viec" or "muc" && _words[i - 2].Folded is "chua" or "khong" or "cha"
                         && Enumerable.Range(i + 1, _words.Count - i - 1).TakeWhile(k => !EndsClause(k - 1)).Any(k => _words[k].Folded == "ca");
            if ((every || none || noneOf) && _cues[i] is Cue.Question or Cue.Who)
            {
                _cues[i] = Cue.Filler;
                if (none)
                {
                    _cues[i - 1] = Cue.Filler;
                }
            }
        }

        // "nộp kế hoạch rồi phải không ạ", "gửi D2 rồi phải ko": "phải" before a closing "không" tags a question; nothing
        // is a must.
        for (var i = 0; i + 1 < _words.Count; i++)
        {
            var end = i + 2;
            while (end < _words.Count && !EndsClause(end - 1) && _cues[end] is Cue.Filler or Cue.Self)
            {
                end++;
            }

            if (_cues[i] == Cue.Must && _words[i].Folded == "phai" && _words[i + 1].Folded == "khong" && (end == _words.Count || EndsClause(end - 1)))
            {
                _cues[i] = Cue.Filler;
            }
        }

        // "Dạ em chúc mừng…": "dạ" written with its mark is a polite yes, not "đã"; "xoá sao ạ", "nộp sao": "sao" right after
        // the deed, ending the message, asks how to do it.
        for (var i = 0; i < _words.Count; i++)
        {
            if (_cues[i] == Cue.Perfect && _words[i].Folded == "da" && string.Equals(_text[_words[i].Start.._words[i].End], "dạ", StringComparison.OrdinalIgnoreCase))
            {
                _cues[i] = Cue.Filler;
            }

            // "gõ" written with its marks is typing, never "gỡ" (take back): "gõ sao để xem hạn" asks how to type.
            var typed = _words[i].Folded == "go" && string.Equals(_text[_words[i].Start.._words[i].End], "gõ", StringComparison.OrdinalIgnoreCase);
            if (typed && _cues[i] == Cue.Undo)
            {
                _cues[i] = Cue.None;
            }

            if (_cues[i] == Cue.Question && _words[i].Folded == "sao" && i > 0 && (_cues[i - 1] is Cue.Undo or Cue.Submit || _words[i - 1].Folded == "go")
                && (Enumerable.Range(i + 1, _words.Count - i - 1).All(k => _cues[k] is Cue.Filler or Cue.Self) || (i + 1 < _words.Count && _words[i + 1].Folded == "de")))
            {
                _cues[i] = Cue.HowTo;
            }
        }

        // "còn thiếu biên bản họp", "thiếu số liệu của mấy đoàn thể": a paper named as missing is news that the work is not
        // done, not a question about what is owed ("còn thiếu gì" still asks).
        for (var i = 0; i + 1 < _words.Count; i++)
        {
            if (_cues[i] == Cue.Owe && _words[i].Folded == "thieu" && _cues[i + 1] is Cue.None or Cue.Filler or Cue.TaskWord
                && _words[i + 1].Folded is not ("gi" or "nao" or "may" or "bao" or "khong" or "ko" or "k" or "chua" or "a" or "nhe" or "nha")
                && !Enumerable.Range(i + 1, Math.Min(4, _words.Count - i - 1)).Any(k => _cues[k] == Cue.Question && !SomeOfWhose(k))
                && _cues[^1] != Cue.Negation && !_text.Contains('?', StringComparison.Ordinal))
            {
                _cues[i] = Cue.Filler;
                Missing = true;
                if (i > 0 && _cues[i - 1] == Cue.Still)
                {
                    _cues[i - 1] = Cue.Filler;
                }

                for (var k = i + 1; k < _words.Count && k <= i + 4; k++)
                {
                    if (_cues[k] == Cue.Question && SomeOfWhose(k))
                    {
                        _cues[k] = Cue.Filler;
                    }
                }
            }
        }

        // "Ủy ban đã …": the "ban" of "ủy ban" opening a message is a name's, not "bạn" said to someone; the name is then set
        // aside whole.
        for (var i = 1; i < _words.Count; i++)
        {
            if (_cues[i] == Cue.Filler && _words[i].Folded == "ban" && _words[i - 1].Folded == "uy" && i - 1 == Next(-1))
            {
                _cues[i] = Cue.None;
            }
        }

        // "có ai ở phòng không", "ai biết số điện thoại …": whether someone is there, or knows something, is not which units
        // owe.
        for (var i = 0; i + 1 < _words.Count; i++)
        {
            if (_cues[i] == Cue.Who && _words[i].Folded == "ai" && _words[i + 1].Folded is "o" or "biet" or "di" or "ranh" or "truc")
            {
                _cues[i] = Cue.Filler;
            }
        }

        // "báo cáo … gửi cho ai", "dự hội nghị ở cụm thì đi những ai", "hỏi ai": the person a thing goes to or who goes is
        // asked, not which units owe.
        for (var i = 1; i < _words.Count; i++)
        {
            var first = i > 1 && _words[i - 1].Folded == "nhung" && _cues[i - 1] == Cue.Who ? i - 1 : i;
            if (_cues[i] == Cue.Who && _words[i].Folded == "ai" && first > 0 && _words[first - 1].Folded is "cho" or "di" or "gap" or "hoi" or "he"
                && !(i + 1 < _words.Count && !EndsClause(i) && (_cues[i + 1] is Cue.Negation or Cue.Perfect or Cue.Submit || _words[i + 1].Folded is "chua" or "con")))
            {
                Claim(first, i, Cue.Question);
            }
        }

        // "báo cáo bị sếp trả về sửa", "bị phòng trả về", "phòng vừa trả lại để sửa": a paper that was sent back is told, not
        // the office's order to send one back.
        for (var i = 1; i < _words.Count; i++)
        {
            if (_cues[i] == Cue.Return && _cues[i - 1] != Cue.Return
                && (Enumerable.Range(Math.Max(0, i - 3), i - Math.Max(0, i - 3)).Any(k => _words[k].Folded == "bi")
                    || (i > 1 && _words[i - 1].Folded is "vua" or "moi" or "da" && _words[i - 2].Folded is "phong" or "sep" or "chi" or "anh" or "vp")))
            {
                for (var k = i; k < _words.Count && _cues[k] == Cue.Return; k++)
                {
                    _cues[k] = Cue.None;
                }
            }
        }

        // "chưa có hướng dẫn": what is missing, not a request for help.
        for (var i = 1; i < _words.Count; i++)
        {
            if (_cues[i] == Cue.StrongHelp && _words[i].Folded == "huong" && _words[i - 1].Folded == "co" && Previous(i - 1) is >= 0 and var before && _cues[before] == Cue.Negation)
            {
                Claim(i, i + 1, Cue.None);
            }
        }

        // "tổng kết phong trào theo kế hoạch", "việc chưa xong trong kế hoạch": the plan the deed follows, not a question
        // about it.
        for (var i = 1; i < _words.Count; i++)
        {
            if (_cues[i] == Cue.Plan && _words[i - 1].Folded is "theo" or "trong")
            {
                for (; i < _words.Count && _cues[i] == Cue.Plan; i++)
                {
                    _cues[i] = Cue.Filler;
                }
            }
        }

        // "gửi hướng dẫn cho các đơn vị", "ban hành gửi các đơn vị": whom it went to; "hướng dẫn các đơn vị tổng kết": whom it directs; "đã tổng hợp hồ
        // sơ xong": work done, not a summary asked for.
        for (var i = 0; i < _words.Count; i++)
        {
            // "kèm danh sách đề nghị", "gửi kèm danh sách đăng ký thi đua", "kèm theo danh sách hội viên": a list sent with a paper
            // is a paper, not a list asked. ("sắp tới các đơn vị phải nộp gì" asks of the units: "tới" is of the time.)
            if (_cues[i] == Cue.Plural && ((i > 0 && _words[i - 1].Folded is "cho" or "toi" or "den" or "ve" or "xuong" or "gui" or "kem" && !(i > 1 && _words[i - 2].Folded == "sap"))
                                           || (i > 1 && _words[i - 2].Folded == "kem" && _words[i - 1].Folded == "theo")
                                           || (i > 1 && Directing.Contains(_words[i - 2].Folded + " " + _words[i - 1].Folded))
                                           || (_words[i].Folded == "tong" && (Has(Cue.Done) || Has(Cue.Submit)))
                                           || (_words[i].Folded == "danh" && i + 3 < _words.Count && (_words[i + 2].Folded, _words[i + 3].Folded) is ("de", "nghi") or ("dang", "ky"))
                                           // "tuần sau mới gửi được danh sách khen thưởng", "nộp danh sách": the list handed in.
                                           || (_words[i].Folded == "danh" && i > 0 && (_cues[i - 1] == Cue.Submit
                                               || (i > 1 && _cues[i - 2] == Cue.Submit && _words[i - 1].Folded is "duoc" or "dc" or "luon" or "ca" or "them")))))
            {
                for (; i < _words.Count && _cues[i] == Cue.Plural; i++)
                {
                    _cues[i] = Cue.None;
                }
            }
        }

        // "Hội CCB xã báo cáo: …", "báo cáo ban Hội Nông dân …": the writer reports; the words are not an item's name.
        for (var i = 0; i + 1 < _words.Count; i++)
        {
            if (_words[i].Folded == "bao" && _words[i + 1].Folded == "cao"
                && (EndsWithColon(i + 1) || (i == 0 && i + 2 < _words.Count && ReporterWords.Contains(_words[i + 2].Folded))))
            {
                Claim(i, i + 1, Cue.Submit);
            }
        }

        // "#3 xong": a number marked as one.
        for (var i = 0; i < _words.Count; i++)
        {
            if (_cues[i] == Cue.None && _words[i].Before == '#' && _words[i].Number is >= 1 and <= 999 and var n)
            {
                AddTarget(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
                _cues[i] = Cue.Target;
            }
        }

        // "nộp 3", "xong 3 rồi", "ai chưa nộp 2": a bare number right after the verb is what was done. So it is after an item
        // already named, when a verb of its own joins it on: "đã nộp D1 với làm xong 9 rồi".
        for (var i = 0; i < _words.Count; i++)
        {
            if (_cues[i] == Cue.None && _words[i].Number is >= 1 and <= 999 and var n && !Mentions.IsQuantity(_words, i)
                && Previous(i) is >= 0 and var before && _cues[before] is Cue.Submit or Cue.Done or Cue.Undo or Cue.Mistake
                && (_targets.Count == 0 || JoinedOn(before))
                && _words[i - 1].Folded != "ca"
                && (i + 1 == _words.Count || _words[i + 1].IsNumber || _cues[i + 1] is not (Cue.None or Cue.Plan or Cue.TaskWord)
                    // "xong 16 và 20 rồi": another number joined on.
                    || (_words[i + 1].Folded is "va" or "voi" or "vs" && i + 2 < _words.Count && _words[i + 2].Number is >= 1 and <= 999)))
            {
                AddTarget(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
                _cues[i] = Cue.Target;
                i = MoreTargets(i, false);
            }
        }

        // "13 xong r", "2, 5, 6 xong hết rồi": numbers that open the message, right before the verb, are what was done;
        // "17 19 21 hạn cùng ngày 31/12 hả", "còn 19 với 20 hạn cuối …": before "hạn", the items whose due date is asked.
        var run = new List<int>();
        var opening = Next(-1);
        if (opening < _words.Count && _cues[opening] == Cue.Still && opening + 1 < _words.Count && _words[opening + 1].IsNumber)
        {
            opening++;
        }

        for (var i = opening; i >= 0 && i < _words.Count && _cues[i] is Cue.None or Cue.Filler; i++)
        {
            if (_words[i].Number is >= 1 and <= 999 && _cues[i] == Cue.None && !Mentions.IsQuantity(_words, i))
            {
                run.Add(i);
            }
            else if (!(_cues[i] == Cue.Filler || _words[i].Folded is "va" or "voi"))
            {
                break;
            }
        }

        if (_targets.Count == 0 && run.Count > 0 && Next(run[^1]) is var verb && verb > run[^1] && verb < _words.Count
            && (_cues[verb] is Cue.Submit or Cue.Done || (_cues[verb] == Cue.DeadlineWord && _words[verb].Folded == "han")))
        {
            foreach (var i in run)
            {
                AddTarget(_words[i].Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                _cues[i] = Cue.Target;
            }
        }
    }

    private static readonly Dictionary<string, int> OrdinalWords = new(StringComparer.Ordinal)
    {
        ["nhat"] = 1, ["hai"] = 2, ["ba"] = 3, ["tu"] = 4, ["nam"] = 5,
    };

    // "lộn r, cái thứ 2 chưa làm": after "cái", "việc" or "mục", "thứ 2" is the second of what was reported, neither item 2
    // nor a Monday.
    private void Ordinal()
    {
        for (var i = 1; i + 1 < _words.Count; i++)
        {
            if (_words[i].Folded == "thu" && _words[i - 1].Folded is "cai" or "viec" or "muc" or "nv"
                && (_words[i + 1].Number is >= 1 and <= 9 and var n || OrdinalWords.TryGetValue(_words[i + 1].Folded, out n)))
            {
                _ordinal = n;
                Claim(i, i + 1, Cue.Filler);
                return;
            }
        }
    }

    private void Observe()
    {
        var last = Previous(_words.Count);

        // "đã nộp chưa", "xong không", "nộp D1 chưa, thấy im quá": a negation that ends the sentence turns a statement
        // into a question; "còn xã đoàn thì chưa" only says how things stand.
        var trailingNegation = Enumerable.Range(1, Math.Max(0, last))
            .Any(i => _cues[i] == Cue.Negation && (i == last || EndsClause(i) || OnlyAddressAfter(i) || PoliteQuestionEnd(i))
                      && Enumerable.Range(0, i).Any(k => _cues[k] is not (Cue.Filler or Cue.Negation))
                      && _words[i - 1].Folded != "thi");
        Asked = _text.Contains('?', StringComparison.Ordinal) || Has(Cue.Question) || Has(Cue.HowTo) || Has(Cue.Manner)
                || Has(Cue.Who) || trailingNegation || EndsWithQuestionParticle() || Any(AskingWords) || Any(ListWords) || ListAsked()
                || Enumerable.Range(0, _words.Count).Any(i => RequestAt(i) > 0) || DeadlineNamed() || ClauseAsks()
                // "Dạ cho em hỏi nhiệm vụ 4 …": a question about the item named, whatever it asks.
                || (_targets.Count > 0 && Enumerable.Range(2, Math.Max(0, _words.Count - 2)).Any(k => AsksHere(k) && Said(k, "hỏi")));

        for (var i = 0; i < _words.Count; i++)
        {
            // "chị quên chưa báo": what was forgotten is telling, not the deed.
            if (_cues[i] == Cue.Negation && NextAction(i) is >= 0 and var action && !(i > 0 && _words[i - 1].Folded == "quen"))
            {
                // "không nộp được" is a problem to help with, not a list of what is owed.
                if (Enumerable.Range(action + 1, 3).Any(k => k < _words.Count && _cues[k] == Cue.Able))
                {
                    Cannot = true;
                    NotYetAble |= _words[i].Folded == "chua";
                }
                else
                {
                    Negated = true;
                }
            }

            // "chưa hủy" is not undone; "chưa đi, bỏ giúp em" gives the reason, then asks.
            if (_cues[i] == Cue.Undo && Previous(i) is >= 0 and var before && _cues[before] == Cue.Negation
                && !Enumerable.Range(before, i - before).Any(EndsClause))
            {
                NegatedUndo = true;
            }

            // "đã nộp", "vừa mang kế hoạch năm học lên nộp": the deed may come after what was done with.
            if (_cues[i] == Cue.Perfect && (NextAction(i) >= 0 || ActionLaterInClause(i)))
            {
                Perfective = true;
            }
        }

        Perfective |= Has(Cue.Already);

        // "họp sơ kết 6 tháng xong hôm qua": a deed placed on a day gone by is done.
        Perfective |= Any(PastDayWords) && (Submits || Has(Cue.Act) || Has(Cue.Done));

        // "đã tổng kết năm học", "vừa sơ kết 6 tháng": the deed the plan names is the action.
        Perfective |= Has(Cue.Perfect) && Any(DeedWords);

        // "mai em nộp", "sắp xong rồi", "nhờ phòng nộp giùm", "gửi mà mail báo lỗi": not done yet, or not by the writer;
        // "chiều nay e mới nộp được": only later today will it be possible.
        NotDone = Enumerable.Range(0, _words.Count).Any(Future) || Failed() || Postponed || Missing || ReportsAfter() || (_words.Count > 0 && _words[Next(-1)].Folded is "de" or "nho" && !Remembered(Next(-1)) && !AsksToLook(Next(-1)))
                  // "nv 13 nữa là xong": one more, and then it is done.
                  || Enumerable.Range(0, Math.Max(0, _words.Count - 2)).Any(i => _words[i].Folded == "nua" && _words[i + 1].Folded is "la" or "thi" && _words[i + 2].Folded is "xong" or "du")
                  || (Any(LaterTodayWords) && (!Perfective || _words.Any(w => w.Folded is "duoc" or "dc")))
                  // "chiều nay mới nộp": not until then.
                  || Enumerable.Range(0, _words.Count).Any(i => LaterTodayWords.Any(p => Mentions.Matches(_words, i, p) is > 0 and var n && OnlyThen(i + n)))
                  || _periods.Any(p => p.Kind == PeriodKind.Day && p.Offset > 0 && !DeadlineAfter(p.Last))
                  // "2 hôm nữa gửi", "trong 10 ngày tới nộp", "dăm hôm nữa": so many days ahead.
                  || (_periods.Any(p => p.Kind == PeriodKind.Ahead && p.Days is not null) && !Perfective)
                  || Enumerable.Range(0, _words.Count).Any(i => FewDaysAhead(i) || (WeekdayAhead(i) && !Perfective) || PartOfDayAhead(i))
                  // "tháng 9 mới làm", "thứ 2 tuần sau mới nộp": not until then.
                  || _periods.Any(p => p.Kind is not PeriodKind.Day && OnlyThen(p.Last + 1))
                  // "sau tết mới làm hồ sơ", "ra giêng mới nộp": not until the holiday is over.
                  || Enumerable.Range(0, _words.Count).Any(i => HolidayWords.Any(h => Mentions.Matches(_words, i, h) is > 0 and var n && i + n < _words.Count && _words[i + n].Folded == "moi"))
                  || StatedNotYet();
        // "nộp D1 chưa", "xong rồi hả", "gửi rồi đúng không": whether it is done.
        // "các đoàn thể tổng kết phong trào thi đua chưa": a thing named, then "chưa", asks whether it is done.
        var namedThenNotYet = trailingNegation && _words[last].Folded == "chua" && _cues.Count(c => c == Cue.None) >= 2;
        StatusQuestion = (trailingNegation || EndsWithQuestionParticle() || Any(AskingWords))
                         && (Submits || Has(Cue.Act) || Has(Cue.Done) || Has(Cue.Reviewed) || namedThenNotYet)
                         && !Has(Cue.Must);
    }

    private void Score()
    {
        var namedPeriod = _periods.Any(p => p.Named);

        var bare = Submits && !Perfective && _targets.Count == 0 && !Asked && !Negated
                   && _cues.All(c => c is Cue.Filler or Cue.Submit or Cue.Self);

        // "lộn rồi, mới xong 3 thôi, 4 chưa", "khoan, 19 chưa xong, bỏ 19 ra": a mistake owned up to, with the item said not
        // done in a clause of its own, takes that item back. So does one item said not done beside another said right ("nv 10
        // thì chưa đâu, …, còn nv 8 thì đúng rồi").
        var verdicts = KeptTargets().Any();
        if ((Has(Cue.Mistake) || Has(Cue.Undo) || Correcting || verdicts) && !NegatedUndo && NotDoneTargets().Count > 0 && !_text.Contains('?', StringComparison.Ordinal)
            && !Has(Cue.Question) && !EndsWithQuestionParticle() && !Any(AskingWords) && (verdicts || !Any(FalseAlarmWords)))
        {
            Raise(IntentKind.Undo, 7);
        }

        // "nhầm rồi, hủy giúp" takes back; "em có nhầm không" only asks, and "hủy bằng cách nào" asks how.
        if ((Has(Cue.Undo) && !NegatedUndo && !Has(Cue.HowTo)) || (Has(Cue.Mistake) && !Asked && !Any(FalseAlarmWords) && !Any(WrongChatWords) && !ReceivedInError().IsMatch(string.Join(" ", _words.Select(w => w.Folded)))))
        {
            Raise(IntentKind.Undo, (Has(Cue.Undo) ? 5 : 4.5) + (_targets.Count == 0 ? 0 : 1));
        }

        // "đã tổ chức hội nghị", "đã dự tập huấn", "đã tổng kết năm học": a finished act reports it done as much as "đã nộp"
        // does.
        if ((Submits || (Perfective && (Has(Cue.Act) || Any(DeedWords)))) && !Negated && !Cannot && !Received)
        {
            var score = (Has(Cue.Done) ? 2.5 : 2) + (Perfective ? 2 : 0) + (_targets.Count == 0 ? 0 : 1.5);
            score -= Asked ? (StatusQuestion ? 4 : 3) : 0;
            score -= Has(Cue.Owe) || Has(Cue.Must) || Has(Cue.Who) || Has(Cue.Still) || Has(Cue.Plural) ? 2 : 0;
            score -= Has(Cue.Undo) || Has(Cue.Mistake) ? 2 : 0;
            // "cảm ơn bot đã xác nhận" thanks for what the bot did; "alo chị ơi, hội đã gửi…" only opens the report, and
            // "… nộp rồi nhé, cảm ơn" closes it.
            score -= ThanksBeforeDeed() ? 2 : 0;
            score -= NotDone ? 5 : 0;
            // "nghe nói trường c2 nộp rồi đấy", "thấy bảo …", "… gặp cô hiệu trưởng bảo thế": hearsay is no one's report ("thầy
            // báo cáo" is).
            score -= Any(HearsayWords) || ToldSo().IsMatch(_text)
                     || Enumerable.Range(0, _words.Count).Any(TheirWord) || Enumerable.Range(0, _words.Count).Any(SawTold) ? 5 : 0;
            Raise(IntentKind.Confirm, score);
        }
        else if (Has(Cue.Perfect) && Has(Cue.Already) && !Asked && !Has(Cue.Negation) && !Any(MindWords))
        {
            // "đã đăng ký thi đua rồi": finished, whatever the verb; but "vừa nãy hỏi rồi mà quên" did nothing of the plan.
            Raise(IntentKind.Confirm, 2.5);
        }

        // When something named in plain words is due, or what it is: "tập huấn nghiệp vụ khi nào vậy", "cái tổng kết phong
        // trào thi đua là làm những gì".
        if (Asked && (Any(WhenWords) || Any(DaysLeftWords) || Any(WhatWords) || IsWhat()) && _cues.Count(c => c == Cue.None) >= 2 && !Promised)
        {
            Raise(IntentKind.Ask, 2.5);
        }

        // About what was handed in or reviewed: "đã nộp những gì", "có cái nào bị trả lại không"; "đã làm những gì rồi": done.
        if (Asked && (Submits || Has(Cue.Reviewed) || DoneAsked()) && !Later)
        {
            Raise(IntentKind.Ask, 3.5);
        }

        // What is owed or left: "còn nợ gì", "chưa nộp gì", "còn gì không", "còn việc nào".
        if (Has(Cue.Owe))
        {
            Raise(IntentKind.Ask, 3.5 + (Has(Cue.Self) || Has(Cue.Still) ? 1 : 0));
        }

        // "nhầm, hội em chưa tổ chức, hủy giúp": the negation is why it is taken back, not a question; "công an xã chưa làm kế
        // hoạch, tuần sau mới xong" is news of a delay.
        if (Negated && !Has(Cue.Undo) && !Has(Cue.Mistake) && !Later)
        {
            Raise(IntentKind.Ask, 3 + (Has(Cue.Self) || Asked || Has(Cue.Still) ? 1 : 0));
        }

        // "còn bao nhiêu" alone may be about anything.
        if ((StatusQuestion || (Has(Cue.Still) && Asked && (_words.Any(w => w.Folded == "gi") || Has(Cue.TaskWord) || Submits || Has(Cue.Act)))) && !Later)
        {
            Raise(IntentKind.Ask, 3.5);
        }

        // "phải làm gì", "bên em có việc gì": what to do.
        if (Asked && (Has(Cue.Must) || Has(Cue.Self) || Has(Cue.TaskWord)) && (Submits || Has(Cue.Act) || Has(Cue.TaskWord)) && !Later)
        {
            Raise(IntentKind.Ask, 3);
        }

        // About the other units: "ai chưa nộp", "các đơn vị còn nợ", "đơn vị nào".
        var status = Negated || Has(Cue.Owe) || Submits || Has(Cue.Still) || StatusQuestion;
        if (Has(Cue.Who))
        {
            Raise(IntentKind.Ask, status ? 5.5 : 2);
        }
        else if (Has(Cue.Plural))
        {
            Raise(IntentKind.Ask, Negated || Has(Cue.Owe) || StatusQuestion ? 5 : Submits ? 3 : 0);
        }

        // A bare "nộp" could be a report or a question.
        if (bare)
        {
            Raise(IntentKind.Ask, 1.5);
        }

        ScoreLookups(namedPeriod);
        ScoreOfficeAndSmallTalk();

        // "mai họp giao ban mấy giờ": the plan has days, not hours; a time of day asked about is not asked of it.
        if (_targets.Count == 0 && Enumerable.Range(0, _words.Count - 1).Any(i => _words[i].Folded == "may" && _words[i + 1].Folded is "gio" or "h"))
        {
            _scores.Remove(IntentKind.Ask);
        }
    }

    /// <summary>
    /// "phòng kt đã tổ chức sơ kết rồi, à mà khoan, cái đó là sơ kết kinh tế chứ ko phải thi đua, thôi bỏ qua": the writer
    /// corrects themself and then drops all they said; nothing is reported or asked.
    /// </summary>
    internal static bool Dropped(string text)
    {
        var reader = new FreeTextReader(text);
        if (reader._words.Count < 3)
        {
            return false;
        }

        reader.Tag();
        return reader.Dismissed();
    }

    private bool Dismissed()
    {
        var last = Previous(_words.Count);
        var drops = last >= 2 && (Mentions.Matches(_words, last - 1, "bo qua") == 2 || Mentions.Matches(_words, last - 1, "thoi khoi") == 2);
        return drops && (Any(CorrectingWords) || Has(Cue.Mistake) || Any(NotThisWords));
    }

    private void ScoreLookups(bool namedPeriod)
    {
        // "hôm nay mạng chập chờn quá", "chúc mừng ngày 8/3": a day beside words about something else asks nothing.
        var aside = !Asked && !Has(Cue.TaskWord) && !Has(Cue.Owe) && !Has(Cue.DeadlineWord) && !Has(Cue.Plan) && !Submits && !Has(Cue.Act)
                    && _cues.Count(c => c == Cue.None) >= 2;
        foreach (var period in _periods.Where(_ => !aside))
        {
            Lookup(period.Named ? 4 : 3);
        }

        if (Has(Cue.Soon))
        {
            Lookup(4);
        }

        if (Has(Cue.DeadlineWord) && Asked && !namedPeriod)
        {
            Lookup(3);
        }

        // "quý 4 năm nay", "kế hoạch quý 2": the year or the plan only places the quarter.
        if (Has(Cue.Year))
        {
            Lookup(Has(Cue.Plan) ? 4.5 : 4);
        }
        else if (Has(Cue.Plan) && !Submits && !Has(Cue.DeadlineWord) && !Has(Cue.Soon))
        {
            // "xem kế hoạch" is the plan; in "hạn nộp kế hoạch" the plan is what is due.
            Lookup(3);
        }

        // A named item asked about is a question even without a period: "D1 là gì", "nv 7 hạn bao giờ".
        if (_targets.Count > 0 && Asked)
        {
            Lookup(3.5);
        }

        // A period beside a report is its scope ("đã nộp báo cáo quý 1"), not a question; beside why something cannot be done
        // yet, part of the reason ("chưa tổng kết được vì còn chờ số liệu tháng 12").
        var report = Math.Max(_scores.GetValueOrDefault(IntentKind.Confirm), _scores.GetValueOrDefault(IntentKind.Undo));
        if (_lookup > double.MinValue && !Later && !Reported && !Excuse && !Received)
        {
            Raise(IntentKind.Ask, _lookup - (report >= 3.5 ? ScopeDemotion : 0));
        }
    }

    private void ScoreOfficeAndSmallTalk()
    {
        // "nhiem vu 5 la du hoi nghi o dau the", "nv16 với nv20 là gì, tr mình phải làm ntn": how or where to do the item named
        // is what the item says, not how to use the bot.
        // "gõ lệnh gì để xác nhận đã gửi D2", "nhắn cú pháp gì để …": what to type is asked, whatever it is for and whatever
        // it names.
        var typing = Enumerable.Range(0, _words.Count).Any(i => _cues[i] == Cue.HowTo && _words[i].Folded is "go" or "cu" or "lenh");
        var itemAsked = _targets.Count > 0 && !AboutTheBot() && !typing
                        && (Has(Cue.Must) || IsWhat() || NamedThenIs());
        if ((Has(Cue.HowTo) || (Has(Cue.Manner) && (Submits || Has(Cue.Act)) && !Perfective)) && !itemAsked)
        {
            // So is "làm sao để xem danh sách đơn vị chưa nộp", how to do a thing said after "để".
            // "làm sao xem được đơn vị mình còn nợ gì": how to see it.
            Raise(IntentKind.Help, typing || Enumerable.Range(0, _words.Count).Any(i => _cues[i] == Cue.HowTo && i + 1 < _words.Count && _words[i + 1].Folded is "de" or "xem") ? 7 : 5);
        }

        // "muốn báo đã xong 1 việc thì nhắn thế nào": how to do what the writer wants, whatever it names.
        if (WantsHowTo())
        {
            Raise(IntentKind.Help, 6);
        }

        // "bot này dùng sao vậy", "hỏi bot được những câu gì", "bot có xem được việc của đơn vị khác ko": a question about the
        // bot itself, naming nothing of the plan.
        if (Asked && AboutTheBot())
        {
            Raise(IntentKind.Help, 4.5);
        }

        // "xã đoàn nhận được hướng dẫn rồi ạ": the guidance received is a paper, not a request to be guided.
        if (Has(Cue.StrongHelp) && !GuidanceReceived())
        {
            // "hướng dẫn cách xem đơn vị nào chưa nộp": asking to be shown how, whatever follows.
            // "hướng dẫn mình cách xem …": whom to show may stand between.
            // "bot có tự nhắc hạn cho mình không": asked of the bot, it is what the bot does.
            // "dùng thế nào để báo là đã nộp": how to use the bot for a deed, whatever the deed.
            Raise(IntentKind.Help, Enumerable.Range(0, _words.Count - 1).Any(i => _cues[i] == Cue.StrongHelp
                && (_cues[i + 1 < _words.Count - 1 && _cues[i + 1] == Cue.Self ? i + 2 : i + 1] == Cue.HowTo || (_words[i + 1].Folded == "de" && _cues[i] != _cues[i + 1])))
                ? 7 : Asked && _words.Any(w => w.Folded == "bot") ? 5 : 3.5);
        }

        if (Asked && BotAbility())
        {
            Raise(IntentKind.Help, 7);
        }

        // "không nộp được": a problem to help with; "chưa nộp được vì thiếu chữ ký" only tells why it is late.
        if (Cannot)
        {
            // What follows the reason ("thiếu chữ ký") is not a question about what is owed.
            if (Excuse)
            {
                Raise(IntentKind.Later, 5);
            }
            else
            {
                Raise(IntentKind.Help, 3.5);
            }
        }

        if (Has(Cue.Help))
        {
            Raise(IntentKind.Help, 2);
        }

        // "lo không kịp nộp D1 quá", "mong năm nay hội được cờ thi đua", "mệt quá, tháng nào cũng báo cáo": a feeling shared,
        // with nothing asked and no deed told, is talk, whatever it names; a delay told ("chậm 1-2 hôm nữa, mong phòng thông
        // cảm") or a problem ("mệt quá, không gửi được file") is answered as such.
        if (Any(FeelingWords) && !Asked && _scores.GetValueOrDefault(IntentKind.Confirm) < 3 && !Has(Cue.Undo) && !Has(Cue.Mistake) && !Later && !Cannot)
        {
            Raise(IntentKind.Greeting, 6);
        }

        // "Chúc Phòng năm mới an khang", "chúc mừng…": a wish, whatever it names; but a question in a sentence after it
        // ("Chúc mừng năm mới phòng. Năm nay trạm có những nhiệm vụ gì?", "chúc thầy cô ngày vui, mà cho e hỏi …") is what
        // the message is for.
        if (Enumerable.Range(0, _words.Count).FirstOrDefault(k => _cues[k] is not (Cue.Filler or Cue.Self), _words.Count) is var opening
            && opening < _words.Count && _words[opening].Folded == "chuc"
            && (string.Equals(_text[_words[opening].Start.._words[opening].End], "chúc", StringComparison.OrdinalIgnoreCase) || Mentions.Matches(_words, opening + 1, "mung") == 1)
            && !(_text.IndexOfAny(['.', '!', '\n'], _words[opening].End) is > 0 and var end && _text.IndexOf('?', end) > end)
            && !(Enumerable.Range(opening, _words.Count - opening).FirstOrDefault(EndsClause, _words.Count) is var wishEnd
                 && Enumerable.Range(wishEnd + 1, Math.Max(0, _words.Count - wishEnd - 1)).Any(k => _cues[k] == Cue.Question))
            && !Enumerable.Range(opening + 2, Math.Max(0, _words.Count - opening - 2)).Any(AsksHere))
        {
            Raise(IntentKind.Greeting, 6);
        }

        if (Has(Cue.Greeting))
        {
            var smallTalk = _cues.All(c => c is Cue.Greeting or Cue.Filler or Cue.Self);
            Raise(IntentKind.Greeting, smallTalk ? 3 : 1.5);
        }

        if (Has(Cue.Members))
        {
            Raise(IntentKind.Members, 4);
        }

        // The office's verbs open their requests; the words after them ("vì thiếu chữ ký") are arguments.
        // "chiều nay tôi sẽ ký duyệt hồ sơ": what the writer will do is not done.
        if (Has(Cue.Accept) && !Ahead(Cue.Accept))
        {
            Raise(IntentKind.Accept, _cues[Next(-1)] == Cue.Accept ? 6 : 4.5);
        }

        if (Has(Cue.Return) && !Ahead(Cue.Return))
        {
            Raise(IntentKind.Return, _cues[Next(-1)] == Cue.Return ? 6 : 4.5);
        }

        // "Mời Trạm Y tế": an invitation when "mời" opens the request; elsewhere "moi" is often "mới".
        if (Has(Cue.Invite) || (InviteWord() >= 0 && !Submits))
        {
            Raise(IntentKind.Invite, 4.5);
        }

        if (Has(Cue.Broadcast))
        {
            // "phát động phong trào thi đua hạn chót là hết quý 1 à": asked about, or reported done ("phát động thi đua xong
            // r"), the launch is an item, not one to send.
            // "Nhắc các đơn vị …" opens with what the office wants done; what follows is the notice, whatever it says.
            var asked = (Asked && (_text.Contains('?', StringComparison.Ordinal) || EndsWithQuestionParticle() || Any(WhenWords) || Any(DaysLeftWords))) || Reported
                        || (Perfective && !Asked && !NotDone);
            Raise(IntentKind.Broadcast, _audience is not null && !_text.TrimEnd().EndsWith('?') ? 7 : asked ? 2.5 : 4.5);
        }

        if (Has(Cue.Start))
        {
            Raise(IntentKind.Start, 2.5);
        }
    }

    // Units asked for by what they did or owe, without "nào": "liệt kê giúp các đơn vị còn nợ việc", "thống kê những đơn vị
    // quá hạn", and "Mấy trường đã nộp D2 rồi", a count asked plainly (with "chưa" or "gì" it asks whether they did, or what
    // they owe).
    private void UnitsAsked()
    {
        for (var i = 0; i + 1 < _words.Count; i++)
        {
            if (ListingWords.Select(p => Mentions.Matches(_words, i, p)).FirstOrDefault(n => n > 0) is > 0 and var listing)
            {
                var at = i + listing;
                while (at < _words.Count && (RequestWords.Contains(_words[at].Folded) || _cues[at] == Cue.Self || _words[at].Folded is "cho" or "chi" or "anh" or "c" or "a" or "e"))
                {
                    at++;
                }

                if (EveryUnitWords.Select(p => Mentions.Matches(_words, at, p)).FirstOrDefault(n => n > 0) is > 0 and var units)
                {
                    Claim(at, at + units - 1, Cue.Who);
                }
            }

            if (_words[i].Folded == "may" && _cues[i] == Cue.Question && CountedUnits.Contains(_words[i + 1].Folded) && Has(Cue.Perfect)
                && !_cues.Any(c => c is Cue.Negation or Cue.Owe or Cue.Still) && Enumerable.Range(0, _words.Count).All(k => k == i || _cues[k] != Cue.Question))
            {
                Claim(i, i + 1, Cue.Who);
            }
        }
    }

    // Asking for a list: "liệt kê", "thống kê", "lọc" ("lọc giúp các đơn vị còn nợ việc quý 1").
    private static readonly string[] ListingWords = ["liet ke", "thong ke", "loc"];

    private static readonly HashSet<string> CountedUnits = new(StringComparer.Ordinal) { "truong", "hoi", "doan", "don" };

    // "han tham du hn so ket o cum", "hạn nộp hồ sơ khen thưởng": the deadline word, then what it is of, and nothing said of
    // it, asks for it.
    private bool DeadlineNamed() =>
        _words.Count > 2 && _cues[Next(-1)] == Cue.DeadlineWord && _periods.Count == 0
        && !_cues.Any(c => c is Cue.Perfect or Cue.Already or Cue.Negation or Cue.Done or Cue.Owe or Cue.Must);

    // "sẽ duyệt", "sắp trả lại": the office's verb is still to come.
    private bool Ahead(Cue verb) =>
        Enumerable.Range(0, _words.Count).FirstOrDefault(i => _cues[i] == verb, -1) is > 0 and var at
        && Enumerable.Range(Math.Max(0, at - 3), at - Math.Max(0, at - 3)).Any(k => _words[k].Folded is "se" or "sap");

    // "muốn …, thì … thế nào / sao": a wish, then how.
    private bool WantsHowTo() =>
        Enumerable.Range(0, _words.Count).FirstOrDefault(i => _words[i].Folded == "muon", -1) is >= 0 and var wish
        && Enumerable.Range(wish + 1, Math.Max(0, _words.Count - wish - 1)).FirstOrDefault(i => _words[i].Folded == "thi", -1) is > 0 and var then
        && Enumerable.Range(then + 1, _words.Count - then - 1).Any(i => _cues[i] is Cue.Manner or Cue.HowTo || _words[i].Folded == "sao");

    // What a bot does: "trả lời được những câu hỏi gì", "có tính năng gì".
    private static readonly HashSet<string> BotWords = new(StringComparer.Ordinal) { "tra", "loi", "cau", "tinh", "chuc", "nang" };

    // "nhận được hướng dẫn", "nhận hướng dẫn rồi": the guidance, received.
    private bool GuidanceReceived() =>
        Enumerable.Range(1, Math.Max(0, _words.Count - 2)).Any(i =>
            _words[i].Folded == "huong" && _words[i + 1].Folded == "dan"
            && (_words[i - 1].Folded == "nhan" || (i > 1 && _words[i - 2].Folded == "nhan" && _words[i - 1].Folded is "duoc" or "dc")));

    // What a bot may do: remind, send, look up, read, take in, filter, count, export, take back.
    private static readonly HashSet<string> BotDeeds = new(StringComparer.Ordinal)
        { "nhac", "gui", "xem", "lam", "doc", "hieu", "nhan", "loc", "thong", "xuat", "tao", "sua", "huy", "tra", "tu", "ghi", "dung", "tim", "dem", "luu" };

    // "bot có tự nhắc khi sắp đến hạn không", "cái bot này có gửi file được ko", "cho hỏi bot có thể làm những gì", "cái bot này
    // làm được những việc gì": what the bot can do, asked of it (not called to: "bot ơi"), whatever work it names. "bot có
    // gửi nhắc trường TH chưa" asks whether it was done.
    private bool BotAbility()
    {
        if (_words[^1].Folded == "chua")
        {
            return false;
        }

        for (var i = 0; i < _words.Count - 2; i++)
        {
            if (_words[i].Folded != "bot")
            {
                continue;
            }

            var k = i + 1 + (_words[i + 1].Folded == "nay" ? 1 : 0);
            if (k + 1 < _words.Count && _words[k].Folded == "lam" && _words[k + 1].Folded is "duoc" or "dc")
            {
                return true;
            }

            // "có" as written, not "cô" ("chào bot, cô hiệu trưởng …"); "bot có trả lời hông" only tries the bot out.
            if (k + 1 < _words.Count && _text[_words[k].Start.._words[k].End].ToLowerInvariant() is "có" or "co")
            {
                k += _words[k + 1].Folded == "the" ? 2 : 1;
                if (k < _words.Count && BotDeeds.Contains(_words[k].Folded) && !(k + 1 < _words.Count && _words[k].Folded == "tra" && _words[k + 1].Folded == "loi"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The bot named as what is asked about, not called to ("bot ơi"), for what it can do or how it is used ("hỏi", "dùng",
    // "xem", "được"), in a message that names no work, time or unit's duty, nor papers sent back or taken in ("bot có biết
    // thời tiết mai không" is chat; "có cái nào bị trả lại không bot" asks what was returned);
    // "em mới vào" is someone new, not work done.
    private bool AboutTheBot() =>
        _targets.Count == 0
        && Enumerable.Range(0, _words.Count).Any(i => _words[i].Folded == "bot" && !(i + 1 < _words.Count && _words[i + 1].Folded is "oi" or "a"))
        && !_cues.Any(c => c is Cue.Period or Cue.Target or Cue.Submit or Cue.Act or Cue.Done or Cue.Already or Cue.Plan or Cue.Owe
            or Cue.Still or Cue.Who or Cue.Must or Cue.Undo or Cue.Mistake or Cue.Year or Cue.Reviewed or Cue.Return or Cue.Accept)
        && !Perfective && Enumerable.Range(0, _words.Count).Count(i => _cues[i] == Cue.None && !BotWords.Contains(_words[i].Folded)) <= 2 && !Any(DeedWords)
        && (Has(Cue.Able) || _words.Any(w => w.Folded is "hoi" or "dung" or "xem" or "tra"));

    // A number that opens a line (or follows a colon) and is closed by "." or ")": how a list counts its lines.
    private bool ListNumbering(int i)
    {
        var end = _words[i].End;
        if (end >= _text.Length || _text[end] is not ('.' or ')') || (end + 1 < _text.Length && !char.IsWhiteSpace(_text[end + 1])))
        {
            return false;
        }

        var before = _text[.._words[i].Start].TrimEnd(' ', '\t');
        return before.Length == 0 || before[^1] is '\n' or ':' or ';';
    }

    // "trạm y tế chưa xây dựng xong kế hoạch", "Phòng KT chưa nộp kế hoạch … vì …": a unit telling that its work is not done
    // yet; asked ("nộp chưa", "chưa nộp gì") or naming what is not done ("các việc chưa nộp") it would be a question, and
    // "quên chưa báo" forgot only the telling.
    private bool StatedNotYet() =>
        !Asked && Enumerable.Range(0, _words.Count).Any(i => _cues[i] == Cue.Negation && _words[i].Folded == "chua" && NextAction(i) >= 0
                                                            && !(Previous(i) is >= 0 and var before
                                                                 && (_cues[before] is Cue.TaskWord or Cue.Plural or Cue.Who or Cue.Question or Cue.Still
                                                                     || _words[before].Folded is "nhung" or "cac" or "ma" or "quen")));

    // "họp xong em báo", "xong em gửi": when it is done, the writer will report it; nothing is done yet.
    private bool ReportsAfter() =>
        Enumerable.Range(0, Math.Max(0, _words.Count - 2)).Any(k => _cues[k] == Cue.Done && _cues[k + 1] == Cue.Self && _cues[k + 2] == Cue.Submit
                                                                   && !(Previous(k) is >= 0 and var before && _cues[before] is Cue.Perfect or Cue.Already));

    // "đã nhận được kế hoạch rồi, cảm ơn", "hướng dẫn tổng kết phụ nữ nhận rồi nhé": what the writer received from the
    // office, acknowledged ("xác nhận", "tiếp nhận", "ghi nhận" are other words).
    private bool Received =>
        !Asked && Enumerable.Range(0, _words.Count).Any(i => (Mentions.Matches(_words, i, "nhan duoc") > 0 || ReceivedDone(i)) && !(Previous(i) is >= 0 and var before && _cues[before] == Cue.Negation))
        && (Has(Cue.Perfect) || Has(Cue.Already)) && !Submits;

    // "nhận rồi", "đã nhận hướng dẫn": received; unless something is said done with it ("… và triển khai xuống các chi đoàn";
    // "đang triển khai" is not yet).
    private bool ReceivedDone(int i) =>
        _words[i].Folded == "nhan" && _cues[i] == Cue.None && !(i > 0 && _words[i - 1].Folded is "xac" or "tiep" or "ghi" or "chung" or "cong")
        && ((i + 1 < _words.Count && _cues[i + 1] == Cue.Already) || Mentions.Matches(_words, i + 1, "huong dan") > 0)
        && !Enumerable.Range(i + 1, _words.Count - i - 1).Any(k => _cues[k] == Cue.Act && _words[k - 1].Folded != "dang");

    // Why something cannot be done yet, told, not asked: "chưa nộp được vì thiếu chữ ký".
    private bool Excuse => Cannot && !Asked && (NotYetAble || Any(ReasonWords)) && !Has(Cue.Undo) && !Has(Cue.Mistake);

    // Thanks said before what was done ("cảm ơn bot đã ghi nhận"), which is then the thing thanked for.
    private bool ThanksBeforeDeed()
    {
        for (var i = 0; i < _words.Count; i++)
        {
            if (ThanksWords.Any(p => Mentions.Matches(_words, i, p) > 0))
            {
                return Enumerable.Range(i + 1, _words.Count - i - 1).Any(k => _cues[k] is Cue.Submit or Cue.Perfect or Cue.Done or Cue.Act or Cue.Already);
            }
        }

        return false;
    }

    private Intent Decide()
    {
        var ranked = _scores
            .Where(s => s.Value >= Threshold)
            .OrderByDescending(s => s.Value)
            .ThenBy(s => Array.IndexOf(Priority, s.Key))
            .ToList();
        if (ranked.Count == 0)
        {
            return new Intent(Later ? IntentKind.Later : IntentKind.Unknown);
        }

        var best = ranked[0];
        var choices = ranked.Where(s => s.Value >= best.Value - Margin).Take(3).Select(s => s.Key).ToList();
        return Arguments(best.Key) with { Choices = choices.Count > 1 ? choices : [] };
    }

    private Intent Arguments(IntentKind kind)
    {
        switch (kind)
        {
            case IntentKind.Ask or IntentKind.Confirm or IntentKind.Undo:
                return new Intent(kind)
                {
                    Asked = Asked,
                    Question = Compose(kind),
                    BadArgument = kind == IntentKind.Ask ? _periods.FirstOrDefault(p => p.Bad is not null)?.Bad : null,
                };
            // "nhờ bot nhắc 3 trường hạn nộp … là 15/10": for those it names, the notice that follows.
            case IntentKind.Broadcast when _audience is var (from, to):
                // "3 trường", "mấy hội": how many there are is no part of the name.
                while (from < to && (_words[from].IsNumber || _words[from].Folded is "may" or "hai" or "ba" or "bon" or "nam" or "nhung"))
                {
                    from++;
                }

                var notice = to + 1 < _words.Count ? CommandArguments.Rest(_text, _words[to].End) : string.Empty;
                return new Intent(IntentKind.Broadcast)
                {
                    Group = from > to || Everyone(from, to) ? null : _text[_words[from].Start.._words[to].End],
                    Text = notice.Any(char.IsLetterOrDigit) ? char.ToUpperInvariant(notice[0]) + notice[1..] : null,
                };
            case IntentKind.Accept or IntentKind.Return or IntentKind.Invite or IntentKind.Broadcast:
                var read = CommandArguments.Read(kind, OfficeArguments(kind));
                return read with { Target = read.Target ?? _targets.FirstOrDefault() };
            default:
                return new Intent(kind);
        }
    }

    // "các đơn vị", "tất cả", "mọi người", "toàn bộ 16 đơn vị", "các cơ quan, đơn vị": every unit, not one group.
    private bool Everyone(int from, int to)
    {
        var said = string.Join(' ', _words.Skip(from).Take(to - from + 1).Where(w => !w.IsNumber && !AudienceCounts.Contains(w.Folded)).Select(w => w.Folded));
        return said is "" or "nguoi" or "don vi" or "co quan" or "co quan don vi" or "don vi co quan" or "don vi tren dia ban" or "co quan don vi tren dia ban";
    }

    // What follows the office's verb, without "hồ sơ của": "tiếp nhận hồ sơ của Trạm Y tế 2" → "Trạm Y tế 2".
    private string OfficeArguments(IntentKind kind)
    {
        var cue = kind switch
        {
            IntentKind.Accept => Cue.Accept,
            IntentKind.Return => Cue.Return,
            IntentKind.Invite => Cue.Invite,
            _ => Cue.Broadcast,
        };
        var at = Array.IndexOf(_cues, cue);
        if (at < 0)
        {
            at = InviteWord();
        }

        while (at + 1 < _words.Count && _cues[at + 1] == cue)
        {
            at++;
        }

        var skip = at + 1;
        foreach (var lead in (string[])["ho so", "bao cao cua", "cua", "cho", "den", "toi"])
        {
            skip += Mentions.Matches(_words, skip, lead);
        }

        return skip < _words.Count ? _text[_words[skip].Start..] : CommandArguments.Rest(_text, _words[at].End);
    }

    // "nhờ bot nhắc …", "bot ơi nhắc giúp …", "đề nghị nhắc …": the words that put a request to the bot before its verb.
    private static readonly HashSet<string> RequestWords = new(StringComparer.Ordinal) { "nho", "hay", "de", "nghi", "giup", "gium", "dum", "ad", "bot", "oi" };

    // What names those a notice is for: "các", "tất cả", "3 trường", "mấy hội", "tyt", "trường TH", "hội phụ nữ".
    private static readonly HashSet<string> AudienceCounts = new(StringComparer.Ordinal) { "cac", "tat", "ca", "toan", "bo", "khoi", "moi", "nhung", "may", "hai", "ba", "bon", "nam" };

    private static readonly HashSet<string> AudienceHeads = new(StringComparer.Ordinal)
    {
        "don", "vi", "co", "quan", "nguoi", "truong", "hoi", "doan", "the", "to", "chuc", "tram", "tyt", "cong", "an", "ban", "bchqs", "mat", "tran",
        "mttq", "xa", "ubnd", "uy", "ccb", "nganh",
    };

    private static readonly HashSet<string> AudienceNames = new(StringComparer.Ordinal)
    {
        "y", "te", "mn", "th", "thcs", "mam", "non", "tieu", "hoc", "hoa", "tham", "nong", "dan", "nd", "phu", "nu", "pn", "lhpn", "cuu", "chien", "binh",
        "thanh", "nien", "kinh", "kt", "vh", "xh", "vhxh", "chi", "huy", "su", "giao", "duc", "lien", "hiep", "chinh", "tri", "hdnd", "nhan",
    };

    // The verbs of a notice asked for: "nhắc", "nhắn", "soạn tin", "soạn thông báo", "gửi thông báo", "thông báo", "gửi".
    private static readonly string[] NoticeVerbs =
    [
        "soan thong bao", "soan tin", "soan giup thong bao", "soan gium thong bao", "soan ho thong bao", "soan giup tin", "soan ho tin",
        "soan giup cai thong bao", "soan cai thong bao", "soan giup mot thong bao", "soan mot thong bao",
        "gui thong bao", "gui tin", "thong bao", "gui nhac", "nhac", "nhan", "gui",
    ];

    // What is sent, when a help word comes between it and "gửi".
    private static readonly string[] NoticeObjects = ["thong bao", "tin nhan", "tin"];

    // Between the verb and whom it is for: "nhắc giúp chị …", "soạn tin gửi tất cả …", "nhắn tới các trường …".
    private static readonly HashSet<string> NoticeLinks = new(StringComparer.Ordinal)
    {
        "giup", "gium", "ho", "dum", "lai", "voi", "nho", "gui", "cho", "toi", "den", "chi", "anh", "c", "a", "vao", "nhom",
    };

    // "Nhắc các đơn vị …", "nhờ bot nhắc 3 trường …", "nhắc giúp tyt …", "Nhắn các đơn vị khối đoàn thể: …", "Soạn tin gửi tất cả
    // các đơn vị: …": the office asking the bot to tell the units it names something. The verb's place and the names' first
    // and last word (none, first after last, for everyone), or null when the message is no such request.
    private (int Remind, int From, int To)? Reminder()
    {
        // "nhờ bot nhắc", "giúp mình soạn thông báo": the one asked, or for whom, after the request word.
        var remind = Next(-1);
        var asking = false;
        while (remind < _words.Count - 1 && (RequestWords.Contains(_words[remind].Folded) || (asking && _cues[remind] == Cue.Self)))
        {
            asking = true;
            remind = Next(remind);
        }

        // "Phòng VHXH thông báo: …", "UBND xã thông báo: …": who sends it, then the notice, for everyone.
        var heading = Enumerable.Range(1, Math.Max(0, Math.Min(7, _words.Count - 3))).FirstOrDefault(k => Mentions.Matches(_words, k, "thong bao") == 2 && EndsWithColon(k + 1), -1);
        if (remind == 0 && heading > 0 && _words[0].Folded is "phong" or "vp" or "van" or "ubnd" or "uy")
        {
            remind = heading;
        }

        var verb = remind < _words.Count - 1 ? NoticeVerbs.FirstOrDefault(v => Mentions.Matches(_words, remind, v) > 0) : null;
        // "nhận" written with its marks is receiving, not "nhắn".
        if (verb is null || (verb == "nhan" && _text[_words[remind].Start.._words[remind].End].Equals("nhận", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var from = remind + Mentions.Matches(_words, remind, verb);
        // "gửi nhắc các đơn vị …": a reminder sent.
        verb = verb == "gui nhac" ? "nhac" : verb;
        // "gửi giúp thông báo tới …", "gửi hộ tin tới …": the word for the help may come inside the verb.
        if (verb == "gui" && from < _words.Count && NoticeLinks.Contains(_words[from].Folded)
            && NoticeObjects.Select(o => Mentions.Matches(_words, from + 1, o)).FirstOrDefault(n => n > 0) is > 0 and var said)
        {
            verb = "gui thong bao";
            from += 1 + said;
        }

        while (from < _words.Count && !EndsWithColon(from - 1) && NoticeLinks.Contains(_words[from].Folded))
        {
            from++;
        }

        // "soạn giúp thông báo nhắc 3 trường gửi …": a notice drafted to remind those it names.
        if (verb.StartsWith("soan", StringComparison.Ordinal) && from < _words.Count - 1 && _words[from].Folded == "nhac" && !EndsWithColon(from - 1))
        {
            verb = "nhac";
            from++;
        }

        // "Gửi thông báo: …", "Nhắc các trường: …", "Gửi trường THCS: …": whom, up to a colon; what follows is the notice.
        // Two units named in full ("Hội Nông dân xã và Hội Cựu chiến binh xã") run to ten words.
        var colon = Enumerable.Range(from - 1, Math.Min(14, _words.Count - from + 1)).FirstOrDefault(EndsWithColon, -2);
        if (colon == from - 1 && verb != "gui")
        {
            return (remind, from, colon);
        }

        if (colon >= from && Enumerable.Range(from, colon - from + 1).Any(k => AudienceHeads.Contains(_words[k].Folded))
            && Enumerable.Range(from, colon - from + 1).All(k => _cues[k] is not (Cue.Submit or Cue.Done or Cue.Target or Cue.Question))
            && (verb != "gui" || AudienceCounts.Contains(_words[from].Folded) || _words[from].IsNumber || _words[from].Folded == "truong"))
        {
            return (remind, from, colon);
        }

        // "thong bao cac truong gui d2 truoc 15/10": a notice to the bodies named first, without a colon; "muốn gửi thông báo
        // cho tất cả đơn vị thì làm thế nào" asks how.
        if (verb is not ("nhac" or "nhan") && !(verb is "thong bao" or "gui thong bao" && remind == Next(-1)
                                                 && !_cues.Any(c => c is Cue.HowTo or Cue.Manner or Cue.Question or Cue.Able)))
        {
            return null;
        }

        var to = from;
        while (to < _words.Count && (AudienceCounts.Contains(_words[to].Folded) || _words[to].IsNumber) && to - from < 3)
        {
            to++;
        }

        // Whom it names comes first: a body or the word for one ("em", "mình" would be the writer, not a unit).
        if (to >= _words.Count || !AudienceHeads.Contains(_words[to].Folded) || (to > from && EndsClause(to - 1)))
        {
            return verb == "nhac" && to > from && Mentions.Matches(_words, from, "moi nguoi") + Mentions.Matches(_words, from, "tat ca") > 0 ? (remind, from, to - 1) : null;
        }

        while (to + 1 < _words.Count && !EndsClause(to) && (AudienceHeads.Contains(_words[to + 1].Folded) || AudienceNames.Contains(_words[to + 1].Folded)))
        {
            to++;
        }

        return (remind, from, to);
    }

    // Where "mời" opens the message (after fillers), or -1.
    private int InviteWord()
    {
        // "mới nộp xong" is "just submitted".
        var first = Next(-1);
        return first < _words.Count - 1 && _words[first].Folded == "moi" && NextAction(first) < 0 ? first : -1;
    }

    // The first action word (nộp, xong, làm) within three words after at, or -1.
    private int NextAction(int at)
    {
        for (var k = at + 1; k <= at + 3 && k < _words.Count; k++)
        {
            if (_cues[k] is Cue.Submit or Cue.Done or Cue.Act || DeedWords.Any(p => Mentions.Matches(_words, k, p) > 0))
            {
                return k;
            }
        }

        return -1;
    }

    // An action word later in the clause, with only what it acts on (no question, negation or another period) between.
    private bool ActionLaterInClause(int at)
    {
        for (var k = at + 1; k < _words.Count; k++)
        {
            if (_cues[k] is Cue.Submit or Cue.Done)
            {
                return true;
            }

            if (_cues[k] is Cue.Negation or Cue.Question or Cue.Who or Cue.Soon or Cue.Must || EndsClause(k))
            {
                return false;
            }
        }

        return false;
    }

    private int Previous(int at)
    {
        var i = at - 1;
        while (i >= 0 && _cues[i] == Cue.Filler)
        {
            i--;
        }

        return i;
    }

    private int Next(int at)
    {
        var i = at + 1;
        while (i < _words.Count - 1 && _cues[i] == Cue.Filler)
        {
            i++;
        }

        return i;
    }

    private bool Has(Cue cue) => Array.IndexOf(_cues, cue) >= 0;

    // "mai em nộp", "tuần sau gửi", "nhắc trường TH nộp": still to come, or asked of someone else; but "mai hết hạn nv 9, em
    // nộp rồi" says when the deadline is, and "bot nhắc hoài vụ …" speaks of the bot's reminders.
    private bool Future(int i) =>
        FutureWords.FirstOrDefault(p => Mentions.Matches(_words, i, p) > 0) is { } said && !(said == "mai" && DeadlineAfter(i)) && !Reason(i)
        && !(said == "nhac" && ((i > 0 && _words[i - 1].Folded is "bot" or "cu" or "van") || _words.Skip(i + 1).Take(4).Any(w => w.Folded is "hoai" or "mai" or "lien")));

    // "gửi kh năm học r, nhắn nhanh vì đang đón trẻ": why the writer writes as they do, in a clause of its own after the report
    // and naming no deed, says nothing of the deed.
    private bool Reason(int i)
    {
        var start = i;
        while (start > 0 && !EndsClause(start - 1))
        {
            start--;
        }

        // "vì", "bởi vì", "tại vì", not the "vị" of "đơn vị".
        var opens = Enumerable.Range(start, i - start).FirstOrDefault(k => _words[k].Folded == "vi" && !(k > 0 && _words[k - 1].Folded == "don"), -1);
        var end = i;
        while (end + 1 < _words.Count && !EndsClause(end))
        {
            end++;
        }

        return start > 0 && opens >= 0 && Enumerable.Range(0, start).Any(k => _cues[k] == Cue.Already)
               && !Enumerable.Range(opens, end - opens + 1).Any(k => _cues[k] is Cue.Submit or Cue.Act or Cue.Done or Cue.Target);
    }

    // "bên hội nd nói họ gửi rồi", "hội nd nói là nộp rồi", "họ bảo đã nộp": what another unit says it did is their word, not
    // a report ("trạm nộp rồi, họ nói đã nhận" is the writer's, with what the office said after it).
    private bool TheirWord(int i)
    {
        if (!(_words[i].Folded == "noi" || string.Equals(_text[_words[i].Start.._words[i].End], "bảo", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var theirs = (Mentions.Matches(_words, i + 1, "ho") == 1 && Mentions.Matches(_words, i + 2, "so") == 0) || Mentions.Matches(_words, i + 1, "la ho") == 2
                     || (i > 0 && _words[i - 1].Folded == "ho")
                     // "hội nd nói là …", where "em nói là đã nộp rồi mà" is the writer's own.
                     || (i > 0 && Mentions.Matches(_words, i + 1, "la") == 1 && _words[i - 1].Folded is not ("em" or "e" or "toi" or "minh" or "anh" or "chi" or "a" or "c" or "da" or "vua" or "cung" or "co" or "thi" or "ma" or "roi"));
        var deed = i + 1;
        while (deed < _words.Count && _cues[deed] is not (Cue.Submit or Cue.Done) && !EndsClause(deed - 1))
        {
            deed++;
        }

        return theirs && deed < _words.Count && _cues[deed] is Cue.Submit or Cue.Done && !EndsClause(deed - 1);
    }

    // "vài hôm nữa", "dăm bữa nữa", "ít ngày nữa": a few days ahead ("mấy hôm nữa" may ask how many).
    private bool FewDaysAhead(int i) =>
        _words[i].Folded is "vai" or "dam" or "it" && i + 2 < _words.Count && _words[i + 1].Folded is "hom" or "ngay" or "bua" && _words[i + 2].Folded == "nua";

    // "họp xong rồi chiều em gửi kế hoạch", "tối mình nộp nốt", "chieu moi gui d1": a later part of the day, then who and the
    // deed, with nothing after it saying done ("chiều qua em gửi", "chiều em gửi rồi" are done).
    private bool PartOfDayAhead(int i)
    {
        var said = _text[_words[i].Start.._words[i].End].ToLowerInvariant();
        if (said is not ("chiều" or "tối" or "trưa" or "chieu" or "trua"))
        {
            return false;
        }

        var deed = i + 1 < _words.Count && _words[i + 1].Folded is "e" or "em" or "minh" or "anh" or "chi" or "toi" or "tui" or "t" ? i + 2 : i + 1;
        // "chiều mới gửi": not until then.
        deed += deed < _words.Count && _words[deed].Folded == "moi" ? 1 : 0;
        if (deed >= _words.Count || _cues[deed] != Cue.Submit)
        {
            return false;
        }

        for (var k = deed; k < _words.Count; k++)
        {
            if (_cues[k] is Cue.Already or Cue.Perfect or Cue.Done)
            {
                return false;
            }

            if (EndsClause(k))
            {
                break;
            }
        }

        return true;
    }

    // "thứ 6 này", "thứ sáu tuần này", "chủ nhật này": a day of this week, which a plan without "đã" or "rồi" looks ahead to.
    private bool WeekdayAhead(int i)
    {
        var day = _words[i].Folded == "thu" && i + 1 < _words.Count && (_words[i + 1].Number is >= 2 and <= 7 || _words[i + 1].Folded is "hai" or "ba" or "tu" or "nam" or "sau" or "bay")
            ? i + 2
            : Mentions.Matches(_words, i, "chu nhat") == 2 ? i + 2 : -1;
        return day > 0 && (Mentions.Matches(_words, day, "nay") == 1 || Mentions.Matches(_words, day, "tuan nay") == 2);
    }

    // "mai hết hạn", "ngày mai là hạn chót": the deadline is tomorrow.
    private bool DeadlineAfter(int i) =>
        (Next(i) is var after && after < _words.Count && _words[after].Folded == "la" ? Next(after) : after) is var at && at < _words.Count
        && (_cues[at] == Cue.DeadlineWord || (_cues[at] == Cue.Soon && _words[at].Folded is "han" or "het"));

    // "nộp rồi hả", "xong rồi à", "gửi rồi nhỉ": a particle that makes the sentence a question. "à" is told from the
    // polite "ạ" by its mark, so only as written with it, or before a question mark.
    private bool EndsWithQuestionParticle()
    {
        // The particle may stand before whom it is said to: "nộp rồi hả em".
        for (var i = _words.Count - 1; i >= 0 && i >= _words.Count - 3; i--)
        {
            if (_text[_words[i].Start.._words[i].End].ToLowerInvariant() is "hả" or "hở" or "à" or "nhỉ" or "hỉ" or "chứ" or "ha" or "nhi" or "ta")
            {
                return true;
            }

            // "d1 tyt nop roi chu": "chứ" typed without its mark, after "rồi", asks to be told it is so.
            if (_words[i].Folded == "chu" && i > 0 && _words[i - 1].Folded is "roi" or "r")
            {
                return true;
            }

            // "d1 nop r ak": "ak" after an item named first and said done, with no "đã", asks whether it is ("đoàn tn gửi kh
            // rồi ak", with who did it first, is the polite "ạ").
            if (_words[i].Folded == "ak" && i == _words.Count - 1 && i > 1 && _words[i - 1].Folded is "roi" or "r"
                && Mentions.TargetAt(_words, Next(-1)) is not null && !Has(Cue.Perfect))
            {
                return true;
            }

            // "D2 nộp rồi a?": typed without its mark, "à" is told by the question mark after it.
            if (_words[i].Folded == "a" && _text.AsSpan(_words[i].End).TrimStart(' ').StartsWith("?"))
            {
                return true;
            }

            if (_cues[i] is not (Cue.Filler or Cue.Self))
            {
                return false;
            }
        }

        return false;
    }

    // "nv9 là hội nghị sơ kết 6 tháng hả, trường tổ chức riêng hay …": a particle that only asks, ending a clause, makes it a
    // question.
    private bool ClauseAsks() =>
        Enumerable.Range(0, _words.Count).Any(i => (Said(i, "hả") || Said(i, "hở") || Said(i, "nhỉ")) && (i + 1 == _words.Count || _words[i + 1].Paused));

    // Whether words[i] is written so, with its marks ("hỏi", not "hội").
    private bool Said(int i, string written) => string.Equals(_text[_words[i].Start.._words[i].End], written, StringComparison.OrdinalIgnoreCase);

    // "D1 còn kịp ko ạ trường em chưa gửi": "không ạ" closes a question even when no mark follows.
    // "xong chưa nhỉ e quên mất", "nộp D2 chưa vậy c, thầy hỏi": "chưa" with a particle that only asks ("nhỉ", "vậy", "hả") is
    // a question, whatever follows it ("chưa thể", "không thể" are "cannot", so "thế" is left out).
    private bool PoliteQuestionEnd(int i) =>
        i + 1 < _words.Count && ((_words[i].Folded is "khong" or "ko" or "k" && _words[i + 1].Folded is "a" or "ah")
                                 || (_words[i].Folded is "chua" or "khong" or "ko" && _words[i + 1].Folded is "nhi" or "vay" or "ha" or "z"));

    // "nộp D1 chưa em", "xong chưa chị ạ", "gửi chưa nhỉ, quên mất": only whom it is said to, particles, or a request to look
    // follow the negation before the sentence ends.
    private bool OnlyAddressAfter(int i)
    {
        // "nộp kh chưa nhỉ, a ko nhớ": the particles stop where the clause does.
        var k = i + 1;
        while (k < _words.Count && !EndsClause(k - 1) && (_cues[k] is Cue.Filler or Cue.Self || LookWords.Contains(_words[k].Folded) || AddressWords.Contains(_words[k].Folded)))
        {
            k++;
        }

        return k == _words.Count || EndsClause(k - 1);
    }

    // "xong D2 chưa b", "nộp chưa bot", "chưa ad": whom it is asked of, typed short.
    private static readonly HashSet<string> AddressWords = new(StringComparer.Ordinal) { "b", "ban", "bot", "ad", "admin" };

    // "xong chưa bot coi giùm", "nộp chưa xem giúp em": asked to look, after the question.
    private static readonly HashSet<string> LookWords = new(StringComparer.Ordinal) { "coi", "xem", "check", "kiem", "tra" };

    // "những việc đã được duyệt của trường mình", "danh sách nhiệm vụ còn nợ": a list named is a list asked for ("các
    // nhiệm vụ 1, 2 đã xong" names its items, and reports them).
    // "mầm non đã làm những gì rồi", "hội đã xong những việc gì": what has been done, asked.
    private bool DoneAsked() =>
        Has(Cue.Perfect) && (Has(Cue.Act) || Has(Cue.Done)) && _targets.Count == 0 && !Has(Cue.HowTo) && !Has(Cue.Manner)
        && Enumerable.Range(0, _words.Count).Any(i => _words[i].Folded == "gi" || (_words[i].Folded == "nao" && i > 0 && _words[i - 1].Folded is "viec" or "cai" or "muc" or "vu"));

    private bool ListAsked()
    {
        var first = Enumerable.Range(0, Math.Min(3, _words.Count)).FirstOrDefault(k => _words[k].Folded is "nhung" or "cac" or "danh", -1);
        return first >= 0 && _targets.Count == 0 && Enumerable.Range(first + 1, 2).Any(k => k < _words.Count && _cues[k] == Cue.TaskWord);
    }

    // Whether punctuation follows words[i]: "nộp D1 chưa, thấy im quá".
    // "báo cáo ban Hội Nông dân đã gửi…", "báo cáo chị, …": who reports follows the verb.
    private static readonly HashSet<string> ReporterWords = new(StringComparer.Ordinal)
    {
        "ban", "hoi", "truong", "phong", "tram", "cong", "uy", "doan", "mat", "van", "em", "toi", "chi", "anh", "co",
    };

    // "số liệu của mấy đoàn thể": "mấy" after whose counts some units; it does not ask how many.
    private bool SomeOfWhose(int i) => _words[i].Folded == "may" && i > 0 && _words[i - 1].Folded is "cua" or "cho" or "voi";

    private bool EndsWithColon(int i) => _text.AsSpan(_words[i].End).TrimStart(' ') is [':', ..];

    // "đầu quý 2 rồi, …", "cuối năm rồi, …", "năm nay sắp hết, …": a first clause that only says what time it is now sets
    // the scene; the question after it is not about that period. A day or a date ("30/1 hết hạn rồi") names a deadline
    // and stays.
    private void NowClause()
    {
        var end = Enumerable.Range(0, _words.Count).Where(EndsClause).DefaultIfEmpty(-1).First();
        var now = _periods.Where(p => p.Last <= end).ToList();
        bool InPeriod(int k) => now.Any(p => p.First <= k && k <= p.Last);
        if (end < 0 || end + 1 >= _words.Count || now.Count == 0 || now.Any(p => p.Kind is PeriodKind.Day or PeriodKind.Date)
            || !Enumerable.Range(0, end + 1).All(k => InPeriod(k) || NowWords.Contains(_words[k].Folded))
            || !Enumerable.Range(0, end + 1).Any(k => !InPeriod(k) && _words[k].Folded is "roi" or "het"))
        {
            return;
        }

        // "hết tháng này rồi, …", "Q1 hết rồi, cái nào quá hạn": a month or a quarter said to be over is what the question
        // after it looks back on.
        if (now.All(p => p.Kind is PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Half)
            && Enumerable.Range(0, end + 1).Any(k => !InPeriod(k) && _words[k].Folded == "het"))
        {
            return;
        }

        _periods.RemoveAll(now.Contains);
        Claim(0, end, Cue.Filler);
    }

    // "… mà cho e hỏi", "xin hỏi": the writer turns to a question.
    private bool AsksHere(int k) =>
        _words[k].Folded == "hoi" && (_words[k - 1].Folded is "cho" or "xin" || _words[k - 2].Folded == "cho");

    // "hôm nay 20/11 chúc các thầy cô …, cho e hỏi …", "nhân dịp năm mới chúc …": the days right before a wish are its
    // occasion, not the period a question after it asks about.
    private void WishOccasion()
    {
        for (var wish = 1; wish < _words.Count; wish++)
        {
            if (_words[wish].Folded != "chuc" || Mentions.Matches(_words, wish, "chuc nang") > 0)
            {
                continue;
            }

            var first = wish;
            while (first > 0 && !EndsClause(first - 1))
            {
                if (_periods.FirstOrDefault(p => p.Last == first - 1) is { } before)
                {
                    first = before.First;
                }
                else if (_words[first - 1].Folded is "la" or "ngay" or "dip" or "nhan")
                {
                    first--;
                }
                else
                {
                    break;
                }
            }

            var occasion = _periods.Where(p => p.First >= first && p.Last < wish).ToList();
            if (occasion.Count > 0 && (first == 0 || EndsClause(first - 1)))
            {
                _periods.RemoveAll(occasion.Contains);
                Claim(first, wish - 1, Cue.Filler);
            }
        }
    }

    private static readonly HashSet<string> NowWords = new(StringComparer.Ordinal) { "roi", "sap", "het", "da", "gio", "bay", "la", "vay", "the", "ma", "cung", "nhanh", "qua", "dau", "cuoi", "giua", "nam", "thang", "quy", "tuan", "nay" };

    // "nhờ bạn liệt kê …", "nhờ em xem giúp …": what is asked for is a look, not a deed done for the writer; "nhờ phòng xem
    // giúp hồ sơ có đủ ko" asks the office to look at what was handed in.
    private bool AsksToLook(int at) =>
        _words[at].Folded == "nho" && !(at + 1 < _words.Count && _words[at + 1].Folded == "phong") && Enumerable.Range(at + 1, Math.Max(0, Math.Min(3, _words.Count - at - 1)))
            .Any(k => LookWords.Contains(_words[k].Folded) || ListingWords.Any(p => Mentions.Matches(_words, k, p) > 0));

    // "khoan", "sửa lại", and "… mới D1 thôi", "chỉ có 16 thôi": the writer puts right what was said before.
    // "à nhớ rồi, …", "nhớ ra rồi": the writer has remembered, no reminder to do something.
    private bool Remembered(int at) => _words[at].Folded == "nho" && at + 1 < _words.Count && _words[at + 1].Folded is "roi" or "ra";

    private bool Correcting => Any(CorrectingWords) || Enumerable.Range(0, _words.Count).Any(OnlySoFar);

    // A clause that ends "thôi" after "mới" or "chỉ": only this much is done.
    private bool OnlySoFar(int last)
    {
        if (_words[last].Folded != "thoi" || !(last == _words.Count - 1 || EndsClause(last)))
        {
            return false;
        }

        for (var k = last - 1; k >= 0 && !EndsClause(k); k--)
        {
            if (_words[k].Folded is "moi" or "chi")
            {
                return true;
            }
        }

        return false;
    }

    private bool EndsClause(int i) =>
        _text.AsSpan(_words[i].End).TrimStart(' ') is [',' or '.' or '?' or '!' or ';' or '\n', ..];

    // The words before "thông báo" that ask the bot to draft it ("soạn giúp tôi", "viết hộ chị", "thảo"), from the first
    // word on; else 0.
    private int DraftOpening()
    {
        var i = Next(-1);
        if (i < 0 || i >= _words.Count || _words[i].Folded is not ("soan" or "viet" or "thao"))
        {
            return 0;
        }

        i++;
        if (i < _words.Count && _words[i].Folded is "giup" or "gium" or "ho" or "dum")
        {
            i++;
        }

        if (i + 1 < _words.Count && _words[i].Folded == "cho")
        {
            i++;
        }

        if (i < _words.Count && _words[i].Folded is "toi" or "em" or "minh" or "chi" or "anh" or "phong")
        {
            i++;
        }

        return Mentions.Matches(_words, i, "thong bao") > 0 ? i : 0;
    }

    // "… với làm xong", "… và nộp": a verb joined on, within three words, to what an item already named did.
    private bool JoinedOn(int verb) =>
        Enumerable.Range(Math.Max(0, verb - 3), verb - Math.Max(0, verb - 3)).FirstOrDefault(k => _words[k].Folded is "voi" or "va", -1) is >= 1 and var join
        && _cues[join - 1] == Cue.Target;

    // Where "tổng kết" or "sơ kết" starts within six words of a clause from "at" on, or -1.
    private int Reviewing(int at)
    {
        for (var k = at; k < Math.Min(at + 6, _words.Count - 1); k++)
        {
            if (_words[k].Folded is "tong" or "so" && _words[k + 1].Folded == "ket")
            {
                return k;
            }

            if (EndsClause(k))
            {
                break;
            }
        }

        return -1;
    }

    private void Claim(int first, int last, Cue cue)
    {
        for (var k = first; k <= last; k++)
        {
            _cues[k] = cue;
        }
    }

    private void Lookup(double score) => _lookup = Math.Max(_lookup, score);

    private void Raise(IntentKind kind, double score) => _scores[kind] = Math.Max(_scores.GetValueOrDefault(kind, double.MinValue), score);
}
