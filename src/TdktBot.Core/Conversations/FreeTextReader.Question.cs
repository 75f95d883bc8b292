using System.Globalization;

namespace TdktBot.Core.Conversations;

// The parts of a question, or of what a report or an undo is about: whose items, which, when, in what state, and
// what the writer wants to know of them. Read from the cues Tag and Observe left.
internal sealed partial class FreeTextReader
{
    // "quá hạn", "trễ hạn": past the due date and not done.
    private static readonly string[] OverdueWords = ["qua han", "tre han", "bi tre", "tre", "het han", "cham nop", "nop cham", "no dong"];

    private static readonly string[] DaysLeftWords = ["may ngay", "bao nhieu ngay", "con bao lau", "bao lau nua", "dem nguoc"];

    private static readonly string[] WhenWords =
        ["khi nao", "bao gio", "luc nao", "ngay nao", "hom nao", "ngay may", "thoi han", "han chot", "han cuoi", "deadline", "tu bao gio"];

    private static readonly string[] WhatWords = ["la gi", "la cai gi", "noi dung", "yeu cau gi", "cu the", "gom nhung gi", "la viec gi", "nghia la"];

    private static readonly string[] EveryUnitWords =
        ["cac don vi", "nhung don vi", "cac co quan", "tat ca don vi", "tat ca cac don vi", "toan xa", "moi don vi", "cac noi"];

    private static readonly string[] SubmittedWords = ["da nop", "nop roi", "da gui", "gui roi", "da xong", "xong roi", "da hoan thanh", "da lam"];

    private static readonly string[] AcceptedWords = ["duoc duyet", "da duyet", "duoc tiep nhan", "da tiep nhan", "duoc chap nhan"];

    private static readonly string[] ReturnedWords = ["bi tra lai", "bi tra ve", "tra lai", "bi tra"];

    private Question Compose(IntentKind kind)
    {
        var numbers = _targets.ToList();
        var (itemWords, periodInWords) = ItemWords();
        var named = numbers.Count > 0 || itemWords is not null;
        var period = _periods.Where(p => p.Named).OrderByDescending(p => p.Kind != PeriodKind.Year).FirstOrDefault()
                     ?? _periods.FirstOrDefault(p => p.Kind is PeriodKind.Quarter or PeriodKind.Month or PeriodKind.Week);
        var form = FormOf(named);
        return new Question
        {
            Who = Has(Cue.Who) || Any(EveryUnitWords) ? WhoKind.All : WhoKind.Self,
            Numbers = numbers,
            ItemWords = itemWords,
            Period = kind == IntentKind.Ask ? period?.ToMention() : null,
            PeriodNamesItem = periodInWords,
            Status = kind == IntentKind.Ask ? StatusOf(form, named) : StatusFilter.All,
            Form = kind == IntentKind.Ask ? form : AnswerForm.List,
        };
    }

    private AnswerForm FormOf(bool named)
    {
        if (Has(Cue.Who))
        {
            return AnswerForm.WhoOwes;
        }

        if (Any(DaysLeftWords))
        {
            return AnswerForm.DaysLeft;
        }

        if (named && StatusQuestion)
        {
            return AnswerForm.State;
        }

        if (Any(WhenWords) || (named && Has(Cue.DeadlineWord) && Asked))
        {
            return AnswerForm.When;
        }

        return named && (Any(WhatWords) || (Asked && Has(Cue.Act) && _words.Any(w => w.Folded == "gi"))) ? AnswerForm.What : AnswerForm.List;
    }

    private StatusFilter StatusOf(AnswerForm form, bool named)
    {
        if (Any(OverdueWords))
        {
            return StatusFilter.Overdue;
        }

        if (Asked && Any(ReturnedWords))
        {
            return StatusFilter.Returned;
        }

        if (Asked && Any(AcceptedWords))
        {
            return StatusFilter.Accepted;
        }

        // One item's date, days or content is the item whatever its state; whether it is done is the question itself.
        if (named && form is AnswerForm.When or AnswerForm.DaysLeft or AnswerForm.What or AnswerForm.State)
        {
            return StatusFilter.All;
        }

        if (Asked && !Negated && !StatusQuestion && Any(SubmittedWords) && !Has(Cue.Still) && !Has(Cue.Must))
        {
            return StatusFilter.Submitted;
        }

        var owed = Has(Cue.Owe) || Negated || Has(Cue.Still) || Has(Cue.Must) || StatusQuestion
                   || form == AnswerForm.WhoOwes || (Submits && Asked) || (Has(Cue.Act) && Asked);
        return owed ? StatusFilter.Pending : StatusFilter.All;
    }

    // The plain words that may describe items, as written: every run of words no cue claimed (periods and the plan
    // included, "báo cáo sơ kết 6 tháng đầu năm"), and whether a period stands inside such a run.
    private (string? Words, bool PeriodInWords) ItemWords()
    {
        var runs = new List<string>();
        var periodInWords = false;
        for (var i = 0; i < _words.Count; i++)
        {
            if (!Describes(_cues[i]))
            {
                continue;
            }

            var first = i;
            while (i + 1 < _words.Count && Describes(_cues[i + 1]))
            {
                i++;
            }

            var span = Enumerable.Range(first, i - first + 1).ToList();
            var plain = span.Where(k => _cues[k] is Cue.None or Cue.TaskWord && !_words[k].IsNumber).ToList();
            if (plain.Count == 0 || plain.All(k => _cues[k] == Cue.TaskWord))
            {
                continue;
            }

            periodInWords |= span.Any(k => _cues[k] == Cue.Period);
            runs.Add(MessageWords.Span(_text, _words, first, i));
        }

        return (runs.Count == 0 ? null : string.Join(" ", runs), periodInWords);
    }

    private static bool Describes(Cue cue) => cue is Cue.None or Cue.Plan or Cue.Year or Cue.Period or Cue.TaskWord;

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
