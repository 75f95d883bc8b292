using System.Globalization;
using System.Text;

namespace TdktBot.Core.Conversations;

// The parts of a question, or of what a report or an undo is about: whose items, which, when, in what state, and
// what the writer wants to know of them. Read from the cues Tag and Observe left.
internal sealed partial class FreeTextReader
{
    // "quá hạn", "trễ hạn": past the due date and not done.
    private static readonly string[] OverdueWords =
        ["qua han", "tre han", "bi tre", "tre", "da het han", "het han ma", "den han ma chua", "cham nop", "nop cham", "no dong"];

    // "còn kịp không": whether there is still time, which the days left tell.
    private static readonly string[] DaysLeftWords = ["may ngay", "bao nhieu ngay", "con bao lau", "bao lau nua", "dem nguoc", "con kip", "kip khong", "kip ko", "kip k", "co kip"];

    private static readonly string[] DateAsked = ["khi nao", "bao gio", "luc nao", "ngay nao", "hom nao", "ngay may", "tu bao gio", "ngay bao nhieu", "mung may", "thang may", "thang nao"];

    private static readonly string[] WhenWords = [.. DateAsked, "thoi han", "han chot", "han cuoi", "deadline"];

    // "mục 12 với mục 13 khác nhau chỗ nào": what each is, side by side.
    private static readonly string[] WhatWords = ["la gi", "la cai gi", "noi dung", "yeu cau gi", "cu the", "gom nhung gi", "la viec gi", "nghia la", "khac nhau", "khac gi", "noi ve"];

    private static readonly string[] EveryUnitWords =
        ["cac don vi", "nhung don vi", "cac co quan don vi", "cac co quan", "tat ca don vi", "tat ca cac don vi", "toan xa", "moi don vi", "cac noi"];

    private static readonly string[] AcceptedWords = ["duoc duyet", "da duyet", "duoc tiep nhan", "da tiep nhan", "duoc chap nhan", "nhan duoc"];

    private static readonly string[] ReturnedWords = ["bi tra lai", "bi tra ve"];

    // Things to come: "mai em nộp", "tuần sau mới gửi", "sắp xong", "đang làm", "chiều nay", "lên lịch".
    private static readonly string[] FutureWords =
    [
        "se", "sap", "chuan bi", "dang", "du dinh", "dinh se", "mai", "tuan sau", "tuan toi",
        "thang sau", "thang toi", "chac", "lat nua", "ti nua", "khi nao xong",
        "mot the", "de sau", "nhac", "du kien", "dang trinh", "cho ky", "doi e", "doi em", "doi minh", "doi chut", "doi ti",

        // "mới lên lịch ngày 15/7", "đã lên kế hoạch tổ chức hội nghị": set for a day to come, not held.
        "len lich", "xep lich", "dat lich", "len ke hoach to chuc", "len ke hoach hop", "len ke hoach tham du",
    ];

    // Times later today or of this week or month: to come, unless the deed is said done ("đã gửi chiều nay"). By the time
    // one writes, "sáng nay" is mostly gone: "bản giấy chị mang lên sáng nay".
    private static readonly string[] LaterTodayWords = ["chieu nay", "toi nay", "cuoi thang", "cuoi tuan"];

    // It did not go: "báo lỗi", "không đi được", "bị trả về"; or only a draft went ("bản nháp để xin ý kiến").
    private static readonly string[] FailWords =
        ["loi", "bi loi", "khong di", "chua di", "khong gui duoc", "khong nop duoc", "chua duoc", "ban nhap", "du thao", "chua phai ban chinh",
         "dung danh dau", "dung ghi nhan", "dung xac nhan", "dung tick",

         // Only part went, the rest to follow: "mới gửi được một phần", "mai gửi nốt", "lúc đó báo sau".
         "mot phan", "gui not", "nop not", "bao sau"];

    // "gửi mà mail báo lỗi", "không đi được": it did not go. "xin lỗi" is an apology, not an error.
    private bool Failed() =>
        Enumerable.Range(0, _words.Count).Any(i => FailWords.Any(p => Mentions.Matches(_words, i, p) > 0) && !(_words[i].Folded == "loi" && i > 0 && _words[i - 1].Folded == "xin"));

    // A question without a question mark: "xong hay chưa", "có phải … không".
    private static readonly string[] CheckWords = ["dung khong", "phai khong", "co phai", "dung chua"];

    private static readonly string[] AskingWords = ["hay chua", "hay khong", "co phai", "phai khong", "dung khong", "chua ta"];

    // "xin danh sách những việc đã nộp": a list asked for.
    private static readonly string[] ListWords = ["xin danh sach", "cho danh sach", "cho xin danh sach"];

    private static readonly string[] EveryWords = ["ca hai", "ca 2", "tat ca", "het", "toan bo", "ca"];

    private static readonly string[] LatestWords = ["vua", "vua roi", "vua nay", "luc nay", "ban nay", "moi bao", "moi nop", "moi gui"];

    private static readonly string[] OneWords = ["1 cai", "mot cai", "1 muc", "mot muc", "1 viec", "mot viec", "1 trong", "mot trong"];

    // "yêu cầu các đơn vị làm gì", "đôn đốc các đơn vị": whom an item directs, not whom the question is about.
    private static readonly HashSet<string> Directing = new(StringComparer.Ordinal) { "yeu cau", "don doc", "chi dao", "huong dan" };

    // Words after which "các đơn vị" are whom something goes to, not whom the question is about.
    private static readonly HashSet<string> Towards = new(StringComparer.Ordinal) { "cho", "toi", "den", "ve", "gui", "nop", "xuong" };

