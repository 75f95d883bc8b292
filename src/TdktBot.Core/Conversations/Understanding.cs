using System.Globalization;
using System.Text.RegularExpressions;
using TdktBot.Core.Text;
using TdktBot.Core.Units;

namespace TdktBot.Core.Conversations;

/// <summary>
/// Who writes (their unit), on what day, with the plan's items and the unit directory; <see cref="Confirmations"/> holds
/// what the unit confirmed today and may still take back, newest first, the items of one message together: what an
/// undo without a number may mean.
/// </summary>
public sealed record Context(string Unit, DateOnly Today, IReadOnlyList<PlanItem> Items, UnitDirectory? Directory)
{
    public IReadOnlyList<IReadOnlyList<string>> Confirmations { get; init; } = [];

    public IReadOnlyList<string> Confirmed => Confirmations.SelectMany(c => c).Distinct().ToList();

    /// <summary>
    /// The question the chat asked last, then each follow-up it had since ("quý sau thì sao"), oldest first: what a
    /// follow-up reads on from (<see cref="FollowUps"/>). Empty when nothing was asked lately.
    /// </summary>
    public IReadOnlyList<string> Earlier { get; init; } = [];

    /// <summary>The writer may ask about every unit (the office): an item it does not owe itself is asked about for them.</summary>
    public bool SeesAll { get; init; }

    /// <summary>
    /// The chat asked something after the latest of <see cref="Confirmations"/>: «cái vừa rồi nhầm» may mean that question,
    /// so an undo that names nothing asks which instead of taking the report back.
    /// </summary>
    public bool AskedSinceLatest { get; init; }
}

/// <summary>
/// A message's reading settled against the plan and the unit directory: whose items (the writer's unit, a named unit,
/// a group, or all), which items, over which days, in what state, and in what form the answer should come.
/// </summary>
public sealed record Reading(Intent Intent)
{
    /// <summary>A unit other than the writer's, named in the message (its full name).</summary>
    public string? OtherUnit { get; init; }

    /// <summary>A group named in the message.</summary>
    public UnitGroup? Group { get; init; }

    public bool AllUnits { get; init; }

    /// <summary>Asked only what or when something is that the plan never speaks of ("lịch tiêm phòng dại ngày nào").</summary>
    public bool Unrelated { get; init; }

    public bool IsSelf => OtherUnit is null && Group is null && !AllUnits;

    /// <summary>The writer asked about their own unit in so many words ("đơn vị em", "trường mình", its name): only its items.</summary>
    public bool Mine { get; init; }

    /// <summary>The items meant, by number as printed.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>
    /// A report or an undo that does not say clearly which item: words that fit several or none, or a number the plan
    /// does not have. <see cref="Choices"/> holds the items that fit; nothing may change until the person picks one.
    /// </summary>
    public bool Unclear { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>
    /// A report or an undo the bot answers by asking which item: it offers <see cref="Choices"/>, or, when a report fits
    /// none, what the unit owes.
    /// </summary>
    public bool AsksWhich => Intent.Kind is IntentKind.Confirm or IntentKind.Undo && (Unclear || (Intent.Kind == IntentKind.Confirm && Items.Count == 0));

    public DateSpan? Period { get; init; }

    public StatusFilter Status { get; init; }

    public AnswerForm Form { get; init; }
}

/// <summary>Settles a parsed message against the plan and the directory: the step after <see cref="IntentParser"/>.</summary>
public static partial class Understanding
{
    // How much of a description an item must carry, and how far ahead of the next it must be, to be the one meant:
    // a question may list the few that fit; an action needs one clear fit, or it asks.
    private const double AskCoverage = 0.45;
    private const double AskClose = 0.85;
    private const double ActCoverage = 0.75;
    private const double ActClose = 0.6;
    private const double ActRival = 0.35;

    public static Reading Read(string text, Context context) => Resolve(IntentParser.Parse(text), text, context);

    public static Reading Resolve(Intent intent, string text, Context context)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(context);
        var reading = AfterReport(intent, text, context) ?? ReceivedFrom(intent, text, context) ?? OfEveryone(AfterAsking(Settle(intent, text, context), intent, text, context), context);
        return reading.Intent.Kind == IntentKind.Undo ? Keeping(reading, text, context) : reading;
    }

    // "…, bỏ cái đó ra giúp, D1 thì đúng rồi": whatever else the takeback was read to mean, what it says stays is not taken
    // back; with nothing else named, the bot asks which.
    private static Reading Keeping(Reading reading, string text, Context context)
    {
        var kept = IntentParser.KeptItems(text);
        if (kept.Count == 0 || !reading.Items.Intersect(kept, StringComparer.Ordinal).Any())
        {
            return reading;
        }

        var rest = reading.Items.Except(kept, StringComparer.Ordinal).ToList();
        return rest.Count > 0 ? reading with { Items = rest }
            : reading with { Items = [], Unclear = true, Choices = [.. context.Confirmed.Except(kept, StringComparer.Ordinal)] };
    }

    /// <summary>
    /// The office's word that it received a unit's papers ("Đã nhận KH thi đua năm 2026 của hội nd", "mình nhận được hồ sơ
    /// khen thưởng của trường c2 rồi"), read as that unit's report; null when the message is no such word. Only a unit
    /// named after "của", and no question ("đã nhận … của hội nd chưa").
    /// </summary>
    public static Reading? ReceivedFrom(Intent intent, string text, Context context)
    {
        var folded = VietnameseText.Fold(text);
        if (!context.SeesAll || intent.Kind is IntentKind.Confirm or IntentKind.Undo || text.Contains('?', StringComparison.Ordinal)
            || !ReceivedOf().IsMatch(folded) || NotYetOrAsked().IsMatch(folded))
        {
            return null;
        }

        // Read as the unit's own word would be: "đã nộp kế hoạch … của hội nd, bản giấy, có kèm danh sách …".
        var sent = ReceivedVerb().Replace(text, "nộp", 1);
        if (IntentParser.Parse(sent) is not { Kind: IntentKind.Confirm, IsAmbiguous: false } said)
        {
            return null;
        }

        var report = Settle(said, sent, context);
        return report is { OtherUnit: not null, Group: null, AllUnits: false } && report.Items.Count + report.Choices.Count > 0 ? report : null;
    }

