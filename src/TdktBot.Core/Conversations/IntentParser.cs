using System.Globalization;
using System.Text.RegularExpressions;
using TdktBot.Core.Text;

namespace TdktBot.Core.Conversations;

/// <summary>
/// The conversation's front door: turns whatever someone wrote to the bot into an <see cref="Intent"/>.
/// Pure and total: no I/O, no clock, and no input makes it throw.
/// </summary>
public static partial class IntentParser
{
    // Command keywords that are also everyday words ("nộp", "quý", "mới"): typed without a slash
    // they count as the command only when the rest of the message agrees.
    private static readonly HashSet<string> EverydayKeywords = new(StringComparer.Ordinal) { "nop", "huy", "quy", "thang", "tuan", "moi" };

    /// <summary>
    /// Reads a message: a command ("/nop 2", "/nop@TdktBot 2"), a command word the bot suggested
    /// ("NOP 2", "QUY 2", "GUI 12"), or free text in Vietnamese with or without diacritics.
    /// </summary>
    public static Intent Parse(string text)
    {
        // "… gửi từ hôm thứ 3 rồi còn gì": said to insist it is done, not asking what is left.
        var clean = Insisting().Replace(Normalized(text), "${done}");
        if (clean.Length == 0)
        {
            return new Intent(IntentKind.Unknown);
        }

        if (BroadcastDecision(clean) is { } decision)
        {
            return decision;
        }

        if (clean[0] == '/')
        {
            return Command(clean);
        }

        // "Nhắc các trường: …": what follows the request is the notice, whatever it says. "Mai hết hạn quý 1. Nhắc tất cả các
        // cơ quan đơn vị …": one short sentence of why may come before the request.
        if ((FreeTextReader.Notice(clean) ?? (LeadSentence().Match(clean) is { Success: true } lead ? FreeTextReader.Notice(clean[lead.Length..]) : null)) is { } notice)
        {
            return notice;
        }

        // Past the words free text is read by, a pasted document is not the request: the clauses cut below are cut from
        // its first lines only, so a long message costs no more than one of those words.
        clean = MessageWords.Head(clean);
        if (PointOfStory(clean) is { } point)
        {
            return point;
        }

        if (FreeTextReader.Dropped(clean))
        {
            return new Intent(IntentKind.Later);
        }

        if (WithoutManners(clean) is { } request)
        {
            return request;
        }

        var free = FreeTextReader.Read(clean);
        var read = CommandWord(clean, free) ?? free;
        if (Correction().IsMatch(VietnameseText.StripMarks(clean)))
        {
            // A report corrected while written is read as corrected, or not split into a report and a question.
            return Corrected(clean) ?? read;
        }

        return read.Kind == IntentKind.Undo ? WithoutKept(clean) ?? read : OnlyThese(ReportThenQuestion(clean) ?? QuestionThenInsisting(clean) ?? (read.Kind is IntentKind.Ask or IntentKind.Unknown ? QuestionThenNews(clean) : null) ?? (read.Kind == IntentKind.Ask ? HearsayThenQuestion(clean) : null) ?? read, clean);
    }

    // "hồ sơ khen thưởng chưa gửi đâu, gỡ giúp cái đó, kế hoạch thì gửi rồi": a takeback beside a clause that says another
    // thing was sent, naming it by its words; what that clause names stays, and the rest is taken back.
    private static Intent? WithoutKept(string clean)
    {
        var clauses = ClausesOf(clean);
        var kept = clauses.Select((c, i) => i > 0 && KeptClause().IsMatch(VietnameseText.Fold(c).Trim()) && FreeTextReader.Targets(c).Count == 0).ToList();
        if (!kept.Contains(true))
        {
            return null;
        }

        var rest = string.Concat(clauses.Where((_, i) => !kept[i])).Trim().TrimEnd(',', ';', '.');
        return FreeTextReader.Read(rest) is { Kind: IntentKind.Undo } undo ? undo with { Clause = rest } : null;
    }

