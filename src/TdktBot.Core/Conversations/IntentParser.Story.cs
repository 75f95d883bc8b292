using System.Text.RegularExpressions;
using TdktBot.Core.Text;

namespace TdktBot.Core.Conversations;

// A message of several sentences that tells the story of a meeting or a paper around the one thing it wants: "Chào bot.
// Sáng nay trường họp hội đồng sư phạm với 27 giáo viên, … Cho tôi hỏi kế hoạch thi đua năm 2026 phải gửi trước ngày
// nào?". The story's people, votes, copies and pages, its names and its dates are no part of what is wanted; the sentence
// that wants something is read on its own, with the sentences it points back to.
public static partial class IntentParser
{
    private static Intent? PointOfStory(string clean)
    {
        var sentences = Sentences(clean);
        if (sentences.Count == 0)
        {
            return null;
        }

        var folded = sentences.Select(VietnameseText.Fold).ToList();
        if (sentences.Count == 1)
        {
            return RecordRequest().IsMatch(folded[0]) ? Recorded(sentences[0]) ?? Told(sentences[0]) : null;
        }

        // "Bot ghi nhận giúp trạm đã xong việc tổng kết phong trào thi đua.", "Nhờ bot đánh dấu hoàn thành giúp đơn vị.": the
        // point is a report. What the request names it reports; a request naming nothing ("Bot cập nhật giúp.", "… giúp
        // trường cả hai việc nhé") reports what the story says was done, in the sentences that name a deed of the plan.
        var request = folded.FindLastIndex(f => RecordRequest().IsMatch(f));
        if (request >= 0)
        {
            if (FreeTextReader.Targets(sentences[request]).Count > 0 || PaperOrMeeting().IsMatch(folded[request]))
            {
                return Recorded(sentences[request]) ?? Point([sentences[request]], IntentKind.Confirm);
            }

            var told = sentences.Take(request).Where(s => Names(s) && Parse(s).Kind == IntentKind.Confirm).ToList();
            return told.Count > 0 ? Point(told, IntentKind.Confirm) : null;
        }

        // One sentence asks, by its question mark or by asking the bot to look ("Bot xem giúp …", "Bot lọc giúp chị …"): that
        // sentence is the question, unless it points back to what the story named ("Cái này hạn cuối là khi nào?", "Mai là hạn
        // D1 rồi. Trạm y tế đã nộp chưa em?"), or the story reports something done or asks as well: then the message is read
        // whole.
        var asking = Enumerable.Range(0, sentences.Count).Where(i => sentences[i].EndsWith('?') || LookUp().IsMatch(folded[i])).ToList();
        if (asking is not [var only] || PointsBack().IsMatch(folded[only]))
        {
            return null;
        }

        // "Hôm nay hạn cuối D1 phải không em? chị gửi rồi đấy, …": a report after the question of the item it names, naming
        // nothing of its own, reports that item; the message is read whole as well.
        var names = Names(sentences[only]);
        var story = sentences.Where((_, i) => i != only).ToList();
        return story.Any(s => names ? FreeTextReader.Targets(s).Count > 0 || (Names(s) && Parse(s).Kind == IntentKind.Confirm) : Names(s))
               || story.Any(s => FreeTextReader.Read(s).Asked && QuestionWord().IsMatch(VietnameseText.Fold(s)))
               || (FreeTextReader.Targets(sentences[only]).Count == 1 && sentences.Skip(only + 1).Any(s => Parse(s) is { Kind: IntentKind.Confirm, IsAmbiguous: false }))
            ? null
            : Point([sentences[only]], IntentKind.Ask);
    }

    // "Nhờ bot ghi nhận giúp trường đã xong việc tổng kết năm học …": what is recorded is what follows the request, when it
    // names an item and nothing before the request does; else null.
    private static Intent? Recorded(string sentence)
    {
        var asked = Request(sentence);
        var recorded = asked.Success ? sentence[(asked.Index + asked.Length)..].Trim() : string.Empty;
        // "Trường TH vừa gửi kế hoạch năm học rồi nhé bot, đánh dấu đã nộp D2 cho trường": what comes before the request says
        // who did what; the sentence is read whole.
        if (recorded.Length == 0 || Names(sentence[..asked.Index]) || (FreeTextReader.Targets(recorded).Count == 0 && !PaperOrMeeting().IsMatch(VietnameseText.Fold(recorded))))
        {
            return null;
        }

        // "Trường TH ghi nhận đã nộp hồ sơ …": whom the request is for, said before it, stays with what is recorded.
        var whom = sentence[..asked.Index].Trim();
        var point = Point([recorded], IntentKind.Confirm);
        return point is not null && whom.Length > 0 && point.Clause == recorded ? point with { Clause = $"{whom} {recorded}" } : point;
    }

    // "hội nghị tổng kết năm 2025 hội CCB làm trễ, hôm 1/4 mới xong, bot ghi nhận giùm tui nhen": a request that names nothing
    // after it reports what the sentence told before it, when that reads as a report.
    private static Intent? Told(string sentence)
    {
        var asked = Request(sentence);
        var before = asked.Success ? sentence[..asked.Index] : string.Empty;
        // "…, đề nghị ghi nhận", "…, bot ghi nhận giùm": the clause of the request itself is no part of what was done.
        before = before.LastIndexOfAny([',', ';']) is >= 0 and var cut && !Names(before[(cut + 1)..]) ? before[..cut] : before.TrimEnd();
        return before.Length > 0 && Names(before) && !Names(sentence[(asked.Index + asked.Length)..]) ? Point([before], IntentKind.Confirm) : null;
    }

