using TdktBot.Core.Text;
using TdktBot.Core.Units;

namespace TdktBot.Core.Conversations;

/// <summary>A plan item as conversations see it: its printed number or id, its words, its due date and who owes it.</summary>
public sealed record PlanItem(string Number, string Content, DateOnly Due, IReadOnlyCollection<string> Units);

/// <summary>The items some words describe: one clear winner, several that fit as well, or none.</summary>
public sealed record ItemMatch(IReadOnlyList<PlanItem> Items, bool Clear)
{
    public static ItemMatch None { get; } = new([], false);
}

/// <summary>
/// Finds the plan items a person describes in their own words ("báo cáo sơ kết 6 tháng", "tập huấn nghiệp vụ"). Every
/// item's content is scored by the words and the pairs of words it shares with the description, rarer words weighing
/// more, so "sơ kết" and "tổng kết" part on "sơ" and "tổng" and a shared "kết" counts for little. Only a clear winner
/// is taken as meant; close scores are all returned, for a question to list them or an action to ask which.
/// </summary>
public static class ItemMatcher
{
    // Words that say nothing of which item is meant.
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "cac", "cua", "va", "cho", "ve", "tai", "theo", "nay", "do", "voi", "nhung", "mot", "la", "thi", "o", "tren",
        "dia", "xa", "nam", "viec", "cai", "ben", "em", "minh", "toi", "a", "nhe", "roi", "da", "nop", "gui",
        "dau", "nha", "ha", "di", "luon", "nua", "vay", "the", "oi", "ne", "day", "thoi", "ok", "ad", "mn", "e", "r",
        "giup", "duoc", "khong", "chua", "con", "gi", "nao", "xong", "gio", "khi", "han", "ngay", "khoan",
    };


    /// <summary>Whether the words say anything about which item is meant, once particles and verbs are set aside.</summary>
    public static bool Describes(string words) => Tokens(words).Any(w => !Stop.Contains(w));

    // Words, with a number and what it counts as one ("6 tháng" is the half year, not any "tháng").
    private static List<string> Tokens(string text)
    {
        var words = Words(text);
        var tokens = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if (i + 1 < words.Count && words[i].Length <= 2 && words[i].All(char.IsAsciiDigit) && words[i + 1] is "thang" or "tuan" or "ngay" or "nam")
            {
                tokens.Add(words[i] + "-" + words[++i]);
            }
            else
            {
                tokens.Add(words[i]);
            }
        }

        return tokens;
    }

    /// <param name="coverage">The share of the description's weight an item must carry to fit at all.</param>
    /// <param name="close">Items scoring this share of the best fit as well; the best is clear when no other comes this close.</param>
    /// <param name="rival">Items carrying this share of the description fit too, however far behind the best.</param>
    public static ItemMatch Match(string words, IReadOnlyList<PlanItem> items, double coverage, double close, double rival = 1)
    {
        var query = Tokens(words).Where(w => !Stop.Contains(w)).ToList();
        if (query.Count == 0 || items.Count == 0)
        {
            return ItemMatch.None;
        }

        // A year is an item's name: "thành tích năm 2025" is not the 2026 one.
        var years = query.Where(IsYear).ToHashSet(StringComparer.Ordinal);
        if (years.Count > 0)
        {
            items = items.Where(i => Tokens(i.Content).Where(IsYear).ToList() is var own && (own.Count == 0 || own.Any(years.Contains))).ToList();
            if (items.Count == 0)
            {
                return ItemMatch.None;
            }
        }

        var contents = items.Select(i => Tokens(i.Content)).ToList();
        var unigrams = contents.Select(c => c.ToHashSet(StringComparer.Ordinal)).ToList();
        var bigrams = contents.Select(c => c.Zip(c.Skip(1), (a, b) => a + " " + b).ToHashSet(StringComparer.Ordinal)).ToList();
        double Weight(string word) => Math.Log(1 + (items.Count / (double)Math.Max(1, unigrams.Count(u => u.Contains(word)))));

        // Only words the plan uses can tell its items apart; the rest of a message ("em quên mất") weighs nothing.
        query = query.Where(w => unigrams.Any(u => u.Contains(w))).ToList();
        if (query.Count == 0)
        {
            return ItemMatch.None;
        }

        var distinct = query.Distinct(StringComparer.Ordinal).ToList();
        var pairs = query.Zip(query.Skip(1), (a, b) => (a, b)).Distinct().ToList();
        var total = distinct.Sum(Weight) + pairs.Sum(p => (Weight(p.a) + Weight(p.b)) / 2);
        var scored = items
            .Select((item, i) => (Item: item, Score:
                distinct.Where(unigrams[i].Contains).Sum(Weight)
                + pairs.Where(p => bigrams[i].Contains(p.a + " " + p.b)).Sum(p => (Weight(p.a) + Weight(p.b)) / 2)))
            .OrderByDescending(x => x.Score)
            .ToList();
        if (scored.Count == 0 || scored[0].Score < coverage * total)
        {
            return ItemMatch.None;
        }
        var best = scored[0].Score;
        var fits = scored.Where(x => x.Score >= close * best || x.Score >= rival * total).Select(x => x.Item).ToList();
        return new ItemMatch(fits, fits.Count == 1);
    }

    private static bool IsYear(string word) => word.Length == 4 && word.All(char.IsAsciiDigit) && word[0] is '1' or '2';

    /// <summary>Folded words with the administration's abbreviations spelled out ("TĐKT" → "thi dua khen thuong").</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var word in MessageWords.Read(text, int.MaxValue))
        {
            words.AddRange(Abbreviations.Common.TryGetValue(word.Folded, out var longForm) ? longForm.Split(' ') : [word.Folded]);
        }

        return words;
    }
}
