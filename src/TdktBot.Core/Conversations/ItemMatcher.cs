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
        "dia", "ban", "xa", "nam", "viec", "cai", "ben", "em", "minh", "toi", "a", "nhe", "roi", "da", "nop", "gui",
    };

    // The share of the description's weight an item must carry, and how far ahead of the next it must be, to be clear.
    private const double MinCoverage = 0.45;
    private const double Lead = 1.35;

    public static ItemMatch Match(string words, IReadOnlyList<PlanItem> items)
    {
        var query = Words(words).Where(w => !Stop.Contains(w)).ToList();
        if (query.Count == 0 || items.Count == 0)
        {
            return ItemMatch.None;
        }

        var contents = items.Select(i => Words(i.Content)).ToList();
        var unigrams = contents.Select(c => c.ToHashSet(StringComparer.Ordinal)).ToList();
        var bigrams = contents.Select(c => c.Zip(c.Skip(1), (a, b) => a + " " + b).ToHashSet(StringComparer.Ordinal)).ToList();
        double Weight(string word) => Math.Log(1 + (items.Count / (double)Math.Max(1, unigrams.Count(u => u.Contains(word)))));

        var distinct = query.Distinct(StringComparer.Ordinal).ToList();
        var pairs = query.Zip(query.Skip(1), (a, b) => (a, b)).Distinct().ToList();
        var total = distinct.Sum(Weight) + pairs.Sum(p => (Weight(p.a) + Weight(p.b)) / 2);
        var scored = items
            .Select((item, i) => (Item: item, Score:
                distinct.Where(unigrams[i].Contains).Sum(Weight)
                + pairs.Where(p => bigrams[i].Contains(p.a + " " + p.b)).Sum(p => (Weight(p.a) + Weight(p.b)) / 2)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ToList();
        if (scored.Count == 0 || scored[0].Score < MinCoverage * total)
        {
            return ItemMatch.None;
        }

        var best = scored[0].Score;
        var close = scored.TakeWhile(x => x.Score * Lead > best).Select(x => x.Item).ToList();
        return new ItemMatch(close, close.Count == 1);
    }

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