    // Where the request to record stands in the sentence (marks stripped, so its place is the same in the sentence as written).
    private static Match Request(string sentence) =>
        VietnameseText.StripMarks(sentence).ToLowerInvariant() is var stripped && stripped.Length == sentence.Length ? RecordWords().Match(stripped) : Match.Empty;

    // The sentences read together, when they read as the kind of point found; else the whole message is read as it came.
    private static Intent? Point(IReadOnlyList<string> sentences, IntentKind kind)
    {
        var text = string.Join(" ", sentences);
        var read = Parse(text);
        return read.Kind == kind || (kind == IntentKind.Ask && read.Kind == IntentKind.Help) ? read with { Clause = read.Clause ?? text } : null;
    }

    // Words that may name an item of the plan: a number or an id, or a deed's head ("hội nghị", "kế hoạch", "tổng kết").
    private static bool Names(string sentence) => FreeTextReader.Targets(sentence).Count > 0 || ItemHead.IsMatch(VietnameseText.Fold(sentence));

    // The sentences of a message: each ends at a full stop, an exclamation or question mark followed by a space, a line
    // break, or an emoji (kept with the sentence before it). A full stop inside a number ("15.10") ends nothing.
    private static List<string> Sentences(string clean)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < clean.Length; i++)
        {
            var ends = clean[i] switch
            {
                '\n' => true,
                '.' or '!' or '?' or '…' => i + 1 == clean.Length || char.IsWhiteSpace(clean[i + 1]),
                _ => char.IsHighSurrogate(clean[i]),
            };
            if (!ends)
            {
                continue;
            }

            if (char.IsHighSurrogate(clean[i]))
            {
                i++;
            }

            Add(clean[start..Math.Min(clean.Length, i + 1)]);
            start = i + 1;
        }

        Add(clean[Math.Min(start, clean.Length)..]);
        return sentences;

        void Add(string sentence)
        {
            // An emoji or a mark alone is no sentence; a greeting ("Chào bot.") is one, and names nothing the point needs.
            var trimmed = sentence.Trim();
            if (trimmed.Any(char.IsLetterOrDigit))
            {
                sentences.Add(trimmed);
            }
        }
    }

    // A request to record a report (folded): "bot ghi nhận giúp", "nhờ bot đánh dấu hoàn thành", "đồng chí cập nhật giúp",
    // "bot cập nhật giúp"; not a question whether it was ("đã được ghi nhận chưa"), nor a complaint that it was not ("chưa
    // thấy ai ghi nhận"), nor what it would be for ("gõ lệnh gì để xác nhận đã gửi D2").
    [GeneratedRegex(@"^(?!.*[?])(?!.*\bchua[\s.!]*$)(?!.*\bde\s+(?:ghi nhan|cap nhat|danh dau|xac nhan)\b)(?!.*\b(?:duoc|chua|khong|ko|da|huy|go|bo|xoa|rut)\s+(?:\S+\s+){0,2}?(?:ghi nhan|cap nhat|danh dau|xac nhan)\b).*\b(?:ghi nhan|cap nhat|danh dau|xac nhan)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RecordRequest();

    // The request itself, to where what is recorded begins (marks stripped): "nhờ bot ghi nhận giúp", "bot cập nhật giúp
    // là", "đánh dấu hoàn thành giúp".
    [GeneratedRegex(@"\b(?:ghi nhan|cap nhat|danh dau|xac nhan)(?:\s+(?:giup|gium|ho|dum|cho|lai|la|rang|hoan thanh|da xong|xong))*\b", RegexOptions.CultureInvariant)]
    private static partial Regex RecordWords();

    // The paper or the meeting a request to record names (folded): "… xong việc tổng kết phong trào thi đua", "… phần
    // hướng dẫn tổng kết"; a verb alone ("đã tham dự", "đã tổ chức") names none.
    [GeneratedRegex(@"\b(?:ho so|hoi nghi|bao cao|ke hoach|nhiem vu|tong ket|so ket|huong dan|tap huan|boi duong|tham dinh|phat dong)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PaperOrMeeting();

    // A request to look something up (folded): "bot xem giúp", "bot kiểm tra giúp", "bot lọc giúp", "bot tóm tắt giúp", "bot
    // cho chị biết", "bot cho chị danh sách".
    [GeneratedRegex(@"\b(?:bot|ban|dong chi|ad|admin|nho)\s+(?:(?:xem|kiem tra|loc|tom tat|ra soat|liet ke|thong ke)(?:\s+(?:giup|gium|ho|dum|lai))?|cho\s+(?:\S+\s+)?(?:biet|danh sach|xin))\b", RegexOptions.CultureInvariant)]
    private static partial Regex LookUp();

    // A word that asks (folded): "nào", "gì", "chưa", "không", "bao giờ", "bao nhiêu", "mấy", "ai", "đâu", "sao".
    [GeneratedRegex(@"\b(?:nao|gi|j|chua|khong|ko|bao gio|bao nhieu|may|ai|dau|sao)\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionWord();

    // A question that points back to what the story named (folded): "cái này", "việc này", "việc đó", "nội dung này".
    [GeneratedRegex(@"\b(?:cai|viec|noi dung|vu|khoan|muc)\s+(?:nay|do|ay|kia|tren)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PointsBack();
}