    /// <summary>
    /// The items a takeback names by number in a clause of their own as staying: "…, bỏ cái đó ra giúp, D1 thì đúng rồi".
    /// </summary>
    public static IReadOnlyList<string> KeptItems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. ClausesOf(text).Skip(1)
            .Where(c => KeptClause().IsMatch(VietnameseText.Fold(c).Trim()))
            .SelectMany(FreeTextReader.Targets).Distinct(StringComparer.Ordinal)];
    }

    // The text cut after each clause's end, every piece kept as written.
    private static List<string> ClausesOf(string text)
    {
        var ends = ClauseEnd().Matches(text).Select(m => m.Index + m.Length).Where(e => e < text.Length).Prepend(0).Append(text.Length).ToList();
        return [.. ends.Zip(ends.Skip(1), (from, to) => text[from..to])];
    }

    // "kế hoạch thì gửi rồi", "còn D1 thì vẫn đúng" (folded): a clause keeping what it names, with nothing taken back.
    [GeneratedRegex(@"^(?:con\s+)?(?!.*\b(?:chua|khong|ko|k|huy|bo|go|nham|lon|rut|sai)\b)\S.*?\s+thi\s+(?:(?:da|van|cung)\s+)?(?:gui|nop|xong|dung|ok)\b", RegexOptions.CultureInvariant)]
    private static partial Regex KeptClause();

    // "đã gửi 3, 4. à 4 là hội nghị, bên em chưa đi, chỉ gửi 3 thôi": a last clause saying only some of the items reported
    // were done reports those alone.
    private static Intent OnlyThese(Intent read, string clean)
    {
        if (read is not { Kind: IntentKind.Confirm, Question.Numbers.Count: > 1 })
        {
            return read;
        }

        var last = ClauseEnd().Matches(clean).Select(m => m.Index + m.Length).Where(e => e < clean.Length).DefaultIfEmpty(0).Max();
        var clause = clean[last..].Trim();
        var only = OnlyClause().IsMatch(VietnameseText.Fold(clause)) ? FreeTextReader.Targets(clause).Where(t => read.Question.Numbers.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList() : [];
        // The clause is what narrows the report, not a question after it.
        return only.Count > 0 ? read with { Question = read.Question with { Numbers = only }, Then = null } : read;
    }

    // "chỉ gửi 3 thôi", "mới xong nv 16 thôi" (folded).
    [GeneratedRegex(@"^(?:(?:a|u|o|ah)\s+)?(?:(?:em|e|minh|toi|chi|anh|ben em)\s+)?(?:chi|moi)\s+(?:\S+\s+){0,6}?thoi[\s.!]*$", RegexOptions.CultureInvariant)]
    private static partial Regex OnlyClause();

    // The message as it is read: cleaned, document numbers aside, numbers said aloud in digits, and the bot, a paper carried
    // up and the Front each called as the plain words would call them.
    private static string Normalized(string text) =>
        MessageWords.WithFrontNamed(MessageWords.WithCarriedUp(MessageWords.WithBotNamed(MessageWords.WithSpokenNumbers(
            MessageWords.WithoutDocumentNumbers(MessageWords.Clean(text))))));

    // "mai là hạn D2 hả, trường c2 nộp từ tuần trước r mà", "sao bot bảo hội nd còn nợ nv 3, hôm trước nộp rồi mà": a question
    // about an item, then a last clause insisting it was done, reports it; the report's own words name it, or the question.
    // "hôm nay hạn D2 đúng k, trường e gửi sáng nay rồi", "hạn cuối D1 phải không em? chị gửi rồi đấy, gửi bản có dấu đỏ":
    // whether an item is due now, then what follows saying it was sent, reports the item, insisting or not.
    private static Intent? QuestionThenInsisting(string clean)
    {
        var ends = ClauseEnd().Matches(clean).Select(m => m.Index + m.Length).Where(e => e < clean.Length).ToList();
        foreach (var end in ends)
        {
            var (question, report) = (clean[..end].TrimEnd(',', '.', ';', '!', '?', ' ', '\n'), clean[end..].Trim());
            var insists = end == ends[^1] && Insists().IsMatch(report);
            // "hội phụ nữ gửi D1 chưa vậy, hôm trước chị chủ tịch bảo gửi rồi": what someone said is why the writer asks.
            if (question.Length == 0 || (!insists && report.Contains('?', StringComparison.Ordinal)) || Relayed().IsMatch(report)
                || FreeTextReader.Read(report) is not { Kind: IntentKind.Confirm, IsAmbiguous: false } done
                || FreeTextReader.Read(question) is not { Kind: IntentKind.Ask, IsAmbiguous: false } asked
                || !(insists || (asked.Question is { Numbers.Count: 1, ItemForm: AnswerForm.When or AnswerForm.State } && done.Question.Numbers.Count == 0)))
            {
                continue;
            }

            // What the report's words name beside a unit or a time ("trường c2 nộp từ tuần trước r mà") is what was asked.
            return done.Question.Numbers.Count > 0 ? done with { Clause = report }
                : asked.Question.Numbers.Count > 0 ? done with { Question = done.Question with { Numbers = asked.Question.Numbers, ItemWords = null } }
                : !NamesNothing(done.Question.ItemWords) ? done with { Clause = report }
                : null;
        }

        return null;
    }

    // "nghe noi hoi phu nu nop het roi, hoi minh con no cai gi khong chau": what was heard of others opens the message; the
    // question after it is asked on its own, of whom it names.
    private static Intent? HearsayThenQuestion(string clean)
    {
        if (ClauseEnd().Match(clean) is not { Success: true, Index: > 0 } end || end.Index + end.Length >= clean.Length
            || !Heard().IsMatch(VietnameseText.Fold(clean[..end.Index])))
        {
            return null;
        }

        var question = clean[(end.Index + end.Length)..].Trim();
        return FreeTextReader.Read(question) is { Kind: IntentKind.Ask, Asked: true, IsAmbiguous: false } asked ? asked with { Clause = question } : null;
    }

    [GeneratedRegex(@"^(?:(?:em|e|chi|anh|toi|minh|chau|chu|bac|co)\s+)?(?:nghe\s+(?:noi|dau|bao|don|phong thanh|tin)|thay\s+bao)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Heard();

    // "bảo", "nói", as written with their marks: someone's word passed on ("chị chủ tịch bảo gửi rồi").
    [GeneratedRegex(@"(?<!\p{L})(?:bảo|nói)(?!\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Relayed();

    // "trường còn phải nộp mấy cái nữa thế, chiều nay em gửi nốt kh năm học": a question, then news of work still to come,
    // or of the writer new to the work ("e mới nhận bàn giao"); the question is asked on its own, and what follows does
    // not narrow it.
    private static Intent? QuestionThenNews(string clean)
    {
        foreach (var end in ClauseEnd().Matches(clean).Select(m => m.Index + m.Length).Where(e => e < clean.Length))
        {
            var (question, news) = (clean[..end].TrimEnd(',', '.', ';', '!', ' ', '\n'), clean[end..].Trim());
            if (question.Length > 0 && FreeTextReader.Read(question) is { Kind: IntentKind.Ask, Asked: true, IsAmbiguous: false } asked
                && !news.Contains('?', StringComparison.Ordinal)
                && (FreeTextReader.Read(news) is { Kind: IntentKind.Later, Asked: false } || NewToTheWork().IsMatch(VietnameseText.Fold(news))))
            {
                return asked with { Clause = question };
            }
        }

        return null;
    }

    // "bc xong nv3 r a... à nhầm, nv4 ạ", "gửi nv9 r, à không, nv12 mới đúng": the writer corrects what they named while
    // still writing. The report stands, for what comes after the correction alone; nothing was confirmed to take back.
    private static Intent? Corrected(string clean)
    {
        // Without marks every character stays where it was, so the places found are the written text's.
        var folded = VietnameseText.StripMarks(clean);
        if (folded.Length != clean.Length || Correction().Match(folded) is not { Success: true } match || match.Index == 0)
        {
            return null;
        }

        var (said, rest) = (clean[..match.Index], RightWords().Replace(clean[(match.Index + match.Length)..], string.Empty).Trim());
        var done = FreeTextReader.Read(said);
        if (done.Kind != IntentKind.Confirm || done.IsAmbiguous)
        {
            return null;
        }

        // "… đã hoàn thành nv 16 và nv 20. À nhầm, nv 20 chưa, mới xong 16 thôi": the correction opens by taking one of the
        // items reported back at once; the report stands for the others, and names no item it did not.
        if (done.Question.Numbers.Count > 1 && OldItemAfter().Match(" " + VietnameseText.StripMarks(rest)) is { Success: true, Index: 0 } withdrawn
            && done.Question.Numbers.FirstOrDefault(n => string.Equals(n, withdrawn.Groups["n"].Value, StringComparison.OrdinalIgnoreCase)) is { } taken)
        {
            var kept = done.Question.Numbers.Where(n => n != taken).ToList();
            return FreeTextReader.Targets(rest).All(t => t == taken || kept.Contains(t, StringComparer.OrdinalIgnoreCase))
                ? done with { Question = done.Question with { Numbers = kept }, Clause = said }
                : null;
        }

        // "…, ý e là nv 20 🙏 16 thì chưa", "…, xong nv 9 ạ, còn 13 thì đang làm": what is said after of the item corrected away
        // is why it was wrong, not part of the correction.
        if (OldItemAfter().Matches(VietnameseText.StripMarks(rest)).FirstOrDefault(m => done.Question.Numbers.Contains(m.Groups["n"].Value, StringComparer.OrdinalIgnoreCase)) is { Index: > 0 } old)
        {
            // "…, à nhầm, gửi nv 3 chứ, D1 thì chưa": "chứ" before it insists on the item corrected to; it asks nothing.
            rest = InsistingEnd().Replace(rest[..old.Index].Trim(), string.Empty);
        }

        // "gửi hồ sơ khen thưởng năm 2025 thôi, kế hoạch chưa xong": what stands comes first; what is still not done after
        // it is the report taken back, not the correction.
        var lead = ClauseEnd().Match(rest) is { Success: true } end && end.Index > 0 ? rest[..end.Index].Trim() : rest;
        if (NotYet().IsMatch(VietnameseText.Fold(rest)) && !NotYet().IsMatch(VietnameseText.Fold(lead)) && FreeTextReader.Targets(rest).Count == 0)
        {
            rest = lead;
        }

        var meant = FreeTextReader.Read(rest);
        var targets = FreeTextReader.Targets(rest);
        // "… đã tổ chức tổng kết ạ, à mà chưa, mới là họp chuẩn bị thôi": the report denied as it is written; nothing was done.
        // Naming another item after it ("à chưa, nộp D2 …") it says no more than the words as they stand.
        if (match.Value.TrimEnd(' ', ',', '.', ';', '!', ':', '…', '-').EndsWith("chua", StringComparison.Ordinal))
        {
            return targets.Count == 0 && !meant.Asked ? new Intent(IntentKind.Later) : null;
        }

        // "MN đã gửi kế hoạch năm học. À mà nhầm, chưa gửi, mai mới gửi": the report is withdrawn as it is written; nothing
        // was done and nothing was confirmed to take back.
        // "báo nhầm, chưa nộp", "gửi nhầm, bên em chưa họp" say the deed was reported by mistake: an undo, read as a whole.
        var apart = match.Value.TrimStart()[0] is ',' or '.' or ';' or '!' or '…' || match.Value.TrimStart() is ['a' or 'o', ' ', ..];
        if (apart && targets.Count == 0 && NotYet().IsMatch(VietnameseText.Fold(lead)) && meant.Kind is IntentKind.Later or IntentKind.Unknown
            && FreeTextReader.AsQuestion(lead).Question is { Numbers.Count: 0, ItemWords: null })
        {
            return new Intent(IntentKind.Later);
        }

        if (meant.Asked || meant.Kind is IntentKind.Undo or IntentKind.Later || NotYet().IsMatch(VietnameseText.Fold(rest)))
        {
            return null;
        }

        // "đã nộp kế hoạch năm 2026, nhầm, kế hoạch năm học 2026-2027 ạ": named by its words, corrected by words, which may
        // be all that follows ("à nhầm báo cáo tổng kết năm 2025 lên cụm").
        var corrected = meant.Question.ItemWords ?? (meant.Kind == IntentKind.Unknown ? FreeTextReader.AsQuestion(rest).Question.ItemWords : null);
        if (done.Question.Numbers.Count == 0 && done.Question.ItemWords is not null && targets.Count == 0 && corrected is { } words)
        {
            return done with { Question = done.Question with { ItemWords = words, Period = null }, Clause = rest };
        }

        if (done.Question.Numbers.Count == 0 || targets.Count == 0)
        {
            return null;
        }

        return done with { Question = done.Question with { Numbers = targets, ItemWords = null }, Clause = rest };
    }

    // "à nhầm,", "à mà nhầm", "ơ lộn rồi.", "à không,", "à k phải,", "à mà chưa,", "ý em là", ", ý là": a correction between clauses (in the text without marks); "à nhầm nv 3", "à
    // nhầm báo cáo tổng kết": one that names the right item straight after.
    [GeneratedRegex(@"(?:[,.;!…]+\s*|\s+)(?:a|o|ay|ui)?\s*(?:(?<=\b(?:a|o)\s+)ma\s+)?(?:nham|lon|(?<=\b(?:a|o)\s*)(?:khong|ko|k)(?:\s+phai)?|(?<=\b(?:a|o)\s+(?:ma\s+)?)chua|y\s+(?:em|e|minh|toi|anh|chi)\s+la|(?<=[,.;!…]\s*)y\s+la)(?:\s+(?:roi|r))?(?:\s*[,.;!:…-]+\s*|\s+(?=(?:nv|nhiem vu|muc|viec|D)\s*\d)|(?<=\b(?:a|o)\s+nham|\by\s+\S+\s+la)\s+(?=\w))", RegexOptions.CultureInvariant)]
    private static partial Regex Correction();

    // "gửi nv 3 chứ" (ending, with or without its mark, and a comma or full stop after it).
    [GeneratedRegex(@"\s+(?:chứ|chu)[\s,.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InsistingEnd();

    // "16 thì chưa", ", còn 13 thì đang làm": the item corrected away, said not done (in the text without marks).
    [GeneratedRegex(@"(?:[,.;!…]\s*|\s+)(?:con\s+)?(?:(?:nv|muc|nhiem vu|viec)\s*)?(?<n>\d+|[Dd]\d)\s+(?:thi\s+)?(?:chua|dang|van|moi|de sau)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OldItemAfter();

    // "nv12 mới đúng", "nv4 mới phải", "nv 4 cơ": what says the corrected one is right.
    [GeneratedRegex(@"\b(?:mới|moi)\s+(?:đúng|dung|phải|phai|chuẩn|chuan)\b|\b(?:cơ|co|chứ|chu)(?:\s+(?:ạ|a|nhé|nhe|nha))?[\s.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RightWords();

    // "nv4 chưa", "nv4 thì chưa": the corrected one is not done either.
    [GeneratedRegex(@"\b(?:chua|khong|ko|chang)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotYet();

    // "Hội PN xong D1 rồi ạ, còn gì nữa ko em": a report, then a question, each a clause of its own. The report is read
    // from its clauses alone and the question is kept to answer after it. Only a plain report with what it names ("nếu
    // đã nộp D1, …" supposes), and only a plain question after it.
    private static Intent? ReportThenQuestion(string clean)
    {
        var ends = ClauseEnd().Matches(clean).Select(m => m.Index + m.Length).Where(e => e < clean.Length).ToList();
        foreach (var end in ends)
        {
            var (report, question) = (clean[..end].TrimEnd(',', '.', ';', '!', '?', ' ', '\n'), clean[end..].Trim());
            if (report.Length == 0 || question.Length == 0 || Supposing().IsMatch(report))
            {
                continue;
            }

            // "nộp từ tuần trước rồi mà sao còn nhắc vậy": a report naming nothing stands when the complaint says it was not
            // taken in; the bot asks which.
            var done = FreeTextReader.Read(report);
            var complaint = Complaint().IsMatch(question) || Insists().IsMatch(report);
            // "Nhà tôi mới gặt xong, tuần sau hội mới lên xã nộp giấy tờ được": what was done hands nothing in and names nothing
            // of the plan; the handing in is still to come.
            if (done is { Kind: IntentKind.Confirm, IsAmbiguous: false, Question.Numbers.Count: 0 } && NamesNothing(done.Question.ItemWords)
                && !HandedIn().IsMatch(VietnameseText.Fold(report)) && HandedIn().IsMatch(VietnameseText.Fold(question))
                && FreeTextReader.Read(question).Kind == IntentKind.Later)
            {
                return new Intent(IntentKind.Later);
            }

            if (done.Kind != IntentKind.Confirm || done.IsAmbiguous
                || (done.Question.Numbers.Count == 0 && done.Question.ItemWords is null && !(complaint && Nags().IsMatch(VietnameseText.Fold(question)))))
            {
                continue;
            }

            // "hs khen 2025 mới xong 2/3, cuối tuần nộp": the rest may itself be a report of making taken back by what is to come.
            var asked = FreeTextReader.Read(question);
            asked = asked.Kind == IntentKind.Confirm && ReportThenQuestion(question) is { Kind: IntentKind.Later } made ? made : asked;
            if (NotSent().IsMatch(VietnameseText.Fold(question)) && FreeTextReader.Targets(question).Count == 0)
            {
                // "đã xây dựng xong kế hoạch nhưng chưa gửi": what was done is not what the plan asks for; nothing is reported.
                // A report that says it handed something in is read whole ("đã nộp hồ sơ nhưng chưa gửi bản giấy").
                return HandedIn().IsMatch(VietnameseText.Fold(report)) ? null : new Intent(IntentKind.Later);
            }

            if (AwaitsSigning().IsMatch(VietnameseText.Fold(question)) && !SentAfterSigning().IsMatch(VietnameseText.Fold(question))
                && !HandedIn().IsMatch(VietnameseText.Fold(report)) && !Held().IsMatch(VietnameseText.Fold(report))
                && FreeTextReader.Targets(question).Count == 0)
            {
                // "xây dựng xong kế hoạch thi đua rồi, đang trình lãnh đạo ký": made, and waiting to be signed before it goes. A
                // meeting held is held, whatever its minutes await ("…, biên bản đã trình chủ tịch ký").
                return new Intent(IntentKind.Later);
            }

            // "d1 mt nộp r mà, sao phòng vh vẫn gọi nhắc v? kiểm tra giúp mặt trận đã nộp d1 chưa": what was reported is what
            // the writer asks the bot to look up; the question alone is answered, as its last clause asks it ("… chưa").
            if (asked is { Kind: IntentKind.Ask, IsAmbiguous: false, Asked: true } && Checks(asked)
                && asked.Question.Numbers.Intersect(done.Question.Numbers, StringComparer.Ordinal).Any())
            {
                var last = ClauseEnd().Matches(question).Select(m => m.Index + m.Length).Where(e => e < question.Length).DefaultIfEmpty(0).Max();
                if (FreeTextReader.Read(question[last..]) is { Kind: IntentKind.Ask, Asked: true, IsAmbiguous: false } checking && Checks(checking)
                    && AsksWhetherDone().IsMatch(VietnameseText.Fold(question[last..])))
                {
                    return checking with { Clause = question[last..] };
                }
            }

            if (complaint && ((!(asked.Kind == IntentKind.Ask && asked.Asked) && asked.Kind != IntentKind.Later) || Nags().IsMatch(VietnameseText.Fold(question))))
            {
                // "nộp D1 hôm qua rồi mà sao bot vẫn nhắc", "… rồi mà sao còn nhắc vậy", "đã nộp D1 rồi mà, sao bot vẫn nhắc
                // hoài": the report answers the complaint.
                return done with { Clause = report };
            }

            // "MN gửi kh năm học mới hôm qua rồi, ad kiểm tra giúp", "…, cảm ơn ad": a request to look, or thanks, naming
            // nothing, leaves the report as it was.
            // "…, chắc phòng chưa cập nhật", "…, dc ko": that it was not taken in yet, or whether it is all right, leaves the
            // report as it was too.
            if ((LookRequest().IsMatch(VietnameseText.Fold(question)) || NotTakenIn().IsMatch(VietnameseText.Fold(question))) && FreeTextReader.Targets(question).Count == 0)
            {
                return done with { Clause = report };
            }

            if (asked is { Kind: IntentKind.Ask, IsAmbiguous: false, Asked: true })
            {
                return done with { Clause = report, Then = asked with { Clause = question } };
            }

            // "nv 15 xong rồi, còn nv 13 thì chưa", "nộp D1 r. còn D2 thì sao", "nv 4 thì tuần sau mới tổ chức": what is set
            // against the report, or still to come, is not reported. The report may run on past this clause: "đã trình hội
            // đồng rồi, nv 19 nhé. còn nv 18 thì tháng 1 mới họp".
            // "sơ kết 6 tháng thì cuối tháng trường mới tổ chức", "hồ sơ … thì đang thẩm định" are still to come; "còn D1 thì
            // nộp từ tháng 1 rồi" is done as well, and the whole message reports both.
            // "kế hoạch năm học đã soạn xong, thứ 2 tuần sau em nộp": what is still to come, naming nothing of its own (one
            // word names nothing), is what was just said done; nothing is reported yet.
            // "hồ sơ khen 2025 em scan xong rồi, mai trình sếp ký rồi mới nộp", "soạn xong bản kế hoạch rồi, …, chiều mai gửi":
            // what was done was the making; the handing in is still to come. "…, còn báo cáo 6 tháng thì mai gửi" is another
            // thing.
            if (asked.Kind == IntentKind.Later && FreeTextReader.AsQuestion(question).Question is { Numbers.Count: 0 } later
                && (NamesNothing(later.ItemWords)
                    || (HandsInLater().IsMatch(VietnameseText.Fold(question)) && !HandedIn().IsMatch(VietnameseText.Fold(report)) && !Contrast().IsMatch(question)
                        && (!Apart(done.Question.ItemWords, later.ItemWords!) || BareHandingIn(question)))))
            {
                return asked;
            }

            var folded = VietnameseText.Fold(question);
            var pending = Pending().IsMatch(folded);
            var also = asked is { Kind: IntentKind.Confirm, IsAmbiguous: false } && !pending
                       && (asked.Question.Numbers.Count > 0 || asked.Question.ItemWords is not null);
            if (((Contrast().IsMatch(question) || (Topic().IsMatch(folded) && pending) || OthersNotYet().IsMatch(folded)) && !also) || asked.Kind == IntentKind.Later)
            {
                return done with { Clause = report };
            }
        }

        return null;
    }

    // Ends asking whether it is done: "… đã nộp d1 chưa", "… nộp D1 chưa ạ?".
    [GeneratedRegex(@"\b(?:chua|hay chua|khong|ko)(?:\s+(?:a|ah|vay|v|nhi|nhe|nha|the))*[\s?.!]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AsksWhetherDone();

    // Asks whether an item is done: "đã nộp d1 chưa".
    private static bool Checks(Intent asked) => asked.Question is { Form: AnswerForm.State } or { ItemForm: AnswerForm.State };

    // "…, nhưng chưa thẩm định, chắc tuần sau mới nộp": the clause that hands in later names nothing of its own, so what it
    // hands in is what was reported.
    private static bool BareHandingIn(string later) =>
        later.Split([',', '.', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(c => HandsInLater().IsMatch(VietnameseText.Fold(c)))
            .Any(c => FreeTextReader.AsQuestion(c).Question is { Numbers.Count: 0 } q && NamesNothing(q.ItemWords));

    // Words that name no item: none, none the plan could hold, or one word alone. Where a paper goes ("hồ sơ lên xã") is not
    // what it is.
    private static bool NamesNothing(string? words) =>
        words is null || Destination().Replace(VietnameseText.Fold(words), string.Empty) is var what && (!ItemMatcher.Describes(what) || MessageWords.Read(what).Count < 2);

    // "lên xã", "về phòng", "sang UBND" (folded) and all after it: where a paper goes.
    [GeneratedRegex(@"\s+(?:len|ve|sang)\s+(?:xa|phong|ubnd|uy ban|huyen|tinh|cum|tren|cap tren)\b.*$", RegexOptions.CultureInvariant)]
    private static partial Regex Destination();

    // "trạm đã tổ chức hội nghị tổng kết, hồ sơ khen thưởng tuần sau mới gửi được": what is still to be handed in shares no
    // word with what was done, so it is another thing, not the handing in of the one reported.
    private static bool Apart(string? done, string later)
    {
        var said = MessageWords.Read(done ?? string.Empty).Select(w => w.Folded).ToHashSet(StringComparer.Ordinal);
        var next = MessageWords.Read(later).Select(w => w.Folded).ToList();
        return said.Count >= 2 && next.Count >= 2 && !next.Any(said.Contains);
    }

    // "Chào bot, tôi là chủ tịch Hội CCB, tuổi cao nên gõ chữ không dấu, mong thông cảm. Cho tôi hỏi …", "… rồi ạ. Em cảm
    // ơn.": greetings, introductions, apologies and thanks around a request are manners, not the request. The clauses that
    // open with them are set aside, and so is all that comes before a clause opening the request ("cho tôi hỏi", "em báo
    // là") unless it names an item by number or reports something. The rest is read on its own when it asks, reports what
    // it names, or takes something back; otherwise (null) the whole message is read as it came.
    private static Intent? WithoutManners(string clean)
    {
        var clauses = new List<(int Start, int End)>();
        var start = 0;
        foreach (Match end in MannerBreak().Matches(clean))
        {
            if (end.Index > start)
            {
                clauses.Add((start, end.Index + end.Length));
            }

            start = end.Index + end.Length;
        }

        if (start < clean.Length)
        {
            clauses.Add((start, clean.Length));
        }

        // "dạ em chào anh chị phòng văn hóa em là chủ tịch hội phụ nữ em báo là hội em đã gửi …": said in one breath, the
        // manners run on into the request, which opens where "em báo là" or "cho em hỏi" stands.
        var texts = clauses.Select(c => clean[c.Start..c.End])
            .SelectMany(t => VietnameseText.StripMarks(t) is var plain && plain.Length == t.Length && InnerOpener().Match(plain.ToLowerInvariant()) is { Success: true, Index: > 0 } inner
                             && IsManners(VietnameseText.Fold(MessageWords.Unnamed(t[..inner.Index])).Trim())
                ? new[] { t[..inner.Index], t[inner.Index..] }
                : [t])
            .ToList();
        var folded = texts.Select(t => VietnameseText.Fold(MessageWords.Unnamed(t)).Trim()).ToList();
        // "xin lỗi ad nộp nhầm file": an apology for a mistake is what the message is about.
        // "bot nhắc 3 lần 1 ngày rồi đấy, phiền quá.", "nhận được tin nhắc rồi.": what the writer says of the bot's reminders,
        // naming nothing of the plan, is set aside as well.
        // "nhờ bot cho tôi biết …" asks, however politely it opens.
        var keep = texts.Select((t, i) => !((IsManners(folded[i]) && !RequestOpener().IsMatch(folded[i])) || (Nagging().IsMatch(folded[i]) && !ItemHead.IsMatch(folded[i])))
                                          || FreeTextReader.Targets(t).Count > 0 || Mistaken().IsMatch(folded[i])).ToArray();
        var opener = Enumerable.Range(0, texts.Count).FirstOrDefault(i => i > 0 && RequestOpener().IsMatch(folded[i]));
        if (opener > 0)
        {
            // What comes before may be the request's subject ("Nhà trường đang xây dựng kế hoạch năm học, tôi muốn hỏi còn
            // mấy ngày"): it stays unless the request names what it is about itself.
            var asked = FreeTextReader.Read(string.Concat(texts.Skip(opener)));
            var named = asked.Question.Numbers.Count > 0 || asked.Question.ItemWords is not null || asked.Question.Period is not null;
            if (Enumerable.Range(0, opener).All(i => !keep[i] || Preamble(texts[i], named)))
            {
                Array.Fill(keep, false, 0, opener);
            }
        }

        // "Em chào bot ạ, em mới về làm văn thư ở trường TH, có gì bot chỉ giáo ạ": a greeting, who writes and a plea, and no
        // more; nothing is asked ("nếu …" may open a question of its own).
        // "e mới được phân công theo dõi thi đua, nhờ bot chỉ cách dùng với" asks how to use the bot.
        if (texts.Count > 1 && !keep.Any(k => k) && !clean.Contains('?', StringComparison.Ordinal) && !folded.Any(f => f.StartsWith("neu ", StringComparison.Ordinal))
            && FreeTextReader.Read(clean).Kind != IntentKind.Help)
        {
            return new Intent(IntentKind.Greeting);
        }

        if (keep.All(k => k) || !keep.Any(k => k))
        {
            return null;
        }

        var rest = string.Concat(texts.Where((_, i) => keep[i])).Trim().TrimEnd(',', ';');
        var read = Parse(rest);
        // "Dạ em chúc mừng anh chị phòng mình, hội nghị sơ kết hôm qua tổ chức thành công quá ạ": what is congratulated was
        // done by those congratulated, not reported by the writer.
        var congratulates = Enumerable.Range(0, texts.Count).Any(i => !keep[i] && Congratulation().IsMatch(folded[i]));
        var nagged = Enumerable.Range(0, texts.Count).Any(i => !keep[i] && Nagging().IsMatch(folded[i]));
        var acts = read.Kind switch
        {
            IntentKind.Ask or IntentKind.Undo or IntentKind.Help or IntentKind.Later => true,
            // "nhắc hoài, nộp từ tuần trước rồi mà …": beside a complaint of reminders, a report naming nothing still reports.
            IntentKind.Confirm => (read.Question.Numbers.Count > 0 || read.Question.ItemWords is not null || nagged) && !congratulates,
            _ => false,
        };
        return acts ? read with { Clause = read.Clause ?? rest } : null;
    }

    // A clause before the request that it may leave out: no item by number, not a report of what it names, and no words
    // that may name an item unless the request names its own.
    private static bool Preamble(string clause, bool requestNames) =>
        FreeTextReader.Targets(clause).Count == 0 && FreeTextReader.Read(clause) is var read
        && read is not { Kind: IntentKind.Confirm, IsAmbiguous: false, Question.ItemWords: not null }
        && (requestNames || read.Question.ItemWords is null);

    [GeneratedRegex(@"\b(?:nham|lon|huy)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Mistaken();

    // "chúc mừng anh chị phòng mình" congratulates; "Chúc mừng năm mới", "chúc mừng ngày nhà giáo" wish for a season.
    [GeneratedRegex(@"^(?:(?:da|vang|em|chi|anh|toi|minh|chung em|chung toi|xin|nhiet liet)\s+)*chuc mung\b(?!\s+(?:nam moi|xuan|tet|ngay|giang sinh)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Congratulation();

    // Where a clause ends, for manners: a comma or a full stop (not before a number), a semicolon, a question or exclamation
    // mark, a line break.
    [GeneratedRegex(@"(?:[;!?\n]|[,.](?!\d))+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex MannerBreak();

    // A clause of manners (folded, names as "_"): a greeting, who writes ("tôi là …", "em là hiệu trưởng", "tôi trưởng phòng
    // kinh tế đây", "cô Mai đây", "anh Sơn chủ tịch mặt trận", "em mới về làm văn thư", "tôi mới được bầu làm chủ tịch
    // hội"), an apology, thanks, wishes ("năm mới chúc mọi người …"), a plea ("mong thông cảm", "có gì sai bỏ qua cho", "có
    // gì bot chỉ giáo"), a meeting arranged ("hẹn gặp bên phòng tuần sau"), a salutation alone ("Báo cáo đồng chí,").
    [GeneratedRegex(
        @"^(?:(?:da|vang|thua|a|ah|ok|oke|okay|okie)\s+)*(?:(?:em|chi|anh|toi|minh|chau|co|thay|chu|bac|c|a|e|chung toi|chung em)\s+(?:_\s+)*)?(?:xin\s+|kinh\s+)?(?:chao\b|_(?:\s+day)?[\s.!,;]*$|day[\s.!,;]*$|la\b|ten\b|xin loi\b|thong cam\b|cam on\b|thanks?\b|tks\b|tran trong\b|chuc\b|(?:nhan dip\s+)?(?:nam moi|xuan moi|tet)\s+(?:\S+\s+){0,2}?chuc\b|mong\b|sorry\b|sr\b|lan dau\b|moi dung\b|hen gap\b|moi\s+(?:chuyen\s+)?ve\b|co gi\s+(?:\S+\s+){0,2}?(?:chi giao|chi bao|giup do)\b|neu\b|kinh gui\b|bao cao\s+(?:dong chi|dc|phong|anh|chi|thu truong|lanh dao|ban|bot|ad)(?:\s+\S+){0,2}[\s.!,;:]*$|nho\s+(?:bot|ad|admin|anh|chi|em|ban|phong)\b|bao(?:\s+cao)?\s+de\b|(?:moi\s+)?(?:duoc\s+)?(?:bau|bo nhiem|phan cong)\b|(?:moi\s+)?duoc\s+giao\b|(?:la\s+)?(?:pho\s+)?(?:hieu truong|truong phong|truong tram|tram truong|chu tich|bi thu|chi huy truong|chanh van phong|can bo|giao vien|ke toan|van thu|cong chuc)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex MannersOpening();

    // "sao còn nhắc", "vẫn nhắc", "vẫn báo chưa" (folded): the bot's reminders, or what it still shows.
    [GeneratedRegex(@"\bnhac\b|\bvan\s+(?:bao|ghi|hien|de|tinh)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Nags();

    // What names a deed of its own, as a report's clauses are parted: "bot nhắc hoài vụ hội nghị sơ kết" names one.
    private static readonly Regex ItemHead = new($@"\b(?:{Understanding.DeedHeads})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // A first sentence of at most eight words that asks nothing, with its full stop or line break.
    [GeneratedRegex(@"^(?:[^\s.?!\n]+\s+){0,7}[^\s.?!\n]+[.!]*(?:\.\s+|\n\s*)(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadSentence();

    // "rồi còn gì" ending the message, and no question mark.
    [GeneratedRegex(@"\b(?<done>rồi|roi|r)\s+(?:còn|con)\s+(?:gì|gi|j)(?=[\s.!]*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Insisting();

    // A clause about the bot's reminders (folded): "bot nhắc hoài", "tuần nào cũng nhắc", "đề nghị bot đừng nhắc nữa", "nhận
    // được tin nhắc rồi", "phiền quá"; not a reminder asked for ("nhắc lại giúp mình", "nhắc các trường").
    [GeneratedRegex(@"^(?:(?:da|vang|a|ah|ma|sao|bot|ad|admin|phong|oi|cu|lai|de nghi|xin|dung|(?:tuan|ngay|hom|thang) nao(?: bot)? cung)\s+)*(?:nhac(?!\s+(?:lai|giup|gium|ho|dum|cho|cac|tat|toan|moi|nhung)\b)|nhan (?:duoc|dc) (?:tin|thong bao|loi nhac)|phien)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Nagging();

    // Manners anywhere a clause opens, or an apology with its reason after a few words ("Mặt trận xã xin lỗi vì chậm trễ").
    private static bool IsManners(string folded) => MannersOpening().IsMatch(folded) || ApologyFor().IsMatch(folded) || Lateness().IsMatch(folded) || LatePlea().IsMatch(folded);

    // A clause that only owns up to being late ("trễ 1 hôm", "hơi muộn", "gửi muộn 2 hôm vì chị chủ tịch đi vắng"), beside a
    // report: no question, and no item.
    [GeneratedRegex(@"^(?:(?:hoi|bi|da|nop|gui|co)\s+)*(?:tre|muon|cham)(?:\s+(?:han|mat))?(?:\s+(?:mot|hai|ba|\d+|vai)\s+(?:hom|ngay|buoi|tuan|chut|ti))?(?:\s+(?:a|ah|nhe|nha|roi|qua|xiu|chut|ti|so ry|sorry))*(?:\s+(?:vi|do|tai|boi)\b.*)?[\s,.!;]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Lateness();

    // "trễ hạn mong phòng thông cảm", "trễ quá xin lỗi phòng": late, and a plea to be excused.
    [GeneratedRegex(@"^(?:(?:hoi|bi|da)\s+)*(?:tre|muon|cham)(?:\s+(?:han|qua|roi|mat))?\s+(?:(?:mong|xin|rat|em|e|chi|c|anh|a|phong|ad|bot|cac)\s+){0,4}(?:thong cam|xin loi|bo qua|sorry)\b[^,.;!?]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LatePlea();

    [GeneratedRegex(@"^(?:\S+\s+){0,4}?xin loi\s+(?:vi|do)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ApologyFor();

    // A clause that opens the request (folded): "cho tôi hỏi", "đồng chí cho hỏi", "em muốn hỏi", "xin hỏi", "em báo là",
    // "xin báo cáo", "nhờ bot cho tôi biết", "nhờ em xem giúp", "nhờ bạn liệt kê"; not "nhờ phòng xem giúp", which asks the
    // office.
    [GeneratedRegex(@"^(?:\S+\s+){0,3}?(?:cho\s+(?:\S+\s+){0,2}?(?:hoi|biet)|xin hoi|muon hoi|bao(?:\s+cao)?\s+(?:la|rang)|xin bao(?:\s+cao)?|nho\s+(?!phong\b)(?:\S+\s+){0,2}?(?:xem|liet ke|kiem tra|tra|thong ke|tong hop|loc))\b", RegexOptions.CultureInvariant)]
    private static partial Regex RequestOpener();

    // Where a request opens inside a clause of manners (lower case, marks stripped): "em báo là", "xin báo cáo", "cho em
    // hỏi", "xin hỏi", "chị hiệu trưởng bảo là"; "hướng dẫn tôi cách báo là …" asks how, and opens nothing.
    [GeneratedRegex(@"(?<=\s)(?:(?:em|e|toi|chi|anh|minh|chau|chung toi|chung em|hieu truong|chu tich|truong tram|chi huy truong)\s+(?:xin\s+)?bao(?:\s+cao)?\s+(?:la|rang)|xin bao cao|(?:(?:em|e|toi|chi|anh|minh|chau)\s+)?(?:cho|xin)\s+(?:(?:em|e|toi|chi|anh|minh|chau|chu|bac|co)\s+)?hoi)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InnerOpener();

    // Where a clause ends: a comma or a full stop (not before a number: "15.10", "nv 1, 2"), a semicolon, an exclamation or question mark, or a
    // line break; or, after a deed said done, what is set against it ("8 xong rồi còn 9 chưa", "8 xong rồi, 9 chưa", "sơ kết
    // rồi đấy còn hồ sơ thì …").
    [GeneratedRegex(@"(?:[;!?\n]|[,.](?!\s*\d))+\s*|\s(?=(?:mà|nhưng|ma|nhung)\s+(?:sao|tại sao|vì sao|tai sao|vi sao|bot|chưa|chua|còn|con|hệ thống|he thong|(?:vẫn|van)\s+(?:báo|bao|nhắc|nhac|ghi|hiện|hien))\b)|(?<=\b(?:rồi|roi|r)(?:\s+(?:đấy|day|đó|nhé|nhe|nha|nhá|ạ))?\b)(?:\s+(?=(?:còn|con)\s)|\s*,\s*(?=\d))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseEnd();

    // "mà sao bot vẫn nhắc", "nhưng chưa thấy xác nhận": the report is not taken in, the writer says. The clause may also
    // be a question after the report: "nộp D1 rồi mà còn gì nữa không".
    [GeneratedRegex(@"^(?:mà|nhưng|ma|nhung)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Complaint();

    // "Mặt trận đã nộp D1 rồi mà": a report that insists, before what it complains of.
    [GeneratedRegex(@"\b(?:rồi|roi|r)\s+(?:cơ\s+|co\s+)?(?:mà|ma)[\s.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Insists();

    // "chắc phòng chưa cập nhật", "mà hệ thống chưa ghi nhận" (folded): the report was not taken in yet, the writer thinks.
    [GeneratedRegex(@"^(?:(?:chac|co le|hinh nhu|ma|nhung|sao)\s+)*(?:\S+\s+){0,2}?(?:van\s+)?(?:chua|khong|ko)\s+(?:thay\s+)?(?:cap nhat|ghi nhan|xac nhan|nhan duoc)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotTakenIn();

    [GeneratedRegex(@"^\s*(nếu|neu|khi|giả sử|gia su|sau khi)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Supposing();

    // "nhưng chưa gửi", "mà vẫn chưa nộp", "nhưng chưa họp hội đồng thông qua nên chưa gửi được" (folded): the paper itself
    // has not gone ("mà sao vẫn báo chưa nộp" is what the bot shows).
    [GeneratedRegex(@"^(ma|nhung)\s+(?:\S+\s+){0,10}?(?<!\b(?:bao|ghi|hien|la)\s)(van\s+|lai\s+)?(chua|khong|ko|k|chang)\s+(gui|nop|chuyen|mang|bao cao)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotSent();

    // "còn nv 13 thì chưa", "còn D2 thì sao", "TH với MN thì chưa": the rest set against what was reported.
    [GeneratedRegex(@"^(còn|con)\s|\b(thì|thi)\s+(chưa|chua)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contrast();

    // "thì" sets what follows it against what came before ("sơ kết thì …").
    // "ad kiểm tra giúp", "chị xem giúp em nhé", "cảm ơn ad", "dc ko" (folded): a clause that only asks to look at what was
    // sent, thanks, or asks whether it is all right.
    [GeneratedRegex(@"^(?:(?:ad|admin|bot|chi|anh|em|e|ban|phong|thay|co|nho)\s+)*(?:(?:kiem tra|xem|check|ghi nhan|xac nhan|cap nhat|tich|danh dau)(?:\s+(?:lai|thu|ho|giup|gium|dum|cho|em|e|minh|chi|anh|toi|voi|nhe|nha|a|ah|nhe a|nha a))*|cam on(?:\s+\S+){0,3}|(?:duoc|dc|ok)\s+(?:khong|ko|k|chua)(?:\s+(?:a|ah|ad|bot|nhi|vay|v))*)[\s.!?]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LookRequest();

    // "e mới nhận bàn giao", "tôi mới về nhận công tác" (folded): the writer has just taken the work over.
    [GeneratedRegex(@"^(?:e|em|toi|minh|chi|anh|a|c)\s+(?:moi|vua|vua moi)\s+(?:ve|nhan|chuyen|den|vao)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NewToTheWork();

    // "rồi mới nộp", "thì mới gửi được", "chiều mai gửi", "tuần sau em nộp", "sẽ gửi" (folded): the handing in comes after.
    [GeneratedRegex(@"\b(?:moi|mai|sau|toi|se|sap)\s+(?:(?:e|em|minh|toi|ben em|ben minh)\s+)?(?:nop|gui|chuyen|trinh)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HandsInLater();

    // "đang trình lãnh đạo ký", "chờ sếp ký", "đợi ký duyệt" (folded): a paper still to be signed.
    [GeneratedRegex(@"\b(?:trinh|cho|doi)(?:\s+\S+){0,3}?\s+ky\b", RegexOptions.CultureInvariant)]
    private static partial Regex AwaitsSigning();

    // "trình ký và gửi đi rồi", "ký xong đã nộp rồi" (folded): signed, then sent ("ký xong e gửi ngay", "ký rồi mới nộp" are
    // still to come).
    [GeneratedRegex(@"\bky\s+(?:(?:va|xong|roi)\s+)?(?:da\s+)?(?:gui|nop|chuyen)(?:\s+di)?\s+(?:roi|r)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SentAfterSigning();

    // "tổ chức hội nghị", "đã họp sơ kết" (folded): a meeting held ("họp xét" reviews papers).
    [GeneratedRegex(@"\b(?:to chuc|hoi nghi|hop (?:so|tong) ket)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Held();

    // "đã nộp", "gửi rồi" (folded): a paper handed in.
    [GeneratedRegex(@"\b(?:nop|gui|chuyen|trinh|upload|up)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HandedIn();

    // "nv 8 xong rồi, 9 chưa", "…, còn 9 với 10 vẫn chưa": the other items, by number alone, not done (folded).
    [GeneratedRegex(@"^(?:con\s+)?(?:(?:nv|nhiem vu|viec|muc)\s*)?d?\d+(?:\s*(?:,|va|voi|&)\s*d?\d+)*\s+(?:thi\s+)?(?:van\s+)?chua(?:\s+(?:xong|nop|gui|lam))?\s*[.!]*$", RegexOptions.CultureInvariant)]
    private static partial Regex OthersNotYet();

    [GeneratedRegex(@"\bthi\b", RegexOptions.CultureInvariant)]
    private static partial Regex Topic();

    // Words that say a thing is not done yet, or still to come (folded).
    [GeneratedRegex(@"\b(?:chua|khong|ko|chang|dang|se|moi|mai|sau|sap)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Pending();

    private static Intent Command(string clean)
    {
        var (head, args) = SplitFirst(clean[1..]);

        // Telegram appends the bot's name in groups: "/nop@TdktBot 2".
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = at >= 0 ? head[..at] : head;

        if ((ConversationCommands.Find(name) ?? Misspelt(name)) is { } command)
        {
            return CommandArguments.Read(command, args);
        }

        // "/ai chưa nộp": someone put a slash before words; read the words.
        var words = (name + " " + args).Trim();
        return words.Length == 0 ? new Intent(IntentKind.Unknown) : FreeTextReader.Read(words);
    }

    // "NOP 3", "QUY 2", "conno": the first word is a command keyword, as Zalo replies are typed.
    private static Intent? CommandWord(string clean, Intent free)
    {
        var (head, args) = SplitFirst(clean);
        head = head.TrimEnd(',', '.', ':', '!', '?');
        if (head.Length == 0 || !head.All(char.IsLetter) || ConversationCommands.Find(head) is not { } command)
        {
            return null;
        }

        var read = CommandArguments.Read(command, args);

        if (!EverydayKeywords.Contains(command.Command))
        {
            return read;
        }

        // "tháng trước có nợ gì không": the free reading of a question keeps every part, the command only its period.
        if (read.Kind == IntentKind.Ask && free.Kind == IntentKind.Ask && !free.IsAmbiguous && args.Length > 0)
        {
            return free;
        }

        // "nộp nv 16, 20 r", "hủy 7 với 10": the words name more items than the command takes.
        if (free.Kind == command.Kind && !free.IsAmbiguous && free.Question.Numbers.Count > read.Question.Numbers.Count)
        {
            return free;
        }

        // "nộp rồi", "nộp 2 chưa?", "mới nộp xong", "quý đơn vị": the words say something else.
        var argumentsFit = command.Kind switch
        {
            IntentKind.Confirm or IntentKind.Undo => read.Question.Numbers.Count > 0 || args.Length == 0,
            IntentKind.Invite => read.Unit is not null,
            _ => read.BadArgument is null,
        };
        return argumentsFit && free.Kind == command.Kind && !free.IsAmbiguous ? read : null;
    }

    // "GUI 12", "HUYGUI 12" (the commands of a broadcast preview's buttons, or typed on Zalo), also with a slash or with
    // "HUY GUI" apart. Only exactly that: "gửi báo cáo 12" is a sentence, and "GUI ١٢" is not a broadcast's number.
    private static Intent? BroadcastDecision(string clean) =>
        BroadcastDecisionPattern().Match(clean) is { Success: true } match
            ? new Intent(match.Groups["cancel"].Success ? IntentKind.CancelBroadcast : IntentKind.SendBroadcast)
            {
                Broadcast = long.Parse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
            }
            : null;

    // "/nopp 2", "/tiepnha": a command one slip away from exactly one known command.
    private static BotCommand? Misspelt(string name)
    {
        var key = VietnameseText.Fold(name).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (key.Length < 4)
        {
            return null;
        }

        var names = ConversationCommands.All.Select(c => c.Command).Concat(ConversationCommands.Aliases.Keys);
        var close = names.Where(n => VietnameseText.EditDistance(key, n) == 1).Select(ConversationCommands.Find).Distinct().ToList();
        return close.Count == 1 ? close[0] : null;
    }

    private static (string Head, string Tail) SplitFirst(string text)
    {
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return (text[..end], text[end..].Trim());
    }

    // [0-9], not \d: \d also matches other scripts' digits, which are no broadcast's number. 18 digits always fit a long.
    [GeneratedRegex(@"^/?(?<cancel>HUY\s*)?GUI\s+(?<id>[0-9]{1,18})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BroadcastDecisionPattern();
}