    private Question Compose(IntentKind kind)
    {
        var numbers = kind == IntentKind.Undo
            ? NotDoneTargets() is { Count: > 0 } notDone ? [.. _targets.Intersect(notDone.Union(UndoneTargets(), StringComparer.Ordinal), StringComparer.Ordinal)] : _targets.Except(KeptTargets(), StringComparer.Ordinal).ToList()
            : kind == IntentKind.Confirm && Topical() is { } said ? said : _targets.ToList();
        var (itemWords, periodInWords) = ItemWords(kind);
        // "chắc thứ 2 tuần sau mới gửi được. Hạn cuối là ngày nào?": when the writer will do it is not what is asked about.
        var asked = _periods.Where(p => !(p.Last + 1 < _words.Count && _words[p.Last + 1].Folded == "moi")).ToList();
        // "Mai hết quý 1 rồi, quý này văn phòng còn thiếu gì", "hôm nay sang quý 2 rồi, quý này …": a first clause that says
        // where the calendar stands sets the scene; a period named after it is the one asked about.
        if (SceneEnd() is { } scene && asked.Any(p => p.First > scene && p.Named))
        {
            asked = asked.Where(p => p.First > scene).ToList();
        }
        // "Nghỉ lễ 30/4 xong rồi, từ giờ đến cuối tháng 6 …": a stretch said from or to today is the one asked about ("từ
        // tháng 6 tới hết tháng 8" runs from June).
        var period = asked.Where(p => p.Named).OrderByDescending(p => p.Kind != PeriodKind.Year).ThenByDescending(p => (p.FromToday && _words[p.First].Folded == "tu") || p.ToToday).FirstOrDefault()
                     ?? asked.FirstOrDefault(p => p.Kind is PeriodKind.Quarter or PeriodKind.Month or PeriodKind.Week);
        if (period is null && kind == IntentKind.Ask && numbers.Count == 0 && itemWords is null && (Has(Cue.Soon) || (Has(Cue.DeadlineWord) && Asked)))
        {
            // "deadline gần nhất", "hạn kế tiếp là bao giờ": what comes next.
            period = new Period(PeriodKind.Ahead, 0, 0) { Days = PeriodMention.SoonDays };
        }

        var ask = kind == IntentKind.Ask;
        var form = ask ? FormOf(false) : AnswerForm.List;
        var itemForm = ask ? FormOf(true) : AnswerForm.List;
        return new Question
        {
            Who = Has(Cue.Who) || EveryUnit() ? WhoKind.All : WhoKind.Self,
            Mine = Has(Cue.Self),
            Numbers = numbers,
            Kept = kind == IntentKind.Undo ? [.. KeptTargets().Intersect(_targets, StringComparer.Ordinal)] : [],
            ItemWords = itemWords,
            Every = Any(EveryWords),
            Latest = Any(LatestWords),
            Ordinal = _ordinal,
            One = Any(OneWords),
            Period = ask ? Through(period, asked) : null,
            ReportPeriod = kind == IntentKind.Confirm ? period?.ToMention() : null,
            PeriodNamesItem = periodInWords,
            Status = ask ? StatusOf(form, false) : StatusFilter.All,
            Form = form,
            ItemStatus = ask ? StatusOf(itemForm, true) : StatusFilter.All,
            ItemForm = itemForm,
            Wordless = numbers.Count == 0 && !_cues.Any(c => c is Cue.Submit or Cue.Done or Cue.Owe or Cue.Still or Cue.Must or Cue.DeadlineWord
                or Cue.Target or Cue.TaskWord or Cue.Plan or Cue.Soon or Cue.Accept or Cue.Return or Cue.Reviewed or Cue.Year)
                && !_words.Any(w => w.Folded is "han" or "deadline"),
        };
    }

    // The last word of a first clause that ends in "rồi" and holds a period, if the message goes on after it.
    private int? SceneEnd()
    {
        var end = Enumerable.Range(1, Math.Max(0, _words.Count - 1)).FirstOrDefault(k => _words[k].Paused) - 1;
        return end > 0 && _words[end].Folded == "roi" && _periods.Any(p => p.Last < end) ? end : null;
    }

    // "tháng 11 với tháng 12", "quý 3 và quý 4": a period of the same kind said straight after, joined, runs the stretch on
    // to its end.
    private PeriodMention? Through(Period? period, List<Period> asked)
    {
        var mention = period?.ToMention();
        if (period is null || mention is null || period.Kind is not (PeriodKind.Month or PeriodKind.Quarter))
        {
            return mention;
        }

        var next = asked.Where(p => p.Kind == period.Kind && p.Named && p.First > period.Last).MinBy(p => p.First);
        return next?.ToMention() is { } then && Enumerable.Range(period.Last + 1, next.First - period.Last - 1).All(k => _words[k].Folded is "va" or "voi" or "hoac" or "den" or "toi")
            ? mention with { Through = then }
            : mention;
    }

    // "Nv 8 và 9 thì 8 xong rồi": the items named first are what the report is about; those after "thì" are what it says
    // was done.
    private List<string>? Topical()
    {
        var then = _words.FindIndex(w => w.Folded == "thi");
        if (then <= 0 || then + 1 >= _words.Count)
        {
            return null;
        }

        var (before, after) = (Targets(_text[.._words[then].Start]), Targets(_text[_words[then].End..]));
        return before.Count >= 2 && after.Count > 0 && after.All(t => before.Contains(t, StringComparer.Ordinal)) ? [.. after] : null;
    }

    // "các đơn vị", unless they are whom something goes to ("gửi hướng dẫn cho các đơn vị").
    // "gửi tới", "nộp về": where something goes; "sắp tới" is a time.
    private bool Toward(int k) => Towards.Contains(_words[k].Folded) && !(k > 0 && _words[k - 1].Folded == "sap" && _words[k].Folded == "toi");

    private bool EveryUnit()
    {
        for (var i = 0; i < _words.Count; i++)
        {
            if (EveryUnitWords.Any(p => Mentions.Matches(_words, i, p) > 0)
                && !(i > 0 && Toward(i - 1))
                && !(i > 1 && Directing.Contains(_words[i - 2].Folded + " " + _words[i - 1].Folded))
                && !(Previous(i) is >= 0 and var before && (Toward(before) || _cues[before] == Cue.Submit)))
            {
                return true;
            }
        }

        return false;
    }

    // "hội nghị sơ kết có phải từng đơn vị tổ chức riêng không", "có cần tổ chức riêng ko hay đi dự của xã": whether and how
    // the item must be done is what it asks of, in the frame "có … không"; "nộp rồi có phải không" only checks.
    private bool Obliged()
    {
        for (var i = 0; i + 2 < _words.Count; i++)
        {
            if (_words[i].Folded == "co" && _words[i + 1].Folded is "phai" or "can" or "bat" && _cues[i + 2] != Cue.Negation
                && Enumerable.Range(i + 2, _words.Count - i - 2).Any(k => _cues[k] == Cue.Negation)
                && !_words.Skip(i).Any(w => w.Folded is "gi" or "nao" or "may"))
            {
                return true;
            }
        }

        return false;
    }

    // "hôm nay là hạn cuối những việc nào": the deadline is said, and which items fall on it is asked; "hạn chót khi nào"
    // asks the date.
    private bool WhichItems() =>
        !Any(DateAsked) && Enumerable.Range(0, Math.Max(0, _words.Count - 1)).Any(i => _cues[i] == Cue.TaskWord && _words[i + 1].Folded is "nao" or "gi");

