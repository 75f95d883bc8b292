using TdktBot.Core.Text;

namespace TdktBot.Core.Conversations;

// Reads a command's arguments ("/tralai Trạm Y tế 2 thiếu chữ ký"); free text that names an
// office action ("tiếp nhận Trạm Y tế nhiệm vụ 2") is read the same way from the words after it.
// Everything handed on keeps the user's own spelling.
internal static class CommandArguments
{
    // What separates arguments ("Trạm Y tế, mục 2 - thiếu chữ ký").
    private const string Punctuation = " \t\n,.:;-–—";

    // A unit may also come quoted or bracketed: /moi "Trạm Y tế".
    private const string AroundUnit = Punctuation + "()[]<>\"'«»";

    private static readonly (string Phrase, string Role)[] Roles =
    [
        ("truong don vi", "head"), ("thu truong", "head"), ("lanh dao", "head"), ("head", "head"), ("truong", "head"),
        ("can bo", "staff"), ("nhan vien", "staff"), ("chuyen vien", "staff"), ("cong chuc", "staff"),
        ("vien chuc", "staff"), ("staff", "staff"),
        ("theo doi", "office"), ("quan tri", "office"), ("admin", "office"), ("office", "office"),
    ];

    private static readonly string[] Tails =
        ["tham gia", "vao bot", "vao nhom", "dung bot", "su dung bot", "voi", "nhe", "nha", "a", "di", "giup", "giup toi"];

    // Openings of a notice that come before a colon but are not a group: "Thông báo: họp lúc 8:00".
    private static readonly string[] Headings =
    [
        "thong bao", "kinh gui", "luu y", "chu y", "noi dung", "ve viec", "vv", "khan", "quan trong", "nhac",
        "moi hop", "hop", "tieu de", "chu de", "thong tin", "de nghi", "tb", "can", "gap",
    ];

    // A menu command and what was written after it.
    public static Intent Read(BotCommand command, string args) =>
        command.Kind == IntentKind.Ask ? Ask(command, args.Trim()) : Read(command.Kind, args);

    public static Intent Read(IntentKind kind, string args)
    {
        args = args.Trim();
        return kind switch
        {
            IntentKind.Start => new Intent(kind) { Code = args.Length == 0 ? null : args.Split((char[])[' ', '\t', '\n'])[0] },
            IntentKind.Confirm or IntentKind.Undo => WithTarget(kind, args),
            IntentKind.Accept or IntentKind.Return => UnitAndTarget(kind, args),
            IntentKind.Invite => UnitAndRole(args),
            IntentKind.Broadcast => GroupAndText(args),
            IntentKind.Report or IntentKind.Files => new Intent(kind) { Text = args.Length == 0 ? null : args },
            _ => new Intent(kind),
        };
    }

    // The text after position end, without the punctuation that separated it.
    public static string Rest(string text, int end) => text[Math.Min(end, text.Length)..].TrimStart(Punctuation.ToCharArray()).TrimEnd();

    // The target as a task or deadline phrase or a bare number at words[i], with its last word.
    public static (string Target, int Last)? TargetOrNumberAt(IReadOnlyList<Word> words, int i) =>
        Mentions.TargetAt(words, i)
        ?? (i < words.Count && words[i].Number is >= 1 and <= 999 and var n && !Mentions.IsQuantity(words, i)
            ? (n.ToString(System.Globalization.CultureInfo.InvariantCulture), i)
            : null);

    // "/quy 2", "/thang 5", "/tuan sau", "/chuanop D1": the command's question, narrowed by its argument.
    private static Intent Ask(BotCommand command, string args)
    {
        var intent = new Intent(IntentKind.Ask) { Question = command.Asks ?? new Question() };
        if (args.Length == 0)
        {
            return intent;
        }

        if (command.Command == "chuanop")
        {
            return WhoHasNotSubmitted(intent, args);
        }

        if (command.Asks?.Period is not { Unit: PeriodUnit.Quarter or PeriodUnit.Month or PeriodUnit.Week } preset)
        {
            return intent;
        }

        var keyword = preset.Unit switch
        {
            PeriodUnit.Quarter => "quy",
            PeriodUnit.Month => "thang",
            _ => "tuan",
        };
        List<Word> words = [new Word(keyword, 0, 0), .. MessageWords.Read(args)];
        var period = Mentions.PeriodAt(words, 0);
        if (period is null || period.Last == 0 || period.Kind is not (PeriodKind.Quarter or PeriodKind.Month or PeriodKind.Week))
        {
            return intent with { BadArgument = args };
        }

        return intent with { Question = intent.Question with { Period = period.ToMention() }, BadArgument = period.Bad };
    }

    private static Intent WithTarget(IntentKind kind, string args)
    {
        var words = MessageWords.Read(args);
        if (words.Count > 0 && TargetOrNumberAt(words, 0) is var (target, last))
        {
            var note = Rest(args, words[last].End);
            return new Intent(kind) { Question = new Question { Numbers = [target] }, Text = IsOnlyParticles(note) ? null : note };
        }

        return new Intent(kind) { Question = new Question { ItemWords = IsOnlyParticles(args) ? null : args } };
    }

