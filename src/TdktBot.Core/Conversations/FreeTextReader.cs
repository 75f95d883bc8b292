namespace TdktBot.Core.Conversations;

// Reads a message written in ordinary words. Words become cues (a period, a target, "đã", "chưa",
// "ai", "nộp"...), and each intent is scored from how its cues combine, so "chưa nộp" from "tôi"
// asks what is owed while "ai chưa nộp" asks about the others, and word order or fillers matter
// little. Close scores are reported as choices rather than guessed.
internal sealed class FreeTextReader
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
        IntentKind.Undo, IntentKind.Confirm, IntentKind.WhoHasNotSubmitted, IntentKind.MyPending, IntentKind.Accept,
        IntentKind.Return, IntentKind.Invite, IntentKind.Broadcast, IntentKind.Quarter, IntentKind.Week, IntentKind.Month,
        IntentKind.NextDeadlines, IntentKind.WholePlan, IntentKind.Members, IntentKind.Help, IntentKind.Start,
        IntentKind.Greeting,
    ];

    private static readonly IntentKind[] Lookups =
        [IntentKind.Quarter, IntentKind.Month, IntentKind.Week, IntentKind.NextDeadlines, IntentKind.WholePlan];

    private readonly string _text;
    private readonly List<Word> _words;
    private readonly Cue[] _cues;
    private readonly List<Period> _periods = [];
    private readonly Dictionary<IntentKind, double> _scores = [];
    private string? _target;

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

    private bool Perfective { get; set; }

    // "không hủy", "chưa hủy": not a request to undo.
    private bool NegatedUndo { get; set; }

    // "đã nộp chưa?": whether something was submitted.
    private bool StatusQuestion { get; set; }

    private bool Submits => Has(Cue.Submit) || Has(Cue.Done);

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

    private void Tag()
    {
        for (var i = 0; i < _words.Count; i++)
        {
            if (Mentions.PeriodAt(_words, i) is { } period)
            {
                // A period may claim the word before it ("3 tháng tới", "trong tuần"), even if tagged.
                Claim(period.First, period.Last, Cue.Period);
                _periods.Add(period);
                i = period.Last;
                continue;
            }

            if (Mentions.TargetAt(_words, i) is var (target, last))
            {
                _target ??= target;
                Claim(i, last, Cue.Target);
                i = last;
                continue;
            }

            if (Lexicon.LongestPhraseAt(_words, i) is var (length, cue))
            {
                Claim(i, i + length - 1, cue);
                i += length - 1;
            }
        }

        // "Phát động phong trào thi đua" is also a task's name; only at the start is it a request to broadcast.
        if (_cues[Next(-1)] != Cue.Broadcast)
        {
            _cues.AsSpan().Replace(Cue.Broadcast, Cue.None);
        }

        // "nộp 3", "xong 3 rồi", "ai chưa nộp 2": a bare number right after the verb is what was done.
        for (var i = 0; i < _words.Count && _target is null; i++)
        {
            if (_cues[i] == Cue.None && _words[i].Number is >= 1 and <= 999 and var n && !Mentions.IsQuantity(_words, i)
                && Previous(i) is >= 0 and var before && _cues[before] is Cue.Submit or Cue.Done or Cue.Undo or Cue.Mistake)
            {
                _target = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                _cues[i] = Cue.Target;
            }
        }
    }

    private void Observe()
    {
        var last = Previous(_words.Count);

        // "đã nộp chưa", "xong không": a trailing negation turns a statement into a question.
        var trailingNegation = last > 0 && _cues[last] == Cue.Negation
                               && Enumerable.Range(0, last).Any(i => _cues[i] is not (Cue.Filler or Cue.Negation));
        Asked = _text.Contains('?', StringComparison.Ordinal) || Has(Cue.Question) || Has(Cue.HowTo) || Has(Cue.Manner)
                || trailingNegation;

        for (var i = 0; i < _words.Count; i++)
        {
            if (_cues[i] == Cue.Negation && NextAction(i) is >= 0 and var action)
            {
                // "không nộp được" is a problem to help with, not a list of what is owed.
                if (Enumerable.Range(action + 1, 3).Any(k => k < _words.Count && _cues[k] == Cue.Able))
                {
                    Cannot = true;
                }
                else
                {
                    Negated = true;
                }
            }

            if (_cues[i] == Cue.Undo && Previous(i) is >= 0 and var before && _cues[before] == Cue.Negation)
            {
                NegatedUndo = true;
            }

            if (_cues[i] == Cue.Perfect && NextAction(i) >= 0)
            {
                Perfective = true;
            }
        }

        Perfective |= Has(Cue.Already);
        StatusQuestion = trailingNegation && Submits && !Has(Cue.Question) && !Has(Cue.Must);
    }

    private void Score()
    {
        var namedPeriod = _periods.Any(p => p.Named);
        var namedScope = namedPeriod || Has(Cue.Year);

        // A bare "nộp" could be a report, a question about one's own work or about the others.
        var bare = Submits && !Perfective && _target is null && !Asked && !Negated
                   && _cues.All(c => c is Cue.Filler or Cue.Submit or Cue.Self);

        if ((Has(Cue.Undo) && !NegatedUndo) || Has(Cue.Mistake))
        {
            Raise(IntentKind.Undo, (Has(Cue.Undo) ? 5 : 4.5) + (_target is null ? 0 : 0.5));
        }

        if (Submits && !Negated && !Cannot)
        {
            var score = (Has(Cue.Done) ? 2.5 : 2) + (Perfective ? 2 : 0) + (_target is null ? 0 : 1.5);
            score -= Asked ? (StatusQuestion ? 4 : 3) : 0;
            score -= Has(Cue.Owe) || Has(Cue.Must) || Has(Cue.Who) || Has(Cue.Still) || Has(Cue.Plural) ? 2 : 0;
            score -= Has(Cue.Undo) || Has(Cue.Mistake) ? 2 : 0;
            Raise(IntentKind.Confirm, score);
        }
        else if (Has(Cue.Perfect) && Has(Cue.Already) && !Asked && !Has(Cue.Negation))
        {
            // "đã đăng ký thi đua rồi": finished, whatever the verb.
            Raise(IntentKind.Confirm, 2.5);
        }

        var aboutOthers = Has(Cue.Who) || Has(Cue.Plural);
        var mine = aboutOthers ? -ScopeDemotion : 0;
        if (Has(Cue.Owe))
        {
            Raise(IntentKind.MyPending, 3.5 + (Has(Cue.Self) || Has(Cue.Still) ? 1 : 0) + mine);
        }

        if (Negated)
        {
            Raise(IntentKind.MyPending, 3 + (Has(Cue.Self) || Asked || Has(Cue.Still) ? 1 : 0) + mine);
        }

        // "còn gì không", "còn việc nào": what is left; "còn bao nhiêu" alone may be about anything.
        if (StatusQuestion || (Has(Cue.Still) && Asked && (_words.Any(w => w.Folded == "gi") || Has(Cue.TaskWord) || Submits || Has(Cue.Act))))
        {
            Raise(IntentKind.MyPending, 3.5 + mine);
        }

        // "phải làm gì", "bên em có việc gì": what to do, which a named period answers better.
        if (Asked && (Has(Cue.Must) || Has(Cue.Self) || Has(Cue.TaskWord)) && (Submits || Has(Cue.Act) || Has(Cue.TaskWord)))
        {
            Raise(IntentKind.MyPending, (namedScope ? 1.5 : 3) + mine);
        }

        var status = Negated || Has(Cue.Owe) || Submits || Has(Cue.Still) || StatusQuestion;
        if (Has(Cue.Who) && status)
        {
            Raise(IntentKind.WhoHasNotSubmitted, 5.5);
        }
        else if (Has(Cue.Plural) && (Negated || Has(Cue.Owe) || StatusQuestion))
        {
            Raise(IntentKind.WhoHasNotSubmitted, 5);
        }
        else if (Has(Cue.Plural) && Submits)
        {
            Raise(IntentKind.WhoHasNotSubmitted, 3);
        }
        else if (Has(Cue.Who))
        {
            Raise(IntentKind.WhoHasNotSubmitted, 2);
        }

        if (bare)
        {
            Raise(IntentKind.MyPending, 1.5);
            Raise(IntentKind.WhoHasNotSubmitted, 1.5);
        }

        ScoreLookups(namedPeriod);
        ScoreOfficeAndSmallTalk();
    }

    private void ScoreLookups(bool namedPeriod)
    {
        foreach (var period in _periods)
        {
            var kind = period.Kind switch
            {
                PeriodKind.Quarter => IntentKind.Quarter,
                PeriodKind.Month => IntentKind.Month,
                PeriodKind.Week => IntentKind.Week,
                PeriodKind.Ahead => IntentKind.NextDeadlines,
                _ => IntentKind.WholePlan,
            };
            Raise(kind, period.Named ? 4 : 3);
        }

        if (Has(Cue.Soon))
        {
            Raise(IntentKind.NextDeadlines, 4);
        }

        if (Has(Cue.DeadlineWord) && Asked && !namedPeriod)
        {
            Raise(IntentKind.NextDeadlines, 3);
        }

        // "quý 4 năm nay", "kế hoạch quý 2": the year or the plan only places the quarter.
        var smaller = _periods.Any(p => p.Named && p.Kind is PeriodKind.Quarter or PeriodKind.Month or PeriodKind.Week);
        if (Has(Cue.Year))
        {
            Raise(IntentKind.WholePlan, (Has(Cue.Plan) ? 4.5 : 4) - (smaller ? ScopeDemotion : 0));
        }
        else if (Has(Cue.Plan) && !Submits && !smaller && !Has(Cue.DeadlineWord) && !Has(Cue.Soon))
        {
            // "xem kế hoạch" is the plan; in "hạn nộp kế hoạch" the plan is what is due.
            Raise(IntentKind.WholePlan, 3);
        }

        // A period beside a status question is its scope, not the question.
        var statusScore = new[] { IntentKind.Confirm, IntentKind.Undo, IntentKind.MyPending, IntentKind.WhoHasNotSubmitted }
            .Max(k => _scores.GetValueOrDefault(k));
        if (statusScore >= 3.5)
        {
            foreach (var kind in Lookups.Where(_scores.ContainsKey))
            {
                _scores[kind] -= ScopeDemotion;
            }
        }
    }

    private void ScoreOfficeAndSmallTalk()
    {
        if (Has(Cue.HowTo) || (Has(Cue.Manner) && (Submits || Has(Cue.Act)) && !Perfective))
        {
            Raise(IntentKind.Help, 4);
        }

        if (Has(Cue.StrongHelp) || Cannot)
        {
            Raise(IntentKind.Help, 3.5);
        }

        if (Has(Cue.Help))
        {
            Raise(IntentKind.Help, 2);
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
        if (Has(Cue.Accept))
        {
            Raise(IntentKind.Accept, _cues[Next(-1)] == Cue.Accept ? 6 : 4.5);
        }

        if (Has(Cue.Return))
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
            Raise(IntentKind.Broadcast, 4.5);
        }

        if (Has(Cue.Start))
        {
            Raise(IntentKind.Start, 2.5);
        }
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
            return new Intent(IntentKind.Unknown);
        }

        var best = ranked[0];
        var choices = ranked.Where(s => s.Value >= best.Value - Margin).Take(3).Select(s => s.Key).ToList();
        return Arguments(best.Key) with { Choices = choices.Count > 1 ? choices : [] };
    }

    private Intent Arguments(IntentKind kind)
    {
        var period = kind switch
        {
            IntentKind.Quarter => PeriodOf(PeriodKind.Quarter),
            IntentKind.Month => PeriodOf(PeriodKind.Month),
            IntentKind.Week => PeriodOf(PeriodKind.Week),
            _ => null,
        };
        var intent = new Intent(kind)
        {
            // A quarter also scopes other questions: "ai còn nợ báo cáo quý 1".
            Quarter = PeriodOf(PeriodKind.Quarter)?.Number,
            MonthOfYear = period is { Kind: PeriodKind.Month } ? period.Number : null,
            Offset = period?.Offset ?? 0,
            BadArgument = period?.Bad,
            Target = _target,
        };

        switch (kind)
        {
            case IntentKind.Confirm or IntentKind.Undo or IntentKind.WhoHasNotSubmitted when _target is null:
                return intent with { TargetHint = Hint(kind) };
            case IntentKind.Accept or IntentKind.Return or IntentKind.Invite or IntentKind.Broadcast:
                var read = CommandArguments.Read(kind, OfficeArguments(kind));
                return intent with
                {
                    Unit = read.Unit,
                    Target = read.Target ?? intent.Target,
                    Text = read.Text,
                    Role = read.Role,
                    Group = read.Group,
                };
            default:
                return intent;
        }
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

    // The words naming what was done when no number was given, as written: the run of plain words
    // after the verb ("đã gửi kế hoạch" → "kế hoạch"), else, for a report, the longest run ("Báo cáo
    // tổng kết đã nộp"). The office's question names it after the verb or not at all, since before
    // it stand the units ("Đơn vị nào đang trễ hạn").
    private string? Hint(IntentKind kind)
    {
        var runs = new List<(int First, int Last)>();
        for (var i = 0; i < _words.Count; i++)
        {
            if (_cues[i] is not (Cue.None or Cue.Plan or Cue.Year or Cue.Period))
            {
                continue;
            }

            var first = i;
            while (i + 1 < _words.Count && _cues[i + 1] is Cue.None or Cue.Plan or Cue.Year or Cue.Period)
            {
                i++;
            }

            // "2" in "đã nộp 2 bản" counts copies and "quý này" places the question; neither describes anything.
            if (Enumerable.Range(first, i - first + 1).Any(k => !_words[k].IsNumber && _cues[k] != Cue.Period))
            {
                runs.Add((first, i));
            }
        }

        var verb = Array.FindIndex(_cues, c => c is Cue.Submit or Cue.Done or Cue.Undo or Cue.Mistake or Cue.Owe);
        var afterVerb = runs.Where(r => verb >= 0 && r.First > verb).Take(1);
        var chosen = afterVerb.Concat(kind == IntentKind.WhoHasNotSubmitted ? [] : runs.OrderByDescending(r => r.Last - r.First).Take(1))
            .Select(r => ((int First, int Last)?)r)
            .FirstOrDefault();
        return chosen is var (from, to) ? MessageWords.Span(_text, _words, from, to) : null;
    }

    private Period? PeriodOf(PeriodKind kind) =>
        _periods.Where(p => p.Kind == kind).OrderByDescending(p => p.Named).FirstOrDefault();

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
            if (_cues[k] is Cue.Submit or Cue.Done or Cue.Act)
            {
                return k;
            }
        }

        return -1;
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

    private void Claim(int first, int last, Cue cue)
    {
        for (var k = first; k <= last; k++)
        {
            _cues[k] = cue;
        }
    }

    private void Raise(IntentKind kind, double score) => _scores[kind] = Math.Max(_scores.GetValueOrDefault(kind, double.MinValue), score);
}