    private AnswerForm FormOf(bool named)
    {
        // "ds các đơn vị quá hạn D1": the units are what is asked for, one item given.
        if (Has(Cue.Who) || (named && _targets.Count > 0 && EveryUnit()))
        {
            return AnswerForm.WhoOwes;
        }

        if (Any(DaysLeftWords) || DaysCounted())
        {
            return AnswerForm.DaysLeft;
        }

        // "D1 là nộp kế hoạch đúng không, hạn ngày nào": the date asked outweighs the check of what it is; "kế hoạch năm
        // học hạn 15/10 phải ko" says the date back to have it checked.
        if ((Any(WhenWords) && !WhichItems()) || (named && Has(Cue.DeadlineWord) && (Asked || DateAfterDeadlineWord() || DateOrDate()) && !StatusQuestion))
        {
            return AnswerForm.When;
        }

        // "D1 là nộp kế hoạch thi đua đúng không": whether it is what the writer thinks it is; but "hỏi lại là bên em đã
        // nộp D1 rồi đúng không" asks whether it was done.
        if (named && Any(CheckWords) && _words.Any(w => w.Folded == "la") && !(Perfective && Submits))
        {
            return AnswerForm.What;
        }

        if (named && StatusQuestion)
        {
            return AnswerForm.State;
        }

        if (named && (Obliged() || (Asked && NamedThenIs())))
        {
            return AnswerForm.What;
        }

        // "nv 10 … thì đi những ai": who goes, or whom it is sent to, is told by what the item says.
        var personAsked = Enumerable.Range(0, _words.Count).Any(k => _words[k].Folded == "ai" && _cues[k] == Cue.Question);
        return named && (Any(WhatWords) || IsWhat() || personAsked || (Asked && Has(Cue.Act) && _words.Any(w => w.Folded == "gi"))) ? AnswerForm.What : AnswerForm.List;
    }

    // "Hết hạn D1 rồi mà…", "hạn 15/10 qua rồi": the date has passed, so what is still owed is late.
    private bool PastDue()
    {
        for (var i = 0; i < _words.Count; i++)
        {
            var after = Enumerable.Range(i + 1, 5).Where(k => k < _words.Count).Select(k => _words[k].Folded).ToList();
            // "sắp hết hạn rồi", "mai hết hạn rồi" are not yet; "thứ 6 là hết hạn rồi", "31/3 hết hạn rồi" say when the
            // deadline is.
            if (i > 0 && (_words[i - 1].Folded is "sap" or "gan" or "chua" or "mai" or "la" || _periods.Any(p => p.Kind == PeriodKind.Date && p.Last == i - 1)))
            {
                continue;
            }

            // "hết hạn từ quý trước mà chưa nộp": past its date and still not done.
            if ((_words[i].Folded == "het" && after is ["han", ..] && (after.Skip(1).Take(3).Contains("roi")
                                                                     || Enumerable.Range(i + 2, 6).Any(k => k + 1 < _words.Count && _words[k].Folded == "ma" && _words[k + 1].Folded == "chua")))
                || (_words[i].Folded == "han" && Enumerable.Range(0, Math.Max(0, after.Count - 1)).Any(k => after[k] == "qua" && after[k + 1] == "roi")))
            {
                return true;
            }
        }

        return false;
    }

    // "được phòng duyệt", "bị phòng trả về": the office's verb, told of the writer's papers.
    private bool ReviewedBy(string verb) => Enumerable.Range(0, _words.Count).Any(i => _cues[i] == Cue.Reviewed && _words[i].Folded == verb);

    // "hạn 31/12", "hạn ngày 15/10": a date said right after the deadline word.
    private bool DateAfterDeadlineWord() =>
        _periods.Any(p => p.Kind == PeriodKind.Date && p.First > 0 && _cues[p.First - 1] == Cue.DeadlineWord);

    // "hạn là 30/1 hay 31/1", "30/1 hay tận tháng 10": one date or another, asked.
    private bool DateOrDate() =>
        _periods.Any(p => p.Kind == PeriodKind.Date && p.Last + 1 < _words.Count && _words[p.Last + 1].Folded is "hay" or "hoac"
            && _periods.Any(q => q.First > p.Last + 1 && q.First <= p.Last + 3));

    // "còn 2 ngày nữa", "còn mấy hôm": days counted down.
    private bool DaysCounted() =>
        Enumerable.Range(0, _words.Count).Any(i => _words[i].Folded == "con"
            && Enumerable.Range(i + 1, 3).Any(k => k < _words.Count && _words[k].Folded is "ngay" or "hom"));

    // "nhiem vu 5 la du hoi nghi o dau", "nv9 là …": an item named, then what it is.
    private bool NamedThenIs() => Enumerable.Range(0, _words.Count - 1).Any(i => _cues[i] == Cue.Target && _words[i + 1].Folded == "la");

    // "D2 là nộp cái gì": "là" and, shortly after, "gì". "nv9 là hội nghị sơ kết 6 tháng hả, trường tổ chức riêng hay đi dự",
    // "nhiệm vụ 4 … là trường tự tổ chức hay đi dự": one deed or another the item asks of the writer, told by what it says.
    private bool IsWhat() =>
        Enumerable.Range(0, _words.Count).Any(i => _words[i].Folded == "la"
            && Enumerable.Range(i + 1, 3).Any(k => k < _words.Count && _words[k].Folded == "gi"))
        || Enumerable.Range(1, Math.Max(0, _words.Count - 2)).Any(i => _words[i].Folded == "hay"
            && Enumerable.Range(Math.Max(0, i - 3), Math.Min(3, i)).Any(k => _cues[k] == Cue.Act) && Enumerable.Range(i + 1, Math.Min(3, _words.Count - i - 1)).Any(k => _cues[k] == Cue.Act));

    private StatusFilter StatusOf(AnswerForm form, bool named)
    {
        if (OverdueAsked() || PastDue())
        {
            return StatusFilter.Overdue;
        }

        if (Asked && (Any(ReturnedWords) || ReviewedBy("tra")))
        {
            return StatusFilter.Returned;
        }

        if (Asked && (Any(AcceptedWords) || ReviewedBy("duyet") || ReviewedBy("tiep") || ReviewedBy("chap")))
        {
            return StatusFilter.Accepted;
        }

        // One item's date, days or content is the item whatever its state; whether it is done is the question itself.
        if (named && form is AnswerForm.When or AnswerForm.DaysLeft or AnswerForm.What or AnswerForm.State)
        {
            return StatusFilter.All;
        }

        // "đã nộp được những gì rồi nhỉ": the particle asks, "gì" asks for the list; "đã làm những gì rồi" as well.
        if (Asked && !Negated && (!StatusQuestion || _words.Any(w => w.Folded == "gi")) && ((Perfective && Submits) || DoneAsked()) && !Has(Cue.Still) && !Has(Cue.Must))
        {
            return StatusFilter.Submitted;
        }

        // "những đơn vị nào đã tổng kết phong trào rồi", "đã có đơn vị nào họp sơ kết chưa": who has done it; "…, đơn vị nào
        // chưa?" who has not.
        if (form == AnswerForm.WhoOwes && Perfective && !Negated && !Has(Cue.Owe) && !Has(Cue.Still) && !Has(Cue.Must)
            && !Enumerable.Range(0, _words.Count).Any(i => _cues[i] == Cue.Who && Next(i) is var after && after > i && after < _words.Count && _cues[after] == Cue.Negation))
        {
            return StatusFilter.Submitted;
        }

        var owed = Has(Cue.Owe) || Negated || Has(Cue.Still) || Has(Cue.Must) || StatusQuestion
                   || form == AnswerForm.WhoOwes || (Submits && Asked) || (Has(Cue.Act) && Asked);
        return owed ? StatusFilter.Pending : StatusFilter.All;
    }