    // "/chuanop quý 1", "/chuanop D1", "/chuanop Trạm Y tế".
    private static Intent WhoHasNotSubmitted(Intent intent, string args)
    {
        var words = MessageWords.Read(args);
        if (words.Count == 0)
        {
            return intent;
        }

        if (Mentions.PeriodAt(words, 0) is { Kind: PeriodKind.Quarter, Named: true } quarter)
        {
            return intent with { Question = intent.Question with { Period = quarter.ToMention() }, BadArgument = quarter.Bad };
        }

        return TargetOrNumberAt(words, 0) is var (target, _)
            ? intent with { Question = intent.Question with { Numbers = [target] } }
            : intent with { Unit = TrimUnit(args) };
    }

    // "<đơn vị> <mục> [lý do]": the first target after at least one word ends the unit, unless a
    // number follows it, which means the number was part of the unit's name ("Tổ dân phố 5 2").
    private static Intent UnitAndTarget(IntentKind kind, string args)
    {
        var words = MessageWords.Read(args, int.MaxValue);
        for (var i = 1; i < words.Count; i++)
        {
            if (TargetOrNumberAt(words, i) is not var (target, last) || Mentions.NumberAt(words, last + 1) is not null)
            {
                continue;
            }

            var rest = Rest(args, words[last].End);
            var restWords = MessageWords.Read(rest);
            foreach (var lead in (string[])["ly do", "vi", "do"])
            {
                if (Mentions.Matches(restWords, 0, lead) is > 0 and var length)
                {
                    rest = Rest(rest, restWords[length - 1].End);
                    break;
                }
            }

            return new Intent(kind)
            {
                Unit = TrimUnit(args[..words[i].Start]),
                Target = target,
                Text = rest.Length == 0 ? null : rest,
            };
        }

        // "/tralai 2": the unit is missing, not called "2".
        return words.Count > 0 && TargetOrNumberAt(words, 0) is var (only, end) && end == words.Count - 1
            ? new Intent(kind) { Target = only }
            : new Intent(kind) { Unit = TrimUnit(args) };
    }

    private static Intent UnitAndRole(string args)
    {
        var words = MessageWords.Read(args, int.MaxValue);

        // "Mời Trạm Y tế tham gia nhé": what follows the unit is not part of its name.
        var trimmed = true;
        while (trimmed && words.Count > 1)
        {
            trimmed = false;
            foreach (var tail in Tails)
            {
                var length = tail.Split(' ').Length;
                if (words.Count > length && Mentions.Matches(words, words.Count - length, tail) > 0)
                {
                    args = args[..words[^length].Start].TrimEnd();
                    words.RemoveRange(words.Count - length, length);
                    trimmed = true;
                }
            }
        }

        foreach (var (phrase, role) in Roles)
        {
            var length = phrase.Split(' ').Length;
            var start = words.Count - length;
            if (start >= 0 && Mentions.Matches(words, start, phrase) > 0)
            {
                var unitEnd = Mentions.Matches(words, start - 2, "vai tro") > 0 ? words[start - 2].Start : words[start].Start;
                return new Intent(IntentKind.Invite) { Unit = TrimUnit(args[..unitEnd]), Role = role };
            }
        }

        return new Intent(IntentKind.Invite) { Unit = TrimUnit(args) };
    }

    // "[nhóm:] nội dung": what comes before the first colon is a group when it is short and not the
    // heading of the notice. The body keeps its line breaks.
    private static Intent GroupAndText(string args)
    {
        var colon = args.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var prefix = args[..colon].Trim();
            var folded = VietnameseText.Fold(prefix);
            var wordCount = MessageWords.Read(prefix).Count;
            if (!prefix.Contains('\n', StringComparison.Ordinal) && wordCount is >= 1 and <= 6 && !prefix.Any(char.IsAsciiDigit)
                && !Headings.Any(h => folded == h || folded.StartsWith(h + " ", StringComparison.Ordinal)))
            {
                var body = args[(colon + 1)..].Trim();
                return new Intent(IntentKind.Broadcast) { Group = prefix, Text = body.Any(char.IsLetterOrDigit) ? body : null };
            }
        }

        // A notice of nothing but punctuation is no notice; the engine asks for the content.
        return new Intent(IntentKind.Broadcast) { Text = args.Any(char.IsLetterOrDigit) ? args : null };
    }

    private static string? TrimUnit(string unit)
    {
        var trimmed = unit.Trim(AroundUnit.ToCharArray());
        return trimmed.Length == 0 ? null : trimmed;
    }

    // True for "rồi", "nhé ạ" and the like: nothing worth keeping as a note.
    private static bool IsOnlyParticles(string text)
    {
        var words = MessageWords.Read(text);
        return words.All(w => Lexicon.SingleWordCue(w.Folded) is Cue.Filler or Cue.Already or Cue.Perfect);
    }
}