    [GeneratedRegex(@"\b(?:nhận|nhan)(?:\s+(?:được|duoc|dc))?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReceivedVerb();

    // (Folded) received, then the thing and whose it is: "đã nhận …", "nhận được …", "mình nhận …", then "của".
    [GeneratedRegex(@"\b(?:(?:da|vua|moi|minh|em|e|phong)\s+nhan|nhan\s+duoc)\b.*\bcua\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReceivedOf();

    // (Folded) "chưa", or a question's word at the end.
    [GeneratedRegex(@"\bchua\b|\b(?:khong|ko|k|hay|sao|a|ha|nhi)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NotYetOrAsked();

    /// <summary>
    /// What a message that reads on from a report made today means, or null when it does not read so:
    /// <list type="bullet">
    /// <item>not yet, said of what was reported, takes it back: "ấy chưa, mới lên kế hoạch tổng kết thôi", "cái vừa rồi
    /// chưa đâu, còn đang sửa", "à kế hoạch năm học mới chưa gửi đâu, mới có hồ sơ thôi";</item>
    /// <item>items added to it by number are reported too: "với cả nv 13 nữa", "thêm D1 nữa nhé".</item>
    /// </list>
    /// </summary>
    public static Reading? AfterReport(Intent intent, string text, Context context)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(context);
        return context.Confirmations.Count == 0 || text.Contains('?', StringComparison.Ordinal) ? null
            : TakenBack(intent, text, context) is { } back ? Keeping(back, text, context) : AlsoDone(intent, text, context);
    }

    // "với cả nv 13 nữa", "thêm D1 nữa nhé": nothing but items by number and "nữa", after a report.
    private static Reading? AlsoDone(Intent intent, string text, Context context)
    {
        var added = AlsoOpening().Replace(text, string.Empty);
        if (intent.Kind != IntentKind.Unknown || !AlsoMore().IsMatch(VietnameseText.Fold(added))
            || FreeTextReader.AsQuestion(added) is not { Question: { Numbers.Count: > 0, ItemWords: null } question } asked)
        {
            return null;
        }

        return Settle(asked with { Kind = IntentKind.Confirm, Question = question }, text, context);
    }

    // What opens an addition: "với cả", "và", "thêm", "cả".
    [GeneratedRegex(@"^\s*(?:(?:và|va|với|voi|thêm|them)\s+)?(?:cả|ca)\s+|^\s*(?:và|va|với|voi|thêm|them)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlsoOpening();

    // (Folded, after its opening) what is added: "… nữa (nhé|nha|ạ|luôn)"; "còn nv 13 nữa" is what is left, not what was added.
    [GeneratedRegex(@"^(?!con\b)\S.*\bnua(?:\s+(?:nhe|nha|a|luon|roi|r|do|day))*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AlsoMore();

    // The undo meant by a message that says not yet done of what was reported today. Only the clause that says not yet is
    // read, as an undo of the same words would be; what it names must be among what was confirmed today, else the message
    // is read as it is ("kế hoạch thì chưa gửi đâu" of a plan never reported).
    private static Reading? TakenBack(Intent intent, string text, Context context)
    {
        var clauses = ClauseEnds().Split(text);
        if (!(intent.Kind is IntentKind.Later or IntentKind.Unknown or IntentKind.Ask || (intent.IsAmbiguous && intent.Choices.Contains(IntentKind.Undo)))
            || clauses.FirstOrDefault(c => VietnameseText.Fold(c) is var folded && (NotYetDone().IsMatch(folded) || OnlyNotYet().IsMatch(folded))) is not { } clause
            || (intent.Kind == IntentKind.Ask && !OnlyNotYet().IsMatch(VietnameseText.Fold(clauses[0]))))
        {
            return null;
        }

        // The clause's own words, read as a question would be when it is no report of its own ("cái vừa rồi chưa đâu").
        var parsed = IntentParser.Parse(clause);
        var undo = parsed with { Kind = IntentKind.Undo, Question = parsed.Kind is IntentKind.Undo or IntentKind.Confirm ? parsed.Question : FreeTextReader.AsQuestion(clause).Question };
        var reading = Settle(undo, clause, context);
        var confirmed = context.Confirmed;
        return reading.Unclear
            ? reading.Choices.Count > 0 && reading.Choices.All(confirmed.Contains) ? reading : null
            : reading.Items.Count > 0 && reading.Items.All(confirmed.Contains) ? reading : null;
    }

    // Not done yet (folded): "chưa gửi", "chưa nộp đâu", "chưa xong", "chưa ký", "chưa đâu", "còn đang sửa", or a clause of
    // its own that says only that (below).
    [GeneratedRegex(@"\bchua\s+(?:gui|nop|xong|lam|ky|duyet|hoan thanh|dau)\b|\bcon dang\s+(?:sua|lam|soan|hoan thien|chinh)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotYetDone();

    // A clause that only says not yet ("ấy chưa", "chưa đâu"): opening a message, no question of whether something is done.
    [GeneratedRegex(@"^\s*(?:(?:a|ay|o|oi|ui|u|ah|chet)\s+)*(?:nham\s+)?chua(?:\s+dau)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OnlyNotYet();

    [GeneratedRegex(@"[,.;!]")]
    private static partial Regex ClauseEnds();

    /// <summary>
    /// The reading of <paramref name="text"/> as the answer typed to the bot's own question of which item a report or an
    /// undo meant: "đi dự hội nghị tổng kết rồi", asked back, then "hội nghị của tỉnh ở thành phố Lạng Sơn ấy". The chat's
    /// last message (<see cref="Context.Earlier"/>) is that report, read again as it was; the answer names, by number, by
    /// its words or by when it falls due ("cái quý 3 ấy"), exactly one of the items the bot offered (or, when it offered
    /// none by name, of the unit's own), and asks nothing of its own. Null when it is not such an answer: the message is
    /// then read on its own.
    /// </summary>
    public static Reading? Answer(Intent intent, string text, Context context)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(context);
        // A command ("/nop 13", a button pressed) says what it means; a report answers only a report's question.
        if (context.Earlier is not [var said] || IntentParser.Parse(said) is not { Kind: IntentKind.Confirm or IntentKind.Undo, IsAmbiguous: false } reported
            || MessageWords.Read(text).Count > AnswerWords || text.Contains('?', StringComparison.Ordinal) || text.TrimStart().StartsWith('/')
            || intent.Kind is not (IntentKind.Unknown or IntentKind.Confirm or IntentKind.Ask) || intent.IsAmbiguous
            || (intent.Kind == IntentKind.Confirm && reported.Kind != IntentKind.Confirm)
            || (intent.Kind == IntentKind.Ask && (intent.Question.Status != StatusFilter.All || intent.Question.Form != AnswerForm.List)))
        {
            return null;
        }

        var offered = Resolve(reported, said, context with { Earlier = [] });
        if (!offered.AsksWhich)
        {
            return null;
        }

        // What the bot offered: the items that fit and the unit owes, or, when none does, all it owes.
        var owner = offered.OtherUnit ?? context.Unit;
        // "của ubnd, năm 2026": an answer that names another unit says whose it is, which no choice offered was.
        if (context.Directory is { } directory && UnitMentions.Find(text, directory, context.Unit, context.Items).Units.Any(u => u.Name != owner))
        {
            return null;
        }

        // (An undo takes back only what was confirmed.)
        var own = context.Items.Where(i => i.Units.Contains(owner) && (reported.Kind == IntentKind.Confirm || context.Confirmed.Contains(i.Number))).ToList();
        var choices = own.Where(i => offered.Choices.Contains(i.Number)).ToList() is { Count: > 0 } fit ? fit : own;
        // "cả 2 ạ", "cả hai", "tất cả": every item the bot offered, when it offered some and the count said is theirs.
        if (offered.Choices.Count > 0 && EveryOffered().Match(VietnameseText.Fold(text)) is { Success: true } every
            && (!every.Groups["n"].Success || (every.Groups["n"].Value is "2" or "hai" ? 2 : 3) == choices.Count))
        {
            return offered with { Unclear = false, Choices = [], Items = [.. choices.Select(i => i.Number)] };
        }

        var question = intent.Kind == IntentKind.Unknown ? FreeTextReader.AsQuestion(text).Question : intent.Question;
        // "cái quý 3 ấy", "cái tháng 6": a quarter or a month named, and nothing asked of it, picks among the choices by when
        // each falls due.
        var year = AnswerYear().Match(VietnameseText.Fold(text));
        var when = question.Period is { Number: not null } named && !year.Success && !Asking().IsMatch(VietnameseText.Fold(text)) ? named.Resolve(context.Today) : (DateSpan?)null;
        if (when is { } span)
        {
            choices = [.. choices.Where(i => span.Contains(i.Due))];
        }

        var picked = question.Numbers.Count > 0
            ? choices.Where(i => question.Numbers.Contains(i.Number)).ToList() is { Count: 1 } numbered && question.Numbers.Count == 1 ? numbered : []
            // "năm 2025 ạ": the one offered that names that year, not a school year running from it ("2025 - 2026").
            : year.Success
                ? [.. choices.Where(i => Regex.IsMatch(VietnameseText.Fold(i.Content), $@"\b{year.Groups["y"].Value}\b(?!\W*20\d\d)", RegexOptions.CultureInvariant))]
            : question.ItemWords is { } words && ItemMatcher.Match(words, choices, context.Items, ActCoverage, ActClose, ActRival) is { Items.Count: > 0 } fits
                ? fits is { Clear: true, Items: [var one] } ? [one] : []
            : when is not null ? choices : [];
        return picked is [var item] ? offered with { Unclear = false, Choices = [], Items = [item.Number] } : null;
    }

    // (Folded) an answer that is only a year: "năm 2025 ạ", "2025 nhé".
    [GeneratedRegex(@"^\s*(?:(?:cai|da|vang)\s+)*(?:nam\s+)?(?<y>20\d\d)(?:\s+(?:a|nhe|nha|ay|do|chi|em|anh))*\s*[.!]*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AnswerYear();

    // (Folded) "cả 2 ạ", "cả hai cái", "tất cả nhé", "cả 2 đều nộp rồi": all of them, and no more.
    [GeneratedRegex(@"^\s*(?:(?:da|vang|u|uh|ok|oke)\s+)*(?:ca\s+(?<n>2|3|hai|ba)(?:\s+(?:cai|viec|muc))?|tat ca)(?:\s+(?:deu|a|nhe|nha|luon|roi|r|em|chi|anh|bot|nop|gui|xong))*\s*[.!]*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex EveryOffered();

    // What asks something (folded): "gì", "nào", "không", "chưa", "bao giờ", "mấy", "bao nhiêu", "sao", "thế nào".
    [GeneratedRegex(@"\b(?:gi|j|nao|khong|ko|chua|bao gio|may|bao nhieu|sao|the nao)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Asking();

    // An answer to the bot's question is short: a longer message says something of its own.
    private const int AnswerWords = 15;

    // "hạn nộp D1 là ngày nào", then "ok em nộp r nha": a report that does not say what, shortly after a question about the
    // unit's own items, is about those; one of them is what it reports, several are what it asks among. Words that fit
    // several items pick among those asked about ("ok, phát động rồi nhé" after asking about the launch); words of the plan
    // that fit none ("gửi báo cáo tháng 2 rồi") say it is something else.
    private static Reading AfterAsking(Reading reading, Intent intent, string text, Context context)
    {
        if (intent.Kind != IntentKind.Confirm || (reading.Items.Count > 0 && !reading.Unclear) || !reading.IsSelf || intent.Question.Numbers.Count > 0 || context.Earlier.Count == 0
            || (reading.Choices.Count == 0 && intent.Question.ItemWords is { } words
                && ItemMatcher.Known(context.Directory is { } directory ? UnitMentions.Find(text, directory, context.Unit, context.Items).Without(words) : words, context.Items) > 0)
            || FollowUps.AskedItems(context) is not { Count: > 0 } asked)
        {
            return reading;
        }

        var own = asked.Where(n => context.Items.Any(i => i.Number == n && i.Units.Contains(context.Unit))).ToList();
        var fit = reading.Choices.Count == 0 ? own : own.Intersect(reading.Choices, StringComparer.Ordinal).ToList();
        return fit.Count switch
        {
            1 => reading with { Unclear = false, Items = fit, Choices = [] },
            > 1 => reading with { Choices = fit },
            _ => reading,
        };
    }

    // "còn D2?", "D2 xong chưa" from the office, which does not owe D2 itself: whether the units that owe it have done it,
    // so which of them still owe it.
    private static Reading OfEveryone(Reading reading, Context context) =>
        context.SeesAll && reading is { Intent.Kind: IntentKind.Ask, IsSelf: true, Mine: false, Items.Count: > 0, Period: null, Form: AnswerForm.List or AnswerForm.State }
                       && reading.Status is StatusFilter.Pending or StatusFilter.All
                       && context.Items.Where(i => reading.Items.Contains(i.Number)).ToList() is { Count: > 0 } named && named.All(i => !i.Units.Contains(context.Unit))
            ? reading with { AllUnits = true, Form = AnswerForm.WhoOwes, Status = StatusFilter.Pending }
            : reading;

    private static Reading Settle(Intent intent, string text, Context context)
    {
        if (intent.Kind is not (IntentKind.Ask or IntentKind.Confirm or IntentKind.Undo))
        {
            return new Reading(intent);
        }

        text = MessageWords.WithoutDocumentNumbers(intent.Clause ?? text);
        var question = intent.Question;
        var anywhere = context.Directory is { } directory ? UnitMentions.Find(text, directory, context.Unit, context.Items) : UnitMentions.Nothing;
        // In a forwarded message only the writer's own words say who did or is asked about something.
        var ownWords = MessageWords.WithoutForwarded(text);
        var mentions = ownWords == text || context.Directory is null ? anywhere : UnitMentions.Find(ownWords, context.Directory, context.Unit, context.Items);
        var everyone = question.Who == WhoKind.All && (ownWords == text || FreeTextReader.AsQuestion(ownWords).Question.Who == WhoKind.All);

        // A report names who did it; a unit after "về", "lên", "tới" is where the report went.
        var doers = intent.Kind == IntentKind.Ask ? mentions.Units : mentions.Doers;
        var written = intent.Unit is { } unit && context.Directory?.FindUnit(unit) is { } found ? found.Name : null;
        // "mặt trận với các đoàn thể còn ai chưa gửi": a member named beside its group asks about the group.
        var inGroup = intent.Kind == IntentKind.Ask && mentions.Group is { } mentioned && context.Directory is { } members && doers.Count > 0
                      && doers.All(u => members.MembersOf(mentioned).Any(m => m.Name == u.Name));
        var other = written ?? (inGroup ? null : doers.FirstOrDefault(u => u.Name != context.Unit)?.Name);
        var reading = new Reading(intent)
        {
            OtherUnit = other,
            Group = other is null && !(intent.Kind != IntentKind.Ask && (mentions.GroupOwns || mentions.WriterLeads)) ? mentions.Group : null,
            // A report is the writer's own, whoever else it mentions ("đủ các đơn vị dự").
            AllUnits = other is null && mentions.Group is null && everyone && intent.Kind == IntentKind.Ask,
            Mine = question.Mine || mentions.Units.Any(u => u.Name == context.Unit),
            Period = question.Period?.Resolve(context.Today),
            Status = question.Status,
            Form = question.Form,
        };

        var words = question.ItemWords is { } w && ThisYear(anywhere.Without(Particulars(w)), context.Today) is var said && ItemMatcher.Describes(said) ? said : null;
        var owner = other ?? context.Unit;
        var own = context.Items.Where(i => i.Units.Contains(owner)).ToList();
        var candidates = (reading.IsSelf && (intent.Kind != IntentKind.Ask || reading.Mine)) || other is not null ? own : context.Items;

        if (question.Numbers.Count > 0)
        {
            // A number says exactly which item; a period beside it adds nothing ("hôm nay hạn D2 rồi, trường nào chưa nộp").
            // A report may name another item by its words beside it: "nộp nv 3 và tổ chức hội nghị tổng kết xong rồi".
            var unknown = intent.Kind != IntentKind.Ask && question.Numbers.Any(n => !context.Items.Any(i => i.Number == n));
            var besides = intent.Kind == IntentKind.Confirm ? Besides(text, mentions, candidates, context) : [];
            // "nv 10 tổ chức hội nghị sơ kết 6 tháng …", "nv 22 ban hành kế hoạch năm 2027": a number beside words that plainly
            // name another item, one the number's item does not hold. One of the two is a slip: an action asks which, a question
            // answers both (or the words alone, when the plan has no such number).
            if (!besides.Any() && question.Numbers is [var number] && words is not null && intent.Kind is IntentKind.Confirm or IntentKind.Ask
                && Misnumbered(number, words, intent.Kind, context) is { } meant)
            {
                var both = context.Items.Where(i => i == meant || i.Number == number).Select(i => i.Number).ToList();
                return intent.Kind == IntentKind.Confirm
                    ? reading with { Unclear = true, Choices = both }
                    : Named(reading, question, both) with { Period = null };
            }

            return Named(reading, question, [.. question.Numbers.Union(besides.Select(d => d.Number))]) with { Period = null, Unclear = unknown };
        }

        if (intent.Kind == IntentKind.Undo)
        {
            return Undo(reading, question, words, text, context);
        }

        if (words is null)
        {
            return intent.Kind == IntentKind.Ask && Unplanned(question, question.ItemWords, reading) ? reading with { Unrelated = true } : reading;
        }

        var (coverage, close, rival) = intent.Kind == IntentKind.Ask ? (AskCoverage, AskClose, 1.0) : (ActCoverage, ActClose, ActRival);
        var match = ItemMatcher.Match(words, candidates, context.Items, coverage, close, rival);
        if (!match.Clear && candidates.Count < context.Items.Count && (intent.Kind == IntentKind.Ask || (intent.Kind == IntentKind.Confirm && match.Items.Count == 0)))
        {
            // "D2 là gì" from the health station, "đã đi bồi dưỡng nghiệp vụ" from a unit it does not concern: the item
            // is found all the same, and the answer says whose it is.
            var anyItem = ItemMatcher.Match(words, context.Items, context.Items, coverage, close, rival);
            // A report offers only the unit's own items to choose from: one it does not owe is named only when clear.
            match = anyItem.Clear || (match.Items.Count == 0 && intent.Kind == IntentKind.Ask) ? anyItem : match;
        }

        if (intent.Kind == IntentKind.Ask && match.Items.Count > 1)
        {
            match = Concerned(match, reading, words, context);
        }

        // "hội nd đã phát động phong trào thi đua": a deadline asks for a paper handed in (D1: the unit's own plan, sent by
        // 30/01). A report naming neither the paper nor its sending tells of part of the work only, and its words may fit the
        // commune's launch (item 1) better: the bot asks.
        if (intent.Kind == IntentKind.Confirm && match is { Clear: true, Items: [var deadline] } && deadline.Number.StartsWith('D')
            && !PaperOrSending().IsMatch(VietnameseText.Fold(text)))
        {
            var better = ItemMatcher.Match(words, context.Items, context.Items, coverage, close, rival) is { Clear: true, Items: [var best] } && best != deadline ? [best.Number] : Array.Empty<string>();
            return reading with { Unclear = true, Choices = [.. better, deadline.Number] };
        }

        // "Hội ND đã gửi báo cáo kết quả xây dựng nông thôn mới rồi": a report handed in is no plan drawn up ("xây dựng kế hoạch
        // …"), whatever words of the making they share. Unless the plan is named, the bot asks.
        if (intent.Kind == IntentKind.Confirm && match.Items.Count > 0 && match.Items.All(ItemMatcher.MakesPlan)
            && VietnameseText.Fold(text) is var sent && ReportSent().IsMatch(sent) && !PlanNamed().IsMatch(sent))
        {
            return reading with { Unclear = true, Choices = [] };
        }

        // "ca xã nộp báo cáo tổng kết rồi nhé": a review's report handed in fits only items of the unit's own that are no report
        // ("Hướng dẫn tổng kết …", "Tổng kết phong trào thi đua"), while the plan's reports the unit does not owe fit plainly
        // ("Báo cáo tổng kết công tác TĐKT năm 2025", "… năm 2026"). Which the writer means is a guess: the bot asks, naming
        // the reports.
        if (intent.Kind == IntentKind.Confirm && match.Items.Count > 0 && candidates.Count < context.Items.Count
            && (Says(words, "bao cao tong ket") || Says(words, "bao cao so ket")) && match.Items.All(i => !Says(i.Content, "bao cao"))
            && ItemMatcher.Match(words, context.Items, context.Items, coverage, close, rival) is { Items.Count: > 0 } reports
            && reports.Items.All(i => Says(i.Content, "bao cao") && !match.Items.Contains(i)))
        {
            return reading with { Unclear = true, Choices = [.. reports.Items.Select(i => i.Number)] };
        }

        if (intent.Kind == IntentKind.Confirm && Overtaken(match, words, own, context.Today) is { Count: > 0 } current)
        {
            return reading with { Unclear = true, Choices = [.. match.Items.Concat(current).Select(i => i.Number)] };
        }

        if (intent.Kind == IntentKind.Confirm && GuidedInstead(match, words, text, own) is { Count: > 0 } itself)
        {
            return reading with { Unclear = true, Choices = [.. match.Items.Concat(itself).Select(i => i.Number)] };
        }

        if (intent.Kind == IntentKind.Confirm && Deeds([.. Clauses(words)], candidates, context.Items, strict: true) is { Count: > 0 } deeds
            && (deeds.Select(d => d.Item).Distinct().Count() > 1 || !match.Clear))
        {
            // "đã tổng kết năm học xong, với lại dự hội nghị sơ kết sáu tháng": two items, each said plainly; "tổng kết năm học
            // xong rồi, ghi nhận giúp": one, beside a request that names none.
            return Named(reading, question, [.. deeds.Select(d => d.Item.Number).Distinct()]) with { Period = null };
        }

        if (match.Items.Count == 0 || (intent.Kind == IntentKind.Ask && match.Words < 2))
        {
            // Words that fit nothing, or one word alone ("mấy hội"): a question keeps its other parts; an action must ask.
            // Asked only what or when that thing is ("wifi phòng họp tầng 2 mật khẩu là gì", "tết này nghỉ mấy ngày"), with
            // nothing else to answer by, it is nothing the plan speaks of: the bot says it does not know rather than list
            // the unit's work.
            // So is a question with no word of the plan's work whose words fit nothing ("ai rủ đi cafe không", "mai có họp giao
            // ban không").
            return intent.Kind != IntentKind.Ask ? reading with { Unclear = true, Choices = [] }
                : reading with
                {
                    Unrelated = reading is { Period: null, Status: StatusFilter.All, Form: AnswerForm.What or AnswerForm.When or AnswerForm.DaysLeft, OtherUnit: null, Group: null, AllUnits: false }
                                || Unplanned(question, words, reading),
                };
        }

        // "đã nộp hồ sơ thi đua khen thưởng đợt tháng 9": of the items the words fit alike, the one due in the period said.
        if (intent.Kind == IntentKind.Confirm && !match.Clear && match.Words >= 2 && question.ReportPeriod?.Resolve(context.Today) is { } span && span.From < span.To
            && match.Items.Where(i => span.Contains(i.Due)).ToList() is [var due])
        {
            match = match with { Items = [due], Clear = true };
        }

        // "đã thẩm định xong hồ sơ các trường, trình hội đồng họp xét rồi": of the items the words fit alike, the one for the
        // group the report names ("Tổng hợp, thẩm định hồ sơ … đối với các đơn vị sự nghiệp giáo dục và đào tạo").
        if (intent.Kind == IntentKind.Confirm && !match.Clear && match.Words >= 2 && anywhere.Spoken is { IncludesAll: false } group
            && match.Items.Where(i => For(i, group)).ToList() is [var theirs])
        {
            match = match with { Items = [theirs], Clear = true };
        }

        var numbers = match.Items.Select(i => i.Number).ToList();
        // One day beside an item named in words is its due date said back ("tổng kết phong trào hạn 31/12 ạ"), not a span to
        // look in.
        var named = Named(reading, question, numbers) with
        {
            Period = question.PeriodNamesItem || reading.Period is { } day && day.From == day.To ? null : reading.Period,
        };
        // An action rests on more than one word of the item: "chị" meets "chỉ đạo" and no more.
        return intent.Kind == IntentKind.Ask || (match.Clear && match.Words >= 2) ? named : named with { Items = [], Unclear = true, Choices = numbers };
    }

    /// <summary>
    /// Whom a notice the office asks for is meant for, as written ("các trường", "tyt", "các đơn vị khối đoàn thể", "Hội Nông
    /// dân, Hội CCB với Công an xã"): a group, or the units it names; neither when the directory knows none of it.
    /// </summary>
    public static (UnitGroup? Group, IReadOnlyList<Unit> Units) Audience(string written, UnitDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        // What it names as in any message first: "các đơn vị khối đoàn thể" is the organisations, not every unit.
        var mentions = UnitMentions.Find(written, directory, string.Empty);
        if (mentions is { Group: { IncludesAll: false } named, Units.Count: 0 })
        {
            return (named, []);
        }

        if (mentions.Units.Count > 0)
        {
            return (null, mentions.Units);
        }

        return directory.FindGroupAsWritten(written) is { } group ? (group, [])
            : directory.FindUnit(written) is { } unit ? (null, [unit])
            : (null, []);
    }

    // A question with no word of the plan's work, about no unit or group (the writer's own named is one), whose own words
    // (two or more) fit no item: "ai rủ đi cafe không", "mai có họp giao ban không".
    private static bool Unplanned(Question question, string? words, Reading reading) =>
        question.Wordless && MessageWords.Read(words ?? string.Empty).Count >= 2 && reading is { OtherUnit: null, Group: null, Mine: false };

    // A report that names no year ("họp tổng kết", "đã tổ chức hội nghị tổng kết"), clearly naming an item due two quarters
    // or more before, when other items of the unit due this quarter are that review itself: "hội đã họp tổng kết rồi" in
    // December may be last year's review meeting, long due, or this year's review, due now (not its guide nor its report).
    private static IReadOnlyList<PlanItem> Overtaken(ItemMatch match, string words, IReadOnlyList<PlanItem> own, DateOnly today)
    {
        var said = " " + VietnameseText.Fold(words) + " ";
        if (match is not { Clear: true, Items: [var named] } || YearSaid().IsMatch(said) || named.Due.Year != today.Year
            || Quarter(today) - Quarter(named.Due) < 2)
        {
            return [];
        }

        var deeds = DeedKinds.Where(d => said.Contains(" " + d + " ", StringComparison.Ordinal)).ToList();
        return own.Where(i => i != named && i.Due.Year == today.Year && Quarter(i.Due) == Quarter(today)
                              && deeds.Any(d => Opens(VietnameseText.Fold(i.Content), d))).ToList();
    }

    // "hội xong việc tổng kết năm 2026 rồi": a review said done, clearly naming the guide to it ("Hướng dẫn tổng kết công tác
    // TĐKT năm 2026") without a word of guiding, when another item of the unit due the same quarter is that review itself
    // ("Tổng kết phong trào thi đua"): which was done is a guess.
    private static IReadOnlyList<PlanItem> GuidedInstead(ItemMatch match, string words, string text, IReadOnlyList<PlanItem> own)
    {
        var said = " " + VietnameseText.Fold(words) + " ";
        // "đã thực hiện theo hướng dẫn tổng kết …": the guide named anywhere in the message.
        if (match is not { Clear: true, Items: [var named] } || !Opens(VietnameseText.Fold(named.Content), "huong dan")
            || (" " + string.Join(' ', ItemMatcher.Words(text)) + " ").Contains(" huong dan ", StringComparison.Ordinal))
        {
            return [];
        }

        var deeds = DeedKinds.Where(d => said.Contains(" " + d + " ", StringComparison.Ordinal)).ToList();
        return own.Where(i => i != named && i.Due.Year == named.Due.Year && Quarter(i.Due) == Quarter(named.Due)
                              && deeds.Any(d => Opens(VietnameseText.Fold(i.Content), d))).ToList();
    }

    // "Tổng kết phong trào …", "Tổ chức Hội nghị sơ kết …": an item that is the review itself, not one about it.
    private static bool Opens(string content, string deed) =>
        Regex.IsMatch(content, $@"^\W*(?:to chuc )?(?:hoi nghi )?{deed}\b", RegexOptions.CultureInvariant);

    private static int Quarter(DateOnly day) => (day.Month + 2) / 3;

    private static readonly string[] DeedKinds = ["tong ket", "so ket"];

    [GeneratedRegex(@"\b(?:20\d\d|nam (?:nay|ngoai|truoc|sau|toi|hoc))\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearSaid();

    // The paper a deadline asks for, or its handing in (folded): "kế hoạch", "kh", "nộp", "gửi", "trình", "chuyển".
    [GeneratedRegex(@"\b(?:ke hoach|kh|nop|gui|trinh|chuyen|up|upload|bao cao|bc)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PaperOrSending();

    // A report handed in (folded): "gửi báo cáo", "nộp bản báo cáo", "xong bc".
    [GeneratedRegex(@"\b(?:gui|nop|xong|lam|viet)\s+(?:(?:ban|cai|bo)\s+)?(?:bao cao|bc)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReportSent();

    [GeneratedRegex(@"\b(?:ke hoach|kh)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PlanNamed();

    // Several items fit a question's words: those that concern whom it asks about. "hội nghị sơ kết 6 tháng bao giờ tổ
    // chức" from the health station is the meeting it holds, not the cluster's it is not invited to; "đoàn thể nào chưa
    // xong hội nghị tổng kết" the one the organisations owe; and "đơn vị nào còn nợ hội nghị sơ kết", about every unit,
    // the commune's own, as the province's and the cluster's are asked about by name. When none or all concern them, all stay.
    // Asked which units owe, of every unit, it is the item the most units owe.
    private static ItemMatch Concerned(ItemMatch match, Reading reading, string words, Context context)
    {
        var asked = reading.OtherUnit is { } other ? [other]
            : reading.Group is { } group && context.Directory is { } directory ? directory.MembersOf(group).Select(u => u.Name).ToList()
            : reading.IsSelf ? [context.Unit]
            : (IReadOnlyList<string>)[];
        var concerned = asked.Count > 0
            ? match.Items.Where(i => i.Units.Any(asked.Contains)).ToList()
            : ItemMatcher.NamesLevel(words) ? match.Items.ToList() : match.Items.Where(i => !ItemMatcher.Elsewhere(i)).ToList();
        // "đơn vị nào trễ hạn kế hoạch": asked of every unit, the plan every unit owes, not the schools' or the committee's.
        if (asked.Count == 0 && reading.Form == AnswerForm.WhoOwes && concerned.Count > 1)
        {
            var widest = concerned.Max(i => i.Units.Count);
            concerned = concerned.Where(i => i.Units.Count == widest).ToList();
        }

        return concerned.Count > 0 && concerned.Count < match.Items.Count ? match with { Items = concerned, Clear = concerned.Count == 1 } : match;
    }

    // An undo takes back only what the unit confirmed today. Words pick among those ("cái hồ sơ khen thưởng em báo
    // nhầm"); words that fit only something else ask. Without them: "hết", "cả hai" take back all; "cái vừa rồi" the
    // latest message's items; one message alone is what "lộn rồi, hủy giúp" means; otherwise it asks, and for "1 cái"
    // always: the person believes there are several; and after a question asked since the latest report too.
    private static Reading Undo(Reading reading, Question question, string? words, string text, Context context)
    {
        var confirmed = context.Confirmed;
        if (confirmed.Count == 0)
        {
            // "xin rút lại báo cáo hồ sơ khen thưởng" with nothing confirmed today: a report of another day it may be, which
            // the person picks among the items the words fit; words alone never take one back.
            var own = context.Items.Where(i => i.Units.Contains(context.Unit)).ToList();
            return words is not null && ItemMatcher.Match(words, own, context.Items, AskCoverage, ActClose, ActRival) is { Items.Count: > 0 } fit
                ? reading with { Unclear = true, Choices = [.. fit.Items.Select(i => i.Number)] }
                : reading;
        }

        // "lộn r, cái thứ 2 chưa làm": the second of what was confirmed today, in the order it was reported; a place beyond
        // them asks.
        if (question.Ordinal is { } nth)
        {
            var inOrder = context.Confirmations.Reverse().SelectMany(c => c).Distinct().ToList();
            return nth <= inOrder.Count ? reading with { Items = [inOrder[nth - 1]] } : reading with { Unclear = true, Choices = confirmed };
        }

        // "bỏ xác nhận hội nghị cụm thôi, cái của tỉnh vẫn giữ nhé": a clause that says to keep something is not what goes.
        if (words is not null && Joins.Split(words).Where(c => !Kept().IsMatch(VietnameseText.Fold(c))).ToList() is var taken && taken.Count < Joins.Split(words).Length)
        {
            words = taken.Any(ItemMatcher.Describes) ? string.Join("; ", taken) : null;
        }

        if (words is not null)
        {
            var mine = context.Items.Where(i => confirmed.Contains(i.Number)).ToList();
            var match = ItemMatcher.Match(words, mine, context.Items, AskCoverage, ActClose, ActRival);
            if (match.Items.Count > 0)
            {
                var numbers = match.Items.Select(i => i.Number).ToList();
                // One word is enough when only that item was confirmed today: "hội đồng chưa đi tỉnh đâu, bỏ cái vừa rồi". "Bỏ
                // hết", "cả 2 cái" take back every one the words fit.
                return (match.Clear && (match.Words >= 2 || confirmed.Count == 1)) || (question.Every && numbers.Count > 1)
                    ? reading with { Items = numbers }
                    : reading with { Unclear = true, Choices = numbers };
            }

            // Words that clearly name something else, and by more than one word ("hiệu trưởng bảo chưa gửi" is not "danh
            // hiệu"); words that fit nothing clearly ("bản đó chưa ký") are the reason, not the item.
            if (ItemMatcher.Match(words, context.Items, context.Items, ActCoverage, ActClose, ActRival) is { Clear: true, Words: >= 2 })
            {
                return reading with { Unclear = true, Choices = confirmed };
            }
        }

        var latest = context.Confirmations[0];
        // "lộn rồi, mới xong 16 thôi" after "xong nv 16, nv 20": what was said to stay is kept, the rest of that report goes.
        if (question.Kept.Count > 0)
        {
            var rest = latest.Except(question.Kept, StringComparer.Ordinal).ToList();
            return rest.Count > 0 && rest.Count < latest.Count
                ? reading with { Items = rest }
                : reading with { Unclear = true, Choices = confirmed };
        }

        // "cái sau chưa, bỏ đi": one of a message's items by its place, which the store does not keep: it asks which.
        // "cái đầu đúng, cái sau nhầm": the place said right is kept, the other is meant.
        var folded = VietnameseText.Fold(text);
        var places = ByPlace().Matches(folded).Where(m => !RightAfter().IsMatch(folded[(m.Index + m.Length)..].Split(',', '.', ';')[0])).ToList();
        var place = question.Every || places.Count == 0 ? null : places[0].Groups["place"].Value;
        if (latest.Count > 1 && place is not null)
        {
            return reading with { Unclear = true, Choices = latest };
        }

        // "cái sau báo nhầm nhé, hủy đi" after two reports today, one item each: the later report; "cái đầu", "cái trước" the
        // earlier one. Among more than two, only the last and the first are plain.
        var count = context.Confirmations.Count;
        if (count > 1 && place is not null
            && (place is "sau" or "cuoi" || (place == "thu hai" && count == 2) ? context.Confirmations[0]
                : place is "dau" or "thu nhat" || (place == "truoc" && count == 2) ? context.Confirmations[^1] : null) is { } placed)
        {
            return reading with { Items = placed };
        }

        // "cái vừa rồi nhầm nhé" after a report and then a question: the last message was the question, and the report
        // is not taken back unasked.
        return question switch
        {
            { Every: true } => reading with { Items = confirmed },
            { One: true } => reading with { Unclear = true, Choices = confirmed },
            _ when context.AskedSinceLatest => reading with { Unclear = true, Choices = confirmed },
            { Latest: true } => reading with { Items = latest },
            _ when context.Confirmations.Count == 1 => reading with { Items = latest },
            _ => reading with { Unclear = true, Choices = confirmed },
        };
    }

    // "2 kế hoạch: kế hoạch năm học và kế hoạch thi đua": a colon announces the particulars, and they name the items; the
    // heading before it only counts them.
    private static string Particulars(string words) =>
        words.LastIndexOf(':') is > 0 and var colon && words[(colon + 1)..] is var after && ItemMatcher.Describes(after) ? after : words;

    // Where a report joins two things done: "và", "với lại", "với cả", "cùng với", "lẫn", "đồng thời", a plus sign, a
    // semicolon or a full stop (the reading marks a comma between clauses as one), or a comma or a bare "với" ("vs") before
    // what names a deed of its own ("…, hồ sơ khen thưởng cũng nộp rồi", "gửi hồ sơ khen thưởng với tổ chức hội nghị tổng kết
    // rồi", "hướng dẫn tổng kết với tổng kết phong trào", "xong nv 9 vs gửi kế hoạch"), also after the day it was done ("…,
    // hôm qua dự hội nghị"). Any other comma may be inside an item's own words ("hồ sơ thi đua, khen thưởng").
    internal const string DeedHeads = "hồ sơ|ho so|hs|hội nghị|hoi nghi|hn|báo cáo|bao cao|bc|kế hoạch|ke hoach|kh|tổ chức|to chuc|tham dự|tham du|ban hành|ban hanh|nv|nhiệm vụ|nhiem vu|việc|viec|mục|muc|d\\d"
        + "|tổng kết|tong ket|sơ kết|so ket|hướng dẫn|huong dan|tập huấn|tap huan|bồi dưỡng|boi duong|thẩm định|tham dinh|phát động|phat dong";

    // When something was done, before the deed of a clause of its own: "…, hôm qua dự hội nghị".
    private const string WhenDone = "hôm qua|hôm trước|hôm nay|sáng nay|chiều nay|sáng qua|chiều qua|tối qua|tuần trước|tuần rồi|tháng trước"
        + "|hom qua|hom truoc|hom nay|sang nay|chieu nay|sang qua|chieu qua|toi qua|tuan truoc|tuan roi|thang truoc";

    private static readonly Regex Joins = new(
        $@"\s*(?:;|\+|\.(?=\s|$)|,(?=\s*(?:(?:{WhenDone})\s+)?(?:{DeedHeads}|đi|di)\b)|,(?=\s*(?:{WhenDone})\s+(?:dự|du)\b)|\b(?:với|voi|vs)(?=\s+(?:{DeedHeads}|gửi|gui|nộp|nop|làm|lam|họp|hop|dự|du)\b)|\b(?:và|va|với lại|voi lai|với cả|voi ca|cùng với|cung voi|lẫn|lan|đồng thời|dong thoi)\b)\s*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "cái sau", "cái đầu", "cái thứ hai", "cái kia" (folded): an item by its place among others.
    [GeneratedRegex(@"\b(?:cai|muc|viec)\s+(?<place>sau|dau|truoc|cuoi|kia|thu\s+(?:nhat|hai|ba|\d))\b", RegexOptions.CultureInvariant)]
    private static partial Regex ByPlace();

    // "(cái sau) thì đúng", "đúng rồi", "giữ nguyên" (folded): said right.
    [GeneratedRegex(@"^\s*(?:\S+\s+){0,3}?(?:dung|giu)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RightAfter();

    // "vẫn giữ", "giữ nguyên", "giữ lại", "thì đúng", "vẫn đúng" (folded): what an undo keeps.
    [GeneratedRegex(@"\b(?:van giu|giu nguyen|giu lai|thi dung|van dung|dung roi)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Kept();

    // "nộp nv 3 và tổ chức hội nghị tổng kết xong rồi", "gửi kế hoạch năm học rồi ạ, nv 13 bên em cũng xong": beside the
    // items named by number, a report may name others by their words, each in a clause of its own without a number.
    private static IEnumerable<PlanItem> Besides(string text, UnitMentions mentions, IReadOnlyList<PlanItem> candidates, Context context)
    {
        var clauses = Joins.Split(text).Where(c => FreeTextReader.Targets(c).Count == 0)
            .Select(c => FreeTextReader.Read(c).Question.ItemWords).OfType<string>()
            .Select(w => ThisYear(mentions.Without(w), context.Today)).Where(ItemMatcher.Describes).ToList();
        return Deeds(clauses, candidates, context.Items, strict: false)?.Select(d => d.Item) ?? [];
    }

    // The clauses of a report's words that describe something.
    private static IEnumerable<string> Clauses(string words)
    {
        string? previous = null;
        foreach (var clause in Joins.Split(words).Where(ItemMatcher.Describes))
        {
            // "hội nghị tổng kết của tỉnh và của cụm số 2": a clause that is only whose it is shares the thing before it.
            var whose = Whose().Match(clause);
            var head = previous is null ? null : Whose().Match(previous);
            var read = whose.Success && whose.Index == 0 && head is { Success: true, Index: > 0 } ? previous![..head.Index] + " " + clause : clause;
            previous = read;
            yield return read;
        }
    }

    [GeneratedRegex(@"(?<!\S)(?:của|cua|ở|tại)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Whose();

    // The things a report says were done: its clauses, consecutive ones taken together while one item holds them all ("họp
    // xét hồ sơ thi đua, khen thưởng thành tích năm 2026 và trình Chủ tịch"), each group with the one item it clearly names
    // (two of its words at least). A clause that on its own fits only other items ("hồ sơ khen gửi tuần trước, hôm qua dự hội
    // nghị": commendations, then a meeting) is not taken together with the one before it, whatever item their words together
    // would fit. A clause holding none of the plan's words names nothing ("báo để phòng nắm"); strict, a
    // clause that holds some and names no item clearly ("… của tỉnh và của cụm") makes the whole unclear (null), else it is
    // left out.
    private static List<(string Words, PlanItem Item)>? Deeds(IReadOnlyList<string> clauses, IReadOnlyList<PlanItem> candidates, IReadOnlyList<PlanItem> plan, bool strict)
    {
        ItemMatch Fit(string said) => ItemMatcher.Match(said, candidates, plan, ActCoverage, ActClose, ActRival);
        var own = clauses.Select(Fit).ToList();
        // Beside other clauses, two words are too thin to name a deed of their own: "đã họp xét, gửi hồ sơ …" says how the
        // dossier was made, "gửi muộn vì chị chủ tịch đi vắng" why it was late.
        var least = clauses.Count > 1 ? 3 : 2;
        var deeds = new List<(string Words, PlanItem Item)>();
        for (var first = 0; first < clauses.Count;)
        {
            (int Last, string Words, PlanItem Item)? taken = null;
            for (var last = first; last < clauses.Count; last++)
            {
                var said = string.Join(" ", clauses.Skip(first).Take(last - first + 1));
                if (Fit(said) is { Clear: true } fit && fit.Words >= least && !Partly(said, fit.Items[0])
                    && Enumerable.Range(first, last - first + 1).All(k => own[k] is not { Items.Count: > 0, Words: >= 2 } alone || alone.Items.Contains(fit.Items[0]) || ItemMatcher.Holds(clauses[k], fit.Items[0], plan, ActCoverage)))
                {
                    taken = (last, said, fit.Items[0]);
                }
            }

            if (taken is { } deed)
            {
                deeds.Add((deed.Words, deed.Item));
                first = deed.Last + 1;
                continue;
            }

            // "đã gửi báo cáo sơ kết 6 tháng, và đi dự hội nghị sơ kết tại cụm": a clause that fits two items alike is read
            // with the clause before it, when that picks one of them other than the one it named.
            if (first > 0 && deeds.Count > 0 && own[first].Items.Count > 1
                && Fit(clauses[first - 1] + " " + clauses[first]) is { Clear: true } together && own[first].Items.Contains(together.Items[0])
                && together.Items[0] != deeds[^1].Item)
            {
                deeds.Add((clauses[first], together.Items[0]));
                first++;
                continue;
            }

            if (strict && ItemMatcher.Known(clauses[first], plan) > 0)
            {
                return null;
            }

            first++;
        }

        return deeds;
    }

    // "phong trào thi đua năm 2025, triển khai nhiệm vụ 2026 xong rồi": a deadline asks for a paper handed in, and a deed
    // naming neither the paper nor its sending tells of part of the work only.
    private static bool Partly(string said, PlanItem item) => item.Number.StartsWith('D') && !PaperOrSending().IsMatch(VietnameseText.Fold(said));

    // Whether the text says the phrase (folded, whole words).
    private static bool Says(string text, string phrase) => (" " + VietnameseText.Fold(text) + " ").Contains(" " + phrase + " ", StringComparison.Ordinal);

    // Whether an item's content speaks of a group as the plan writes it ("các đơn vị sự nghiệp giáo dục và đào tạo").
    private static bool For(PlanItem item, UnitGroup group) =>
        VietnameseText.Fold(item.Content) is var content
        && group.Phrases.Append(group.Name).Select(p => VietnameseText.Fold(p)).Any(p => content.Contains(p.StartsWith("cac ", StringComparison.Ordinal) ? p[4..] : p, StringComparison.Ordinal));

    // "kế hoạch năm nay", "thành tích năm ngoái": the year said as a number, so it names items as "năm 2026" does.
    private static readonly (Regex Said, int Offset)[] RelativeYears =
    [
        (new Regex(@"\bn[ăa]m\s+(nay)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), 0),
        (new Regex(@"\bn[ăa]m\s+(ngo[áa]i|tr[ưu][ớo]c)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), -1),
        (new Regex(@"\bn[ăa]m\s+(sau|t[ớo]i)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), 1),
    ];

    // "kế hoạch thi đua năm", "kh năm": the plan for the year, this year's, as against the school year's ("năm học").
    private static readonly Regex YearlyPlan = new(
        @"\b(k[ếe]\s*ho[ạa]ch|kh)((?:\s+(?!n[ăa]m\b)\S+){0,3})\s+n[ăa]m\b(?!\s*(h[ọo]c|\d|nay|ngo[áa]i|tr[ưu][ớo]c|sau|t[ớo]i))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "năm học 25-26", and "25 26" once the dash is gone: a school year written short, one year after the other.
    private static readonly Regex ShortSchoolYear = new(@"\b(n[ăa]m\s+h[ọo]c\s+)(\d{2})\s*[-–/\s]\s*(\d{2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "năm học mới", "năm học này", "năm học trước": a school year said relative to today; one runs from September.
    private static readonly Regex RelativeSchoolYear = new(
        @"\b(n[ăa]m\s+h[ọo]c)\s+(?:(?<new>m[ớo]i)|(?<next>t[ớo]i|sau)|(?<this>n[àa]y|nay)|(?<last>tr[ưu][ớo]c|c[ũu]|v[ừu]a\s+qua))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string SchoolYear(Match said, DateOnly today)
    {
        var current = today.Month >= 9 ? today.Year : today.Year - 1;
        var start = said.Groups["new"].Success ? today.Year : said.Groups["next"].Success ? current + 1 : said.Groups["this"].Success ? current : current - 1;
        return $"{said.Groups[1].Value} {start} - {start + 1}";
    }

    // "năm hai không hai sáu", "hai nghìn không trăm hai lăm": a year said aloud and typed by voice ("không" may be gone already, read as a negation).
    private static readonly Regex SpokenYear = new(
        @"\bhai\s+(?:(?:nghìn|nghin|ngàn|ngan)\s+(?:không|khong)\s+(?:trăm|tram)\s+|(?:không|khong|linh)\s+)?hai\s+(?:mươi\s+|muoi\s+)?(?:(?<four>tư|tu|bốn|bon)|(?<five>năm|nam|lăm|lam)|(?<six>sáu|sau)|(?<seven>bảy|bay))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string Spoken(Match said) =>
        said.Groups["four"].Success ? "2024" : said.Groups["five"].Success ? "2025" : said.Groups["six"].Success ? "2026" : "2027";

    private static string ThisYear(string words, DateOnly today) =>
        YearlyPlan.Replace(
            RelativeYears.Aggregate(
                ShortSchoolYear.Replace(RelativeSchoolYear.Replace(SpokenYear.Replace(words, Spoken), m => SchoolYear(m, today)), m => int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) == int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 1 ? $"{m.Groups[1].Value}20{m.Groups[2].Value} - 20{m.Groups[3].Value}" : m.Value),
                (text, year) => year.Said.Replace(text, m => $"năm {today.Year + year.Offset}")),
            m => $"{m.Groups[1].Value}{m.Groups[2].Value} năm {today.Year}");

    // "mấy trường còn nợ nv 12 ko", "các đoàn thể còn nợ tổng kết phong trào không": what several units still owe of named
    // items is who owes them.
    // The one item words name plainly (covered as an action's words must be, by three words or more and two phrases of its
    // own: "đợi ký nên hơi chậm" is no "chậm nhất … Đối với"), when it is not the
    // numbered one and that one does not hold them as the question or action would need.
    private static PlanItem? Misnumbered(string number, string words, IntentKind kind, Context context)
    {
        var (coverage, close, rival) = kind == IntentKind.Ask ? (AskCoverage, AskClose, 1.0) : (ActCoverage, ActClose, ActRival);
        var numbered = context.Items.FirstOrDefault(i => i.Number == number);
        return ItemMatcher.Match(words, context.Items, context.Items, ActCoverage, close, rival) is { Clear: true, Items: [var meant], Words: >= 3, Pairs: >= 2 }
               && meant != numbered && (numbered is null || !ItemMatcher.Holds(words, numbered, context.Items, coverage))
            ? meant
            : null;
    }

    private static Reading Named(Reading reading, Question question, IReadOnlyList<string> numbers) =>
        reading with
        {
            Items = numbers,
            Status = question.ItemStatus,
            Form = (reading.Group is not null || reading.AllUnits) && question.ItemStatus == StatusFilter.Pending && question.ItemForm == AnswerForm.List
                ? AnswerForm.WhoOwes
                : question.ItemForm,
        };
}

/// <summary>The units and the group a message names, and where, so their words are not read as an item's.</summary>
internal sealed partial record UnitMentions(IReadOnlyList<Unit> Units, UnitGroup? Group, IReadOnlyList<string> Spans)
{
    // (Folded) recording asked for: "ghi nhận", "xác nhận", "cập nhật", "đánh dấu", "tick".
    [GeneratedRegex(@"\b(?:ghi nhan|xac nhan|cap nhat|danh dau|tick)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RecordedFor();

    public static UnitMentions Nothing { get; } = new([], null, []);

    // Words before a unit that make it where something went ("gửi về Phòng Văn hóa", "chuyển HĐ TĐKT", "cho chị Hoa ở phòng
    // VHXH"), not who did it.
    private static readonly string[] Towards = ["ve", "len", "toi", "den", "qua", "gui", "nop", "chuyen", "cho", "trinh", "o", "tai"];

    private static readonly string[] OnBehalf = ["gium", "giup", "dum", "ho", "thay"];

    // Titles a person's name follows: "chị Hoa", "đồng chí Hương", "thầy Nam".
    private static readonly string[] PersonTitles = ["chi", "anh", "em", "co", "thay", "ong", "ba", "dc", "chu", "bac"];

    // Words that make "qua" the past ("hôm qua", "tuần qua"), not "via".
    private static readonly string[] PastBefore = ["hom", "sang", "chieu", "toi", "dem", "tuan", "thang", "nam"];

    /// <summary>The units named as doing something: all but those named as where it went.</summary>
    public IReadOnlyList<Unit> Doers { get; init; } = [];

    /// <summary>The group is named as whose something is ("hồ sơ của khối giáo dục"): in a report, what was done, not who did it.</summary>
    public bool GroupOwns { get; init; }

    /// <summary>The writer's own unit is named as doing something before the group, apart from it: in a report, the group only took part.</summary>
    public bool WriterLeads { get; init; }

    /// <summary>The group named in any role, also as whom something serves ("hồ sơ cho các trường"), which <see cref="Group"/> leaves out.</summary>
    public UnitGroup? Spoken { get; init; }

    // Words before a group's common first word that make it the group: "các trường", "trường nào".
    private static readonly string[] PluralBefore = ["cac", "nhung", "may", "bao nhieu", "tat ca cac", "tat ca", "moi"];
    private static readonly string[] PluralAfter = ["nao", "hoc"];

    private static readonly string[] Spelled = ["khong", "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi"];

    private static readonly string[] PaperNouns = ["ho so", "bao cao", "ke hoach", "van ban", "giay to"];

    // (Folded) the words that open a message addressed to a unit: "Báo cáo phòng …", "Kính gửi …", "Thưa …".
    private static readonly HashSet<string> Salutations = new(StringComparer.Ordinal)
    {
        "bao cao", "xin bao cao", "em bao cao", "em xin bao cao", "kinh gui", "kinh thua", "thua", "da thua", "da bao cao",
    };

    // "chủ tịch ủy ban" in an item's words, "Ủy ban Mặt trận Tổ quốc": "ủy ban" that is not the People's Committee alone.
    private static readonly string[] NotTheCommittee = [" chu tich uy ban ", " uy ban mat tran ", " uy ban mttq "];

    // (Folded) "văn phòng hội", "văn phòng đoàn": the office of an organisation, not the commune's office.
    private static readonly Regex OfficeOfAnother = new(@" van phong (?:hoi(?! dong)|doan|dang uy|mat tran|mttq|truong) ", RegexOptions.CultureInvariant);

    // Words a number after them belongs to (folded text before the number).
    private static readonly Regex CountedElse = new(@"\b(quy|thang|tuan|nv|nhiem vu|muc|viec|so|d|han|ngay)$", RegexOptions.CultureInvariant);

    public static UnitMentions Find(string text, UnitDirectory directory, string writer, IReadOnlyList<PlanItem>? plan = null)
    {
        var folded = " " + string.Join(' ', ItemMatcher.Words(text)) + " ";
        var commune = string.Join(' ', ItemMatcher.Words(directory.Commune ?? string.Empty));
        var contents = (plan ?? []).Select(i => " " + string.Join(' ', ItemMatcher.Words(i.Content)) + " ").ToList();
        var names = directory.Units.ToDictionary(u => u, u => u.Aliases.Prepend(u.Name).Select(n => " " + string.Join(' ', ItemMatcher.Words(n)) + " ").ToList());

        // "QS", "Mặt trận", "phụ nữ": a run of two or more words of a unit's name after its kind of body, which no other
        // unit's name and no item of the plan holds; "CA", "PN" written in capitals: the initials of such a run.
        var capitals = Capitals().Matches(text).Select(m => VietnameseText.Fold(m.Value)).ToHashSet(StringComparer.Ordinal);
        IEnumerable<string> ShortNames(Unit unit)
        {
            foreach (var run in names[unit].SelectMany(n => Runs(n.Trim(), commune)).Distinct(StringComparer.Ordinal))
            {
                if (directory.Units.Any(u => u != unit && names[u].Any(n => n.Contains(" " + run + " ", StringComparison.Ordinal)))
                    || contents.Any(c => c.Contains(" " + run + " ", StringComparison.Ordinal)))
                {
                    continue;
                }

                yield return run;
                var initials = string.Concat(run.Split(' ').Select(w => w[0]));
                if (capitals.Contains(initials))
                {
                    yield return initials;
                }
            }
        }

        // "ca xã": a two-word name's initials before "xã", typed plain ("cả xã", with its mark, is the whole commune).
        IEnumerable<string> Initialled(Unit unit) =>
            unit.Aliases.Prepend(unit.Name).Select(n => Trim(string.Join(' ', ItemMatcher.Words(n)), commune).Split(' '))
                .Where(parts => parts.Length == 2)
                .Select(parts => $"{parts[0][0]}{parts[1][0]}")
                .Where(initials => Regex.IsMatch(text, $@"(?<!\p{{L}}){initials}\s+x[aã](?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                .Select(initials => initials + " xa");

        var found = new List<(Unit Unit, string Key)>();
        foreach (var unit in directory.Units)
        {
            var keys = Keys(unit, directory).Concat(ShortNames(unit)).Concat(Initialled(unit));
            if (unit.Name == writer)
            {
                // "văn phòng", "trường", "phòng": the writer's own kind of body is the writer's unit.
                keys = keys.Concat(SelfKeys(unit));
            }

            var key = keys.Where(k => Said(folded, k)).MaxBy(k => k.Length);
            // "đề nghị chủ tịch ủy ban xã tặng …": the committee's chairman, as the plan's items name him, is no mention of the
            // committee alone.
            // "Ủy ban Mặt trận Tổ quốc xã" is the Front's committee; "văn phòng hội" the organisation's own office.
            if ((key == "uy ban" && NotTheCommittee.Any(p => folded.Contains(p, StringComparison.Ordinal)))
                || (key is not null && OfficeOfAnother.Match(folded) is { Success: true } office && office.Value.Contains(" " + key + " ", StringComparison.Ordinal)))
            {
                key = null;
            }

            if (key is not null)
            {
                // "mn Hoa Thám": a short name with the commune's after it is one mention.
                if (commune.Length > 0 && !key.EndsWith(" " + commune, StringComparison.Ordinal) && folded.Contains($" {key} {commune} ", StringComparison.Ordinal))
                {
                    key += " " + commune;
                }

                found.Add((unit, key));
            }
        }

        bool IsDoer((Unit Unit, string Key) f)
        {
            // "về UBND", "qua văn thư UBND", "cho phòng Văn hóa": a word of direction shortly before; but "nộp giùm
            // trường TH", "nộp thay Hội Nông dân" did it for that unit.
            var before = folded[..folded.IndexOf(" " + f.Key + " ", StringComparison.Ordinal)].TrimEnd().Split(' ');
            // "Báo cáo phòng văn hóa, chủ tịch đã dự …", "Kính gửi Phòng VH-XH": the unit the message opens by addressing is
            // whom it is written to.
            if (Salutations.Contains(string.Join(' ', before.Where(w => w.Length > 0))))
            {
                return false;
            }

            // "THCS đã họp hội đồng thi đua xét khen thưởng": the council the writer convened, not who reports.
            if (before[^1] == "hop")
            {
                return false;
            }

            // "đề nghị Chủ tịch UBND xã tặng danh hiệu", "trình lãnh đạo UBND": the head of the unit a paper goes to or asks.
            var leader = before.Length > 1 && ((before[^2] == "chu" && before[^1] == "tich") || (before[^2] == "lanh" && before[^1] == "dao"))
                ? before.Length > 2 && before[^3] == "pho" ? 3 : 2
                : before[^1] is "pct" or "ct" ? 1 : 0;
            if (leader > 0 && before.Length > leader + 1 && ((before[^(leader + 2)] == "de" && before[^(leader + 1)] == "nghi") || Towards.Contains(before[^(leader + 1)])))
            {
                return false;
            }

            // "cho các trường mầm non, tiểu học và THCS": a unit listed right after another is what that one is.
            var listed = before.Length > 1 && before[^1] is "va" or "voi" ? before[..^1] : before;
            var previous = string.Join(' ', listed);
            if (found.FirstOrDefault(o => o.Key != f.Key && (" " + previous).EndsWith(" " + o.Key, StringComparison.Ordinal)) is { Key: not null } earlier)
            {
                return IsDoer(earlier);
            }

            // "Hội đồng đã họp xét hồ sơ … do phòng VHXH tổng hợp, thẩm định trình lên": beside the writer's own unit, one that
            // did a part of the work for it ("do" is "by").
            if (before[^1] == "do" && found.Any(o => o.Unit.Name == writer))
            {
                return false;
            }

            // "UBND đã cử đ/c PCT cùng cán bộ VH-XH dự …": beside the writer's own unit, the staff of another sent along with
            // its own.
            if ((before[^1] == "cung" || (before.Length > 1 && before[^2] == "can" && before[^1] == "bo")) && found.Any(o => o.Unit.Name == writer))
            {
                return false;
            }

            // "gửi kế hoạch sang phòng văn hóa xã hội": right before the unit, "sang" is where it went (further off it may be
            // the morning, "sáng nay trạm y tế …").
            if (before[^1] == "sang")
            {
                return false;
            }

            // "nộp qua zalo phòng vhxh": the office's chat is where it went ("năm qua zalo" is no past year).
            if (before[^1] is "zalo" or "email" or "mail" or "gmail")
            {
                return false;
            }

            // "qua đồng chí Hương bên phòng văn hóa": "bên" only says the person belongs to the unit.
            if (before.Length > 1 && before[^1] == "ben")
            {
                before = before[..^1];
            }

            // "phòng ghi nhận nv 3 cho MTTQ", "cập nhật D1 cho hội nd": recorded for that unit, whose report it is.
            if (before[^1] == "cho" && RecordedFor().IsMatch(string.Join(' ', before.TakeLast(8))))
            {
                return true;
            }

            // "cho đ/c Hương phòng VHXH", "cho chị Hoa phòng VHXH": a person of the unit, by title and name, stands between.
            var person = before.Length > 3 && ((before[^3] == "d" && before[^2] == "c") || (before[^3] == "dong" && before[^2] == "chi")) ? 3
                : before.Length > 2 && PersonTitles.Contains(before[^2]) ? 2 : 0;
            for (var k = before.Length - 1; k >= Math.Max(0, before.Length - 3 - person); k--)
            {
                if (OnBehalf.Contains(before[k]))
                {
                    return true;
                }

                // "hôm qua trường mầm non báo …", "tuần qua": a time, not where it went.
                if (Towards.Contains(before[k]) && !(before[k] == "qua" && k > 0 && PastBefore.Contains(before[k - 1])))
                {
                    return false;
                }
            }

            // "UBND xã ký phát động phong trào rồi", "lãnh đạo UBND đã ký": the unit signed what the writer made; it approved,
            // the writer did.
            var after = folded[(folded.IndexOf(" " + f.Key + " ", StringComparison.Ordinal) + f.Key.Length + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return !after.Take(3).SkipWhile(w => w is "da" or "vua" or "moi" or "xa").Take(1).Any(w => w is "ky" or "phe" or "duyet");
        }

        // "Trạm Y tế xã" inside "Phòng Y tế" would be two units; the longer mention wins.
        found.RemoveAll(f => found.Any(g => g.Key.Length > f.Key.Length && g.Key.Contains(f.Key, StringComparison.Ordinal)));

        // "Báo cáo phòng: Hội CCB xã …": a mention that shares its last word with a longer one written on from it ("phòng hội",
        // "hội cựu chiến binh") is a piece of that one, not a unit of its own.
        found.RemoveAll(f => found.Any(g => g.Key.Length > f.Key.Length && Overlap(folded, f.Key, g.Key)));

        // "Kính gửi Phòng Văn hóa - Xã hội, …", "Chúc mừng năm mới phòng VHXH": whom the letter is to, not whom it is about.
        found.RemoveAll(f => f.Unit.Name != writer && Addressed(folded, f.Key));

        // In the order written: the first named is the one the message is about.
        found.Sort((a, b) => folded.IndexOf(" " + a.Key + " ", StringComparison.Ordinal).CompareTo(folded.IndexOf(" " + b.Key + " ", StringComparison.Ordinal)));
        UnitGroup? group = null;
        UnitGroup? spoken = null;
        var owner = false;
        var spans = new List<string>();
        foreach (var g in directory.Groups.Where(g => !g.IncludesAll))
        {
            if (GroupKey(g, directory, folded) is { } key)
            {
                // "MTTQ và các đoàn thể" names the group, the Front among it; "đôn đốc các trường tổng kết", "hồ sơ cho các
                // trường": whom an item directs or serves, part of its name.
                var said = folded[..folded.IndexOf(" " + key + " ", StringComparison.Ordinal)].TrimEnd().Split(' ');
                group = said[^1] is "cho" or "doc" or "dao" || (said.Length > 1 && said[^2] == "doi" && said[^1] == "voi") ? null : g;
                spoken = g;
                // "hồ sơ của khối giáo dục", "thẩm định hồ sơ các trường", "hồ sơ đề nghị khen thưởng các trường": whose papers
                // they are.
                // "của các trường mầm non, tiểu học, THCS": the members listed after the possessive are the owners as well. "hs" is
                // "hồ sơ" as typed in a hurry.
                owner = said.Reverse().SkipWhile(w => w is "cac" or "nhung" or "truong" or "ben" or "khoi" or "don" or "vi").FirstOrDefault() == "cua" || Enumerable.Range(Math.Max(1, said.Length - 6), Math.Min(6, said.Length - 1)).Any(k => PaperNouns.Contains(said[k - 1] + " " + said[k]) || said[k] == "hs");
                spans.Add(key);
                found.RemoveAll(f => key.Contains(f.Key, StringComparison.Ordinal));
                break;
            }
        }

        // "Mặt trận đã tổ chức xong hội nghị sơ kết, các đoàn thể đến đủ cả": the writer's own unit named first, with more than
        // "và" between it and the group, did the deed; the group only took part ("Mặt trận và các đoàn thể đã nộp" did it
        // together).
        var leads = false;
        if (group is not null && spans.Count > 0 && found.FirstOrDefault(f => f.Unit.Name == writer && IsDoer(f)) is { Key: { } mine })
        {
            var (at, groupAt) = (folded.IndexOf(" " + mine + " ", StringComparison.Ordinal), folded.IndexOf(" " + spans[0] + " ", StringComparison.Ordinal));
            leads = at < groupAt && folded[(at + mine.Length + 1)..groupAt].Trim() is not ("" or "va" or "voi" or "cung" or "cung voi" or "cung cac" or "va cac");
        }

        spans.AddRange(found.Select(f => f.Key));

        return new UnitMentions(found.Select(f => f.Unit).ToList(), group, spans)
        {
            Doers = found.Where(IsDoer).Select(f => f.Unit).ToList(), GroupOwns = owner, Spoken = spoken, WriterLeads = leads,
        };
    }

    // Words a unit's name begins as well: "hội nghị" is a meeting, not the association; "phong trào" is not a "phòng";
    // "kinh tế - xã hội" is the economy and society, not the economy office.
    private static readonly string[] Compounds =
        ["hoi nghi", "hoi dong", "hoi thao", "hoi thi", "hoi dien", "hoi vien", "phong trao", "truong hop", "kinh te xa hoi"];

    // Whether the key, followed by the next word, begins a longer word than the name.
    private static bool Compound(string key, string next) => Compounds.Any(c => c.StartsWith(key + " ", StringComparison.Ordinal) && c[(key.Length + 1)..].Split(' ')[0] == next);

    // Whether the folded text says the key as words of their own.
    private static bool Said(string folded, string key)
    {
        for (var at = folded.IndexOf(" " + key + " ", StringComparison.Ordinal); at >= 0; at = folded.IndexOf(" " + key + " ", at + 1, StringComparison.Ordinal))
        {
            var next = folded[(at + key.Length + 2)..].Split(' ', 2)[0];
            // "Chủ tịch UBND tỉnh", "Hội Nông dân huyện": a body of the same name at another level, not the commune's.
            if (!Compound(key, next) && next is not ("tinh" or "huyen"))
            {
                return true;
            }
        }

        return false;
    }

    // Whether the first mention of one key ends inside the first mention of the other, which starts after it.
    private static bool Overlap(string folded, string shorter, string longer)
    {
        var first = folded.IndexOf(" " + shorter + " ", StringComparison.Ordinal);
        var second = folded.IndexOf(" " + longer + " ", StringComparison.Ordinal);
        return first >= 0 && second > first && second < first + shorter.Length;
    }

    private static bool Addressed(string folded, string key)
    {
        var before = folded[..folded.IndexOf(" " + key + " ", StringComparison.Ordinal)].Trim().Split(' ').TakeLast(4).ToList();
        // "trễ mấy hôm mong phòng VHXH thông cảm", "xin phòng bỏ qua", "nhờ phòng VHXH ghi nhận", "cảm ơn phòng": the one the
        // writer turns to.
        return (before.Count >= 2 && before[^2] == "kinh" && before[^1] == "gui") || before.Contains("chuc")
               || (before.Count >= 1 && before[^1] is "mong" or "xin" or "nho" or "thua")
               || (before.Count >= 2 && before[^2] == "cam" && before[^1] == "on");
    }

    /// <summary>The words without the units' and the group's names, as written (their marks tell items apart).</summary>
    public string Without(string words)
    {
        var read = MessageWords.Read(words, int.MaxValue);

        // Each folded part, with the word it came from ("TYT" gives "tram", "y", "te", all from one word).
        var parts = read.SelectMany((w, i) => (Abbreviations.Common.GetValueOrDefault(w.Folded) ?? w.Folded).Split(' ').Select(p => (Part: p, Word: i))).ToList();
        var keep = Enumerable.Repeat(true, read.Count).ToArray();
        foreach (var span in Spans.OrderByDescending(s => s.Length))
        {
            var wanted = span.Split(' ');

            // A long name's last word may have been read as something else ("Phòng Văn hóa - Xã hội", "hội" taken for the
            // association) and left out of the words: the rest of the name is still the name.
            var length = wanted.Length >= 4 ? wanted.Length - 1 : wanted.Length;
            for (var i = 0; i + length <= parts.Count; i++)
            {
                if (Enumerable.Range(0, length).All(k => parts[i + k].Part == wanted[k] && keep[parts[i + k].Word])
                    && !(i + length < parts.Count && Compound(span, parts[i + length].Part)))
                {
                    var whole = length == wanted.Length || (i + length < parts.Count && parts[i + length].Part == wanted[^1]);
                    foreach (var k in Enumerable.Range(i, whole ? wanted.Length : length))
                    {
                        keep[parts[k].Word] = false;
                    }
                }
            }
        }

        // Shorthand that stands for several words ("nv") shares one span; it is written once. A semicolon, a full stop and a
        // comma stay: they part the things a report lists ("đã dự hội nghị tổng kết, hồ sơ khen cũng nộp rồi").
        var kept = read.Where((w, i) => keep[i] && (i == 0 || read[i - 1].Start != w.Start)).ToList();
        return string.Concat(kept.Select((w, i) => (i == 0 ? string.Empty : MessageWords.Break(words, kept[i - 1].End, w.Start)) + words[w.Start..w.End]));
    }

    // The school levels a school's name may say, and the grade people call the level by ("cấp 2").
    private static readonly (string Level, string Grade)[] SchoolLevels = [("tieu hoc", "1"), ("trung hoc co so", "2"), ("trung hoc pho thong", "3")];

    // The unit's names folded, with and without "xã" and the commune's name, and the part after its kind of body
    // ("Trạm Y tế xã" → "y te") when no other unit shares it.
    private static IEnumerable<string> Keys(Unit unit, UnitDirectory directory)
    {
        var commune = VietnameseText.Fold(directory.Commune ?? string.Empty);

        // "đoàn xã", "trạm xã": the name's first word with "xã" after it, when no other unit's name holds that word.
        if (ItemMatcher.Words(unit.Name) is [var first, ..]
            && !directory.Units.Any(u => u != unit && u.Aliases.Prepend(u.Name).Any(n => ItemMatcher.Words(n).Contains(first))))
        {
            yield return first + " xa";
        }
        foreach (var name in unit.Aliases.Prepend(unit.Name))
        {
            var key = string.Join(' ', ItemMatcher.Words(name));
            yield return key;

            // "Ủy ban đã nộp nv 2": in a commune, the committee alone is the People's Committee ("Ủy ban MTTQ", "ủy ban mặt
            // trận" name the Front, and the longer mention wins).
            if (key.StartsWith("uy ban nhan dan", StringComparison.Ordinal))
            {
                yield return "uy ban";
            }

            // "văn phòng hđnd và ủy ban xã": inside a longer name too, "UBND" is said as "ủy ban".
            if (key.Contains("uy ban nhan dan ", StringComparison.Ordinal) && !key.StartsWith("uy ban nhan dan", StringComparison.Ordinal))
            {
                var spoken = key.Replace("uy ban nhan dan ", "uy ban ", StringComparison.Ordinal);
                yield return spoken;
                yield return Trim(spoken, commune);
            }

            // "cấp 2", "trường c2": a school by its level, as teachers and the office say it.
            foreach (var (level, grade) in SchoolLevels.Where(l => (" " + key + " ").Contains(" " + l.Level + " ", StringComparison.Ordinal)))
            {
                yield return "cap " + grade;
                yield return "truong cap " + grade;
                yield return "c " + grade;
                yield return "truong c " + grade;
            }

            // "Phòng Văn hóa - Xã hội" is "phòng văn hóa" for short.
            if (name.IndexOf(" - ", StringComparison.Ordinal) is > 0 and var dash && ItemMatcher.Words(name[..dash]) is { Count: >= 2 } head)
            {
                yield return string.Join(' ', head);
            }

            var bare = Trim(key, commune);
            if (bare.Length > 0 && bare != key)
            {
                yield return bare;
            }

            var parts = bare.Split(' ');
            if (parts.Length >= 3)
            {
                // "Ban CHQS", "CHQS": the name's first word and the initials of the rest, as offices abbreviate.
                var initials = string.Concat(parts.Skip(1).Select(p => p[0]));
                yield return parts[0] + " " + initials;
                if (initials.Length >= 3)
                {
                    yield return initials;
                }

                // "HND": the whole name's initials.
                yield return string.Concat(parts.Select(p => p[0]));

                var tail = string.Join(' ', parts.Skip(1));
                if (!directory.Units.Any(u => u != unit && (" " + string.Join(' ', ItemMatcher.Words(u.Name)) + " ").Contains(" " + tail + " ", StringComparison.Ordinal)))
                {
                    yield return tail;
                }
            }
        }
    }

    // The name without the commune and "xã" ("công an"), and the runs of two or more words that begin or end its words
    // after its kind of body ("ban chi huy quan su": "chi huy", "quan su", …; "uy ban mat tran to quoc": "mat tran", …).
    private static readonly string[] TwoWordKinds = ["van phong", "hoi dong", "uy ban"];

    private static readonly int[] OneOrTwo = [1, 2];

    private static readonly int[] Two = [2];

    private static IEnumerable<string> Runs(string name, string commune)
    {
        var bare = Trim(name, commune);
        if (bare.Contains(' ', StringComparison.Ordinal))
        {
            yield return bare;
        }

        // The kind of body may be one word or two ("Hội", "Ủy ban"); a kind of two words is never cut in half ("phòng hội",
        // of "Văn phòng Hội đồng …", is the office asking).
        var words = bare.Split(' ');
        foreach (var skip in words.Length > 1 && TwoWordKinds.Contains(words[0] + " " + words[1]) ? Two : OneOrTwo)
        {
            var tail = words.Skip(skip).ToList();
            for (var length = 2; length < tail.Count; length++)
            {
                yield return string.Join(' ', tail.Take(length));
                yield return string.Join(' ', tail.TakeLast(length));
            }
        }
    }

    // Two capitals standing alone ("CA nộp D1 chưa", "PN"): how an office writes a unit's initials.
    [GeneratedRegex(@"(?<![\p{L}\d])\p{Lu}{2}(?![\p{L}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex Capitals();

    private static IEnumerable<string> SelfKeys(Unit unit)
    {
        var words = ItemMatcher.Words(unit.Name);
        yield return words[0];
        if (words.Count > 1)
        {
            yield return words[0] + " " + words[1];
        }
    }

    private static string Trim(string key, string commune)
    {
        if (commune.Length > 0 && key.EndsWith(" " + commune, StringComparison.Ordinal))
        {
            key = key[..^(commune.Length + 1)];
        }

        return key.EndsWith(" xa", StringComparison.Ordinal) ? key[..^3] : key;
    }

    // A group is named by its name or one of its phrases, by what a phrase says after "các" ("các đoàn thể"), or by the
    // first word all its units share and no other unit has, said as many ("các trường", "trường nào").
    private static string? GroupKey(UnitGroup group, UnitDirectory directory, string folded)
    {
        foreach (var phrase in group.Phrases.Append(group.Name))
        {
            var key = string.Join(' ', ItemMatcher.Words(phrase));
            if (folded.Contains(" " + key + " ", StringComparison.Ordinal))
            {
                return key;
            }

            var after = key.IndexOf("cac ", StringComparison.Ordinal);
            if (after >= 0 && key[(after + 4)..] is { Length: > 4 } rest && folded.Contains(" " + rest + " ", StringComparison.Ordinal))
            {
                return rest;
            }
        }

        // "khối giáo dục", "khối trường", "khối đoàn thể": a bloc named by words of this group's phrases and of no other's.
        var bloc = folded.IndexOf(" khoi ", StringComparison.Ordinal);
        if (bloc >= 0)
        {
            var next = folded[(bloc + 6)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var said in new[] { string.Join(' ', next.Take(2)), next.FirstOrDefault() ?? string.Empty }.Where(w => w.Length >= 4))
            {
                bool Uses(UnitGroup g) => g.Phrases.Append(g.Name).Any(p => (" " + string.Join(' ', ItemMatcher.Words(p)) + " ").Contains(" " + said + " ", StringComparison.Ordinal));
                if (Uses(group) && !directory.Groups.Any(g => g != group && !g.IncludesAll && Uses(g)))
                {
                    return "khoi " + said;
                }
            }
        }

        var members = directory.MembersOf(group);
        var first = members.Select(u => ItemMatcher.Words(u.Name).FirstOrDefault()).Distinct().ToList();
        if (members.Count < 2 || first is not [{ } head] || directory.Units.Except(members).Any(u => ItemMatcher.Words(u.Name).FirstOrDefault() == head))
        {
            return null;
        }

        // "ba trường", "cả 3 trường": as many as the group has.
        var count = members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var spelled = members.Count < Spelled.Length ? Spelled[members.Count] : count;
        foreach (var before in PluralBefore.Concat([$"ca {count}", $"ca {spelled}", count, spelled]))
        {
            // "quý 3 trường mình", "nv 3 trường em": the number is the quarter's or the item's; "hạn chót ngày mấy, trường tui
            // chưa gom đủ": "mấy" asks the day.
            if (folded.Contains($" {before} {head} ", StringComparison.Ordinal)
                && !((before == count || before == spelled || before == "may") && CountedElse.IsMatch(folded[..folded.IndexOf($" {before} {head} ", StringComparison.Ordinal)])))
            {
                return $"{before} {head}";
            }
        }

        return PluralAfter.Select(after => $"{head} {after}").FirstOrDefault(k => folded.Contains(" " + k + " ", StringComparison.Ordinal));
    }
}