    // The plain words that may describe items, as written: every run of words no cue claimed (periods and the plan
    // included, "báo cáo sơ kết 6 tháng đầu năm"), and whether a period stands inside such a run.
    private (string? Words, bool PeriodInWords) ItemWords(IntentKind kind)
    {
        var runs = new List<string>();
        var periodInWords = false;
        var previousEnd = 0;
        var previousLast = -1;

        // "bỏ giúp em cái tổng kết, còn hội nghị thì đúng rồi": what an undo sets against «còn … thì» is kept, not taken back.
        var end = _words.Count;
        if (kind == IntentKind.Undo && Enumerable.Range(1, Math.Max(0, _words.Count - 2)).FirstOrDefault(i => _words[i].Folded == "con"
                && _words.Skip(i + 2).Any(w => w.Folded == "thi")) is > 0 and var contrast)
        {
            end = contrast;
        }

        // An undo names what it takes back as a report names what it did: "phần hồ sơ năm 2026 rút lại".
        var reporting = Submits || kind == IntentKind.Undo;
        var aside = Asides();

        // "kế hoạch năm học thì rút lại, chỉ hồ sơ khen thôi": in an undo, a clause of "chỉ …" that takes nothing back names
        // what stays.
        if (kind == IntentKind.Undo)
        {
            foreach (var clause in Clauses().Where(c => c.Count > 1 && _words[c[0]].Folded == "chi" && c[0] > 0 && !c.Any(k => _cues[k] is Cue.Undo or Cue.Mistake)))
            {
                foreach (var k in clause)
                {
                    aside[k] = true;
                }
            }
        }

        // "từ nay đến cuối năm": a stretch from today names no item; it parts the words around it.
        foreach (var until in _periods.Where(p => p.FromToday))
        {
            Array.Fill(aside, true, until.First, until.Last - until.First + 1);
        }

        for (var i = 0; i < end; i++)
        {
            if (!Describes(i) || aside[i])
            {
                continue;
            }

            var first = i;
            while (i + 1 < end && Describes(i + 1) && !aside[i + 1])
            {
                i++;
            }

            // "theo kế hoạch", "căn cứ hướng dẫn", "trong kế hoạch": the document the deed followed or the plan itself, not
            // the item.
            if (first > 0 && (_words[first - 1].Folded is "theo" or "trong" || (first > 1 && _words[first - 2].Folded == "can" && _words[first - 1].Folded == "cu")) && ItemMatcher.CitesDocument(_words, first) is > 0 and var cited)
            {
                first += cited;
                if (first > i)
                {
                    continue;
                }
            }

            var span = Enumerable.Range(first, i - first + 1).ToList();
            // A period of the calendar ("tháng này", "quý 2") scopes the question; a half year or a year may be part of
            // an item's name ("báo cáo sơ kết 6 tháng đầu năm").
            var last = i;
            while (first <= last && _cues[first] == Cue.Period)
            {
                first++;
            }

            while (last >= first && _cues[last] == Cue.Period && !NamesItem(last))
            {
                last--;
            }

            var plain = Enumerable.Range(first, Math.Max(0, last - first + 1)).Where(k => (_cues[k] is Cue.None or Cue.TaskWord or Cue.Plan or Cue.Act || Launch(k) || (reporting && (_cues[k] == Cue.Year || (_cues[k] == Cue.Period && NamesItem(k))))) && (!_words[k].IsNumber || _words[k].Number is >= 2000 and <= 2100)).ToList();
            // "xem kế hoạch quý 2", "kế hoạch năm 2026" are the plan; "gửi kế hoạch", "nộp kế hoạch", "đã ban hành kế hoạch",
            // "kế hoạch năm 2027 ai ban hành" are about an item called that.
            var namedYear = Enumerable.Range(first, Math.Max(0, last - first + 1)).Any(k => _words[k].Folded.Length == 4 && _words[k].Number >= 2000)
                            && Enumerable.Range(first, Math.Max(0, last - first + 1)).Any(k => _words[k].Folded == "hoach")
                            && (reporting || Has(Cue.Act) || Has(Cue.Who) || Has(Cue.DeadlineWord));
            if (!namedYear && (plain.Count == 0 || plain.All(k => _cues[k] is Cue.TaskWord or Cue.Act)
                || (!reporting && !Reported && plain.All(k => _cues[k] is Cue.Plan or Cue.TaskWord or Cue.Act))))
            {
                continue;
            }

            periodInWords |= Enumerable.Range(first, last - first + 1).Any(k => _cues[k] == Cue.Period);
            // Runs that a comma or a full stop parts, with words of the report between, are two clauses: "tổng kết năm học
            // xong rồi, hội nghị sơ kết cũng dự rồi".
            // So are runs with the first one's end between them, unmarked: "hội nghị tổng kết tổ chức xong rồi ạ 🎉 hồ sơ khen
            // thưởng nộp luôn rồi", "hồ sơ khen năm 2025 + đã họp tổng kết"; or "và" with other words: "… và cử người đi bồi
            // dưỡng nghiệp vụ".
            var parted = runs.Count > 0 && (MessageWords.Break(_text, previousEnd, _words[first].Start) != " "
                                            || Enumerable.Range(previousLast + 1, Math.Max(0, first - previousLast - 1)).Any(k => _cues[k] == Cue.Already || _words[k].Folded == "va")
                                            || _text.AsSpan(previousEnd, _words[first].Start - previousEnd).IndexOfAny('+', '&') >= 0);
            runs.Add((parted ? "; " : runs.Count > 0 ? " " : string.Empty) + Written(first, last));
            previousEnd = _words[last].End;
            previousLast = last;
        }

        return (runs.Count == 0 ? null : string.Concat(runs), periodInWords);
    }

    // The words of a run as written, but with its marks a calendar word the reader took as one and that names no item
    // ("đợt thi đua thang thanh niên"): typed without them, "thang" would meet an item's "thắng".
    private string Written(int first, int last)
    {
        var written = new StringBuilder();
        var at = _words[first].Start;
        for (var k = first; k <= last; k++)
        {
            if (_cues[k] == Cue.Period && !NamesItem(k) && CalendarWords.TryGetValue(_words[k].Folded, out var marked)
                && _text.AsSpan(_words[k].Start, _words[k].End - _words[k].Start).Equals(_words[k].Folded, StringComparison.OrdinalIgnoreCase))
            {
                written.Append(_text, at, _words[k].Start - at).Append(marked);
                at = _words[k].End;
            }
        }

        return written.Append(_text, at, _words[last].End - at).ToString().Trim();
    }

    private static readonly Dictionary<string, string> CalendarWords = new(StringComparer.Ordinal)
    {
        ["thang"] = "tháng", ["tuan"] = "tuần", ["quy"] = "quý", ["ngay"] = "ngày",
    };

    // Clauses around a request that name no item: who writes ("Kính gửi bộ phận thi đua, tôi là chủ tịch Hội"), the reason
    // ("vì tháng 12 hội còn tổ chức hội nghị chi hội") and thanks.
    private static readonly string[] AsideOpeners =
        ["kinh gui", "toi la", "em la", "minh la", "chung toi la", "vi", "boi vi", "tai vi", "xin cam on", "cam on", "tran trong", "chuc mung"];

    // "việc 4 chưa họp, việc 3 thì đúng": an item whose own clause says it is right is kept, not taken back.
    private static readonly string[] RightWords = ["thi dung", "dung roi", "van dung", "thi ok", "giu", "de lai"];

    // "4 chưa", "nv 16 chưa xong": the items a clause says are not done ("đã ghi nhận D1 chưa" asks whether it is).
    // "hôm trc chị có báo xong nv 20 r đấy, nay sửa lại là chưa xong nha": a clause that corrects to not done and names
    // nothing says it of every item named before it.
    private List<string> NotDoneTargets()
    {
        var clauses = Clauses().ToList();
        bool NotDone(List<int> c) => c.Any(k => _cues[k] == Cue.Negation) && !c.Any(k => _cues[k] == Cue.Perfect);
        var corrected = clauses.FindIndex(c => NotDone(c) && !TargetsIn(c).Any() && c.Any(k => CorrectingWords.Any(p => Mentions.Matches(_words, k, p) > 0)));
        var named = corrected > 0 ? clauses.Take(corrected) : clauses.Where(NotDone);
        return [.. named.SelectMany(TargetsIn).Where(t => _targets.Contains(t, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal)];
    }

    // "rút lại nv 21 nhé, với cả mục 18 … cũng chưa đúng": items whose own clause takes them back, beside those said not done.
    private IEnumerable<string> UndoneTargets() => Clauses().Where(c => c.Any(k => _cues[k] == Cue.Undo)).SelectMany(TargetsIn);

    // "lộn rồi, mới xong 16 thôi", "nhầm, hội mới xong nv 16, còn 20 thì chưa": beside the clause that owns the mistake, one that
    // says an item is done, and nothing against it, keeps that item.
    private IEnumerable<string> KeptTargets() =>
        Clauses().Where(c => c.Any(k => RightWords.Any(p => Mentions.Matches(_words, k, p) > 0))
                             || (c.Any(k => _cues[k] is Cue.Done or Cue.Submit) && !c.Any(k => _cues[k] is Cue.Undo or Cue.Mistake or Cue.Negation || _words[k].Folded is "dau" or "chua" or "khong" or "ko")
                                 && Clauses().Any(o => o[0] != c[0] && o.Any(k => _cues[k] is Cue.Mistake))))
            .SelectMany(TargetsIn);

    // The places of each clause's words, in order; "nv 4 thì xong chứ nv 3 chưa nộp" is two ("chứ" opens the other side).
    private IEnumerable<List<int>> Clauses()
    {
        var start = 0;
        for (var i = 0; i < _words.Count; i++)
        {
            if (i == _words.Count - 1 || EndsClause(i) || (i + 1 < _words.Count && Said(i + 1, "chứ")))
            {
                yield return Enumerable.Range(start, i - start + 1).ToList();
                start = i + 1;
            }
        }
    }

    // The items a clause names: by a task word ("nv 16") or, where the message's items were read as bare numbers ("xong 16
    // và 20"), by the number alone.
    private IEnumerable<string> TargetsIn(List<int> clause) =>
        clause.Select(k => Mentions.TargetAt(_words, k)).OfType<(string Target, int Last)>().Select(t => t.Target)
            .Union(clause.Where(k => _cues[k] == Cue.Target && _words[k].IsNumber && _targets.Contains(_words[k].Folded, StringComparer.Ordinal)).Select(k => _words[k].Folded), StringComparer.Ordinal);

    private bool[] Asides()
    {
        var aside = new bool[_words.Count];
        var start = 0;
        for (var i = 0; i < _words.Count; i++)
        {
            if (i == _words.Count - 1 || EndsClause(i))
            {
                var first = start;
                while (first <= i && _cues[first] == Cue.Filler && !AsideOpeners.Any(p => Mentions.Matches(_words, first, p) > 0))
                {
                    first++;
                }

                // "có 30 đồng chí dân quân dự", "đồng chí chính trị viên chủ trì": who came and who chaired, beside the deed.
                var attendance = first < i && _words[first].Folded == "co" && _words[first + 1].IsNumber && PeopleWords.Any(p => Mentions.Matches(_words, first + 2, p) > 0);
                var chaired = i > start && _words[i - 1].Folded == "chu" && _words[i].Folded == "tri";
                if (first <= i && (attendance || chaired || AsideOpeners.Any(p => Mentions.Matches(_words, first, p) > 0)))
                {
                    Array.Fill(aside, true, start, i - start + 1);
                }

                start = i + 1;
            }
        }

        for (var i = 0; i < _words.Count; i++)
        {
            // "15/17 đồng chí có mặt", "đồng chí chính trị viên chủ trì", "có 52 hội viên dự": people, and how many of them, are
            // who was there, never an item's words ("đồng" is no "Hội đồng").
            if (_words[i].Folded == "dong" && i + 1 < _words.Count && _words[i + 1].Folded == "chi")
            {
                aside[i] = aside[i + 1] = true;
            }

            if (_words[i].IsNumber && PeopleWords.Select(p => Mentions.Matches(_words, i + 1, p)).FirstOrDefault(n => n > 0) is > 0 and var people)
            {
                Array.Fill(aside, true, i, people + 1);
            }

            // "gửi qua zalo", "qua hệ thống quản lý văn bản": how it went, not what.
            if (_words[i].Folded == "qua" && ChannelWords.Any(p => Mentions.Matches(_words, i + 1, p) > 0))
            {
                for (var k = i; k < _words.Count && (k == i || _cues[k] is Cue.None or Cue.Filler) && !(k > i && EndsClause(k - 1)); k++)
                {
                    aside[k] = true;
                }
            }

            // In a report, "gửi kèm biên bản và ảnh hội nghị", "kèm danh sách đề nghị khen", "bằng công văn giấy số 45": what
            // went with it and how, to the clause's end, not what it is; but "gửi kèm cả kế hoạch năm học", "kèm danh sách đề
            // nghị khen thưởng thành tích năm 2025" may be another item handed in, and "bằng khen" is a commendation.
            if (!Asked && (_words[i].Folded == "kem" || (_words[i].Folded == "bang" && !(i + 1 < _words.Count && _words[i + 1].Folded == "khen")))
                && i + 1 < _words.Count && !EndsClause(i) && Enumerable.Range(i + 1, _words.Count - i - 1).TakeWhile(k => !EndsClause(k - 1)).ToList() is var with
                && !with.Any(k => Papers.Any(p => Mentions.Matches(_words, k, p) > 0) || _words[k].Number is >= 2000 and <= 2100))
            {
                Array.Fill(aside, true, i, with.Count + 1);
            }

            // "Hồ sơ gồm tờ trình, báo cáo thành tích 3 cá nhân": what the papers hold, to the sentence's end, is no item.
            if (_words[i].Folded == "gom" && i > 1 && Mentions.Matches(_words, i - 2, "ho so") > 0)
            {
                for (var k = i; k < _words.Count && !(k > i && EndsSentence(k - 1)); k++)
                {
                    aside[k] = true;
                }
            }

            // "nộp muộn mấy hôm do đợt cao điểm tết", "máy in hỏng nên chậm mấy hôm": how late and why, not what.
            if (_words[i].Folded is "muon" or "cham" or "tre" && Lateness(i) is > 0 and var late)
            {
                Array.Fill(aside, true, i, late);
            }

            // "chủ tịch với phó chủ tịch đã dự …", "hiệu trưởng đi họp": who went, named by their posts before the deed.
            if (Leaders(i) is > 0 and var leaders)
            {
                Array.Fill(aside, true, i, leaders);
            }

            // "qua đồng chí phụ trách thi đua", "cho cán bộ thi đua xã", "về bộ phận thi đua khen thưởng": the person or desk that
            // takes the papers, not what they are.
            if (DeskAt(i) is > 0 and var desk)
            {
                Array.Fill(aside, true, i, desk);
            }

            // "gửi hướng dẫn xuống các đơn vị", "tới các cơ quan", "gửi các cơ quan đơn vị": whom it went to, not what.
            if (_words[i].Folded is "xuong" or "toi" or "den" or "gui" or "cho" && EveryUnitWords.Select(p => Mentions.Matches(_words, i + 1, p)).FirstOrDefault(n => n > 0) is > 0 and var whom)
            {
                Array.Fill(aside, true, i, whom + 1);
            }

            // "gửi từ trước tết", "từ hôm qua", "chiều mai gửi": when it went or goes, not what.
            if (Times.Select(p => Mentions.Matches(_words, i, p)).FirstOrDefault(n => n > 0) is > 0 and var time)
            {
                Array.Fill(aside, true, i, time);
            }

            // "theo Kế hoạch công tác thi đua, khen thưởng năm 2026", "trong kế hoạch thi đua", "kế hoạch năm 2026 có bao nhiêu
            // nhiệm vụ": the commune's plan that holds the items, not the plan a unit hands in (D1).
            if (PlanItself(i) is > 0 and var plan)
            {
                Array.Fill(aside, true, i, plan);
            }

            // "Kính đề nghị Bot liệt kê giúp", "đề nghị cho biết", "tổng hợp giúp": the request's manners and verb, not an
            // item's words ("đề nghị khen thưởng", "tổng hợp hồ sơ" are).
            if (RequestAt(i) is > 0 and var length)
            {
                Array.Fill(aside, true, i, length);
            }

            // "… còn nợ việc quý 3 để chị báo cáo lãnh đạo", "hạn cuối là bao giờ để hội còn sắp xếp người làm": what the
            // asker will do with the answer, after the question, is not what is asked about.
            if (Asked && _words[i].Folded == "de" && i + 1 < _words.Count && (_cues[i + 1] == Cue.Self || Askers.Contains(_words[i + 1].Folded))
                && Enumerable.Range(0, i).Any(k => _cues[k] is Cue.Question or Cue.Who or Cue.Owe or Cue.DeadlineWord))
            {
                for (var k = i; k < _words.Count && !(k > i && EndsClause(k - 1)); k++)
                {
                    aside[k] = true;
                }
            }
        }

        return aside;
    }

    // The posts at words[i], joined by "với", "và", "cùng", when a deed of going follows them ("đã dự", "đi", "tham dự"),
    // else 0.
    private int Leaders(int i)
    {
        var end = i;
        while (Posts.Select(p => Mentions.Matches(_words, end, p)).FirstOrDefault(n => n > 0) is > 0 and var post)
        {
            end += post;
            if (end < _words.Count && _words[end].Folded is "voi" or "va" or "cung" && Posts.Any(p => Mentions.Matches(_words, end + 1, p) > 0))
            {
                end++;
            }
        }

        var next = end < _words.Count && _cues[end] == Cue.Perfect ? end + 1 : end;
        return end > i && next < _words.Count && !EndsClause(end - 1) && _words[next].Folded is "du" or "di" or "tham" ? end - i : 0;
    }

    private static readonly string[] Posts =
        ["pho chu tich", "chu tich", "pho bi thu", "bi thu", "pho hieu truong", "hieu truong", "truong tram", "chi huy truong", "truong phong", "lanh dao"];

    private bool EndsSentence(int i) =>
        _text.AsSpan(_words[i].End).TrimStart(' ') is ['.' or '?' or '!' or ';' or '\n', ..];

    // Papers that may be an item of their own, when they go along with another.
    private static readonly string[] Papers = ["ke hoach", "ho so", "bao cao", "to trinh"];

    // The words from a word of lateness at words[i]: how long ("mấy hôm", "2 ngày", "một chút") and why ("do …", "vì …", to
    // the clause's end); 0 when neither follows.
    private int Lateness(int i)
    {
        var end = i + 1;
        if (end + 1 < _words.Count && !EndsClause(end - 1) && (_words[end].IsNumber || _words[end].Folded is "may" or "vai" or "mot" or "hai" or "ba")
            && _words[end + 1].Folded is "hom" or "ngay" or "buoi" or "tuan" or "chut" or "ti")
        {
            end += 2;
        }

        if (end < _words.Count && !EndsClause(end - 1) && _words[end].Folded is "do" or "vi" or "tai" or "boi")
        {
            while (end < _words.Count && !EndsClause(end - 1))
            {
                end++;
            }
        }

        return end - i > 1 ? end - i : 0;
    }

    // The words at words[i] naming the one who looks after emulation work ("cán bộ thi đua", "phụ trách thi đua khen
    // thưởng", "bộ phận thi đua"), else 0.
    private int DeskAt(int i)
    {
        if (DeskWords.Select(d => Mentions.Matches(_words, i, d)).FirstOrDefault(n => n > 0) is not (> 0 and var end))
        {
            return 0;
        }

        end += i;
        end += Mentions.Matches(_words, end, "phu trach");
        if (Mentions.Matches(_words, end, "thi dua") is not (> 0 and var work))
        {
            return 0;
        }

        end += work;
        end += Mentions.Matches(_words, end, "khen thuong");
        return end - i;
    }

    private static readonly string[] DeskWords = ["can bo", "phu trach", "bo phan", "chuyen vien", "cong chuc", "nguoi lam", "nguoi"];

    // Who may be said to act on an answer: "để chị báo cáo", "để hội còn sắp xếp".
    private static readonly HashSet<string> Askers = new(StringComparer.Ordinal) { "chi", "anh", "co", "thay", "hoi", "truong", "tram", "phong", "doan" };

    // The words at words[i] naming the commune's plan as what holds the items: "kế hoạch" with its title ("công tác thi đua,
    // khen thưởng năm 2026"), after "theo"/"trong"/"thuộc" or before "có"/"gồm" and the items counted or listed; else 0.
    private int PlanItself(int i)
    {
        if (Mentions.Matches(_words, i, "ke hoach") == 0)
        {
            return 0;
        }

        var end = i + 2;
        while (end < _words.Count && (!EndsClause(end - 1) || (_words[end - 1].Folded, _words[end].Folded) == ("dua", "khen")) && (PlanTitleWords.Contains(_words[end].Folded) || _words[end].Number is >= 2000 and <= 2100))
        {
            end++;
        }

        var within = i > 0 && _words[i - 1].Folded is "theo" or "trong" or "thuoc" && !EndsClause(i - 1);
        var holds = end + 1 < _words.Count && _words[end].Folded is "co" or "gom" && !EndsClause(end - 1)
                    && Enumerable.Range(end + 1, Math.Min(3, _words.Count - end - 1)).Any(k => _cues[k] == Cue.TaskWord);
        return within || holds ? end - i : 0;
    }

    private static readonly HashSet<string> PlanTitleWords = new(StringComparer.Ordinal) { "cong", "tac", "thi", "dua", "khen", "thuong", "tdkt", "nam", "nay", "cua", "xa" };

    private static readonly string[] Times =
    [
        "tu truoc tet", "tu trc tet", "truoc tet", "trc tet", "sau tet", "tu hom qua", "tu hom kia", "tu sang", "tu chieu qua",
        "tu tuan truoc", "tu thang truoc", "tu dau tuan", "tu dau thang", "tu lau", "tu tuan roi", "tu thang roi",
        "sang nay", "trua nay", "chieu nay", "toi nay", "sang mai", "trua mai", "chieu mai", "toi mai", "sang qua", "chieu qua", "toi qua", "dem qua",
    ];

    // Ways a paper goes, after "qua".
    private static readonly string[] ChannelWords =
        ["zalo", "mail", "email", "gmail", "he thong", "phan mem", "buu dien", "van thu", "tin nhan", "dien thoai", "fax", "mang", "link", "ioffice", "duong"];

    // Whom a number counts, when it counts people: "30 đồng chí", "52 hội viên", "14 công chức", "38 cán bộ giáo viên".
    private static readonly string[] PeopleWords =
    [
        "dong chi", "nguoi", "can bo", "giao vien", "hoi vien", "dai bieu", "chi em", "thanh vien", "dang vien", "doan vien", "cong chuc",
        "vien chuc", "dan quan", "chau", "hoc sinh", "nhan vien", "chien si", "ca nhan", "tap the", "co giao", "thay co", "chi hoi truong",
    ];

    private static readonly string[] Addressees = ["bot", "dong chi", "d c", "dc", "phong", "anh", "chi", "em", "ad", "admin"];

    private static readonly string[] AskedVerbs = ["cho biet", "liet ke", "tong hop", "thong ke", "tong ket lai", "loc", "ra soat", "kiem tra", "xem", "bao"];

    // The words of a polite request at words[i] ("kính đề nghị Bot liệt kê giúp", "đề nghị cho biết", "tổng hợp giúp", "tổng
    // kết lại giúp": to sum up, not a review), or 0.
    private int RequestAt(int i)
    {
        var length = Request(i);
        // "…, đề nghị phòng kiểm tra lại", "đồng chí kiểm tra giúp": checking what was sent, nothing asked of the plan.
        return length > 0 && Enumerable.Range(i, length).Any(k => Mentions.Matches(_words, k, "kiem tra") > 0) && CheckingOnly(i + length) ? 0 : length;
    }

    // Nothing but "lại", help words and particles after it, to the clause's end.
    private bool CheckingOnly(int from)
    {
        for (var k = from; k < _words.Count; k++)
        {
            if (!(_cues[k] is Cue.Filler or Cue.Help || _words[k].Folded is "lai" or "giup" or "gium" or "voi" or "nhe" or "nha" or "a"))
            {
                return false;
            }

            if (EndsClause(k))
            {
                return true;
            }
        }

        return true;
    }

    private int Request(int i)
    {
        var at = i + Mentions.Matches(_words, i, "kinh");
        if (Mentions.Matches(_words, at, "de nghi") == 0)
        {
            // "nhờ em báo giúp là họ nộp rồi": what is passed on follows «là», no request to be told.
            return AskedVerbs.Select(v => Mentions.Matches(_words, i, v)).FirstOrDefault(n => n > 0) is > 0 and var verb
                   && Mentions.Matches(_words, i + verb, "giup") + Mentions.Matches(_words, i + verb, "gium") > 0
                   && !(_words[i].Folded == "bao" && i + verb + 1 < _words.Count && _words[i + verb + 1].Folded is "la" or "rang")
                ? verb + 1
                : 0;
        }

        at += 2;
        at += Addressees.Select(a => Mentions.Matches(_words, at, a)).FirstOrDefault(n => n > 0);
        var asked = AskedVerbs.Select(v => Mentions.Matches(_words, at, v)).FirstOrDefault(n => n > 0);
        if (asked == 0)
        {
            return 0;
        }

        at += asked;
        at += Mentions.Matches(_words, at, "giup") + Mentions.Matches(_words, at, "gium");
        return at - i;
    }

    // "2 bản", "5 trang", "02 file": how many copies or pages were sent says nothing of which item.
    private static readonly HashSet<string> CopyWords = new(StringComparer.Ordinal) { "ban", "trang", "file", "bo", "quyen", "to", "tep", "anh" };

    private bool Counted(int i) =>
        (i > 0 && Copies(i - 1)) || (_words[i].IsNumber && Copies(i));

    // "2 bản", but not "2027 ban hành": a count, not a year, before a word for copies.
    private bool Copies(int number) =>
        _words[number].Number is < 1000 && number + 1 < _words.Count && CopyWords.Contains(_words[number + 1].Folded);

    // "tổ chức", "tham dự" tell one meeting from another, so they describe the item too.
    // "chị Thu", "anh Hùng", "đ/c Mai": a person, whose title and name say nothing of the item.
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "anh", "chi", "em", "co", "thay", "ban", "ong", "ba", "c", "a" };

    private bool Person(int i) =>
        (Titles.Contains(_words[i].Folded) && i + 1 < _words.Count && Named(i + 1))
        || (i > 0 && Titles.Contains(_words[i - 1].Folded) && Named(i));

    private bool Named(int i) => char.IsUpper(_text[_words[i].Start]) && !char.IsUpper(_text[Math.Min(_words[i].End, _text.Length) - 1]);

    // In a question or a report, "phát động" is the deed of item 1, not a campaign to send ("phát động phong trào thi đua
    // hạn chót là hết quý 1 à"); in "tổ chức xong hội nghị tổng kết" the deed stays with what it was done to.
    private bool Describes(int i) =>
        !Counted(i) && !Person(i) && !Sent(i) && !Goer(i) && !_guided.Contains(i)
        && (Describing(_cues[i]) || Launch(i) || (_cues[i] is Cue.Filler or Cue.Still && i + 1 < _words.Count && Describing(_cues[i + 1]) && _cues[i + 1] != Cue.Period)
            || (_cues[i] == Cue.Done && i > 0 && _cues[i - 1] == Cue.Act && i + 1 < _words.Count && _cues[i + 1] != Cue.Period && Describes(i + 1)));

    // "cử 2 đồng chí đi tập huấn", "cử đồng chí phó chủ tịch tham dự …": who was sent, between "cử" and "đi" (or what they
    // were sent to), is no part of the item.
    private bool Sent(int i) =>
        Enumerable.Range(Math.Max(0, i - 5), i - Math.Max(0, i - 5)).Any(k => _words[k].Folded == "cu" && !string.Equals(_text[_words[k].Start.._words[k].End], "cũ", StringComparison.OrdinalIgnoreCase)
            && Enumerable.Range(k + 1, i - k).All(m => !SentTo(m))
            && Enumerable.Range(i + 1, Math.Max(0, Math.Min(_words.Count, k + 7) - i - 1)).Any(SentTo));

    private bool SentTo(int m) => _words[m].Folded == "di" || (AttendWords.Contains(_words[m].Folded) && _words[m].Folded != "hop");

    // "tôi với chủ tịch hội đồng đi Lạng Sơn dự …", "ủy ban cử đi tập huấn": who went to a meeting or a course is no part of
    // what they went to.
    private static readonly HashSet<string> GoerWords = new(StringComparer.Ordinal)
    {
        "chu", "tich", "pho", "hoi", "dong", "uy", "ban", "ubnd", "chi", "d", "c", "dc", "lanh", "dao", "can", "bo", "hieu", "truong",
        "bi", "thu", "anh", "em", "thay", "co", "va", "voi", "cung", "ca", "nguoi", "da", "vua", "cu",
    };

    private static readonly HashSet<string> AttendWords = new(StringComparer.Ordinal) { "du", "tham", "tap", "boi", "hoc", "hop" };

    private bool Goer(int i)
    {
        for (var j = i; j < _words.Count && j <= i + 10; j++)
        {
            if (_words[j].Folded == "di")
            {
                // "… và đi dự hội nghị": a joiner alone before "đi" joins two deeds.
                return Enumerable.Range(i, j - i).Any(k => _words[k].Folded is not ("va" or "voi" or "cung" or "da" or "vua" or "cu") && !_words[k].IsNumber) && Enumerable.Range(j + 1, Math.Max(0, Math.Min(_words.Count, j + 5) - j - 1)).Any(m => AttendWords.Contains(_words[m].Folded));
            }

            if (!GoerWords.Contains(_words[j].Folded) && !_words[j].IsNumber)
            {
                return false;
            }
        }

        return false;
    }

    private bool Launch(int i) => _cues[i] == Cue.Broadcast && _words[i].Folded is "phat" or "dong";

    // "hội nghị", "văn phòng": a word that is also a particle ("hỏi", "vẫn") names something when a plain word follows it.
    private static bool Describing(Cue cue) => cue is Cue.None or Cue.Plan or Cue.Year or Cue.Period or Cue.TaskWord or Cue.Act;

    // "sơ kết 6 tháng đầu năm" names the item; "việc 6 tháng đầu năm", "hết việc năm nay" are the things of that period.
    // "hồ sơ năm 2026" names the dossier of that year ("sơ" is no task word there); "việc năm 2026" is the year's work.
    private bool NamesItem(int word) => _periods.Any(p => p.First <= word && word <= p.Last && p.Kind is PeriodKind.Half or PeriodKind.Year && !p.FromToday
                                                          && !(p.First > 0 && _cues[p.First - 1] == Cue.TaskWord && !(p.First > 1 && _words[p.First - 2].Folded == "ho" && _words[p.First - 1].Folded == "so")));

    private void AddTarget(string target)
    {
        if (!_targets.Contains(target, StringComparer.Ordinal))
        {
            _targets.Add(target);
        }
    }

    // "nv 5 và 6", "D1, D2", "mục 3 4": more numbers of the same kind after a target; returns the last word taken.
    private int MoreTargets(int last, bool deadline)
    {
        var at = last + 1;
        while (at < _words.Count)
        {
            var next = _words[at].Folded is "va" or "voi" or "hoac" or "cung" ? at + 1 : at;
            if (Mentions.TargetAt(_words, next) is var (target, end))
            {
                AddTarget(target);
                Claim(at, end, Cue.Target);
                at = end + 1;
            }
            else if (Mentions.NumberAt(_words, next) is >= 1 and <= 999 and var n && !Mentions.IsQuantity(_words, next))
            {
                AddTarget((deadline ? "D" : string.Empty) + n.ToString(CultureInfo.InvariantCulture));
                Claim(at, next, Cue.Target);
                at = next + 1;
            }
            else
            {
                break;
            }
        }

        return at - 1;
    }

    // "việc nào quá hạn": only what is late; "còn nợ những gì, tính cả cái quá hạn", "kể cả việc đã quá hạn": the late
    // ones among the rest; "…, sợ trễ", "kẻo trễ": a worry of being late, not what is late.
    private bool OverdueAsked()
    {
        for (var i = 0; i < _words.Count; i++)
        {
            if (OverdueWords.Any(p => Mentions.Matches(_words, i, p) > 0)
                && !(i > 0 && _words[i - 1].Folded is "so" or "keo" or "lo" or "ngai")
                && !Enumerable.Range(Math.Max(0, i - 3), Math.Min(3, i)).Any(k => _words[k].Folded == "ca" && !Enumerable.Range(k, i - k).Any(EndsClause)))
            {
                return true;
            }
        }

        return false;
    }

    private bool Any(string[] phrases)
    {
        for (var i = 0; i < _words.Count; i++)
        {
            if (phrases.Any(p => Mentions.Matches(_words, i, p) > 0))
            {
                return true;
            }
        }

        return false;
    }
}
