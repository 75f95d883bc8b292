using System.Globalization;
using System.Text;
using TdktBot.Core.Text;
using TdktBot.Core.Units;

namespace TdktBot.Core.Conversations;

/// <summary>A plan item as conversations see it: its printed number or id, its words, its due date and who owes it.</summary>
public sealed record PlanItem(string Number, string Content, DateOnly Due, IReadOnlyCollection<string> Units);

/// <summary>The items some words describe: one clear winner, several that fit as well, or none.</summary>
public sealed record ItemMatch(IReadOnlyList<PlanItem> Items, bool Clear)
{
    /// <summary>How many of the description's words the best fit holds: one word alone ("chỉ") is too thin to act on.</summary>
    public int Words { get; init; }

    /// <summary>How many pairs of words said side by side the best fit holds side by side ("hội nghị", "sơ kết").</summary>
    public int Pairs { get; init; }

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
        "cac", "cua", "va", "cho", "ve", "tai", "theo", "nay", "do", "voi", "nhung", "mot", "la", "o", "tren",
        "dia", "xa", "nam", "viec", "cai", "ben", "em", "minh", "toi", "a", "nhe", "roi", "da", "nop", "gui",
        "dau", "nha", "ha", "di", "luon", "nua", "vay", "the", "oi", "ne", "day", "thoi", "ok", "ad", "mn", "e", "r",
        "giup", "duoc", "khong", "chua", "con", "gi", "nao", "xong", "gio", "khi", "han", "ngay", "khoan", "truoc",
    };


    // Items this close to the best fit as well whatever words they hold.
    private const double Tie = 0.9;

    /// <summary>
    /// Whether the words say anything about which item is meant, once particles and verbs are set aside. A paper alone
    /// ("những văn bản gì", "hồ sơ") is what anything is handed in as.
    /// </summary>
    public static bool Describes(string words) => Query(words) is var query && Optional(query, Papers, []) is var papers && query.Any(w => !papers.Contains(w.Key));

    // A word as folded, and as written with its marks ("sơ" and "số" are both "so", but not one word), when it was written
    // with marks: typed with diacritics a word must meet the same vowels and tone in the item.
    // InDate: the year of a written date ("15/10/2026"), which names a day, not the item.
    // Field: the "khen thưởng" of "thi đua khen thưởng" (TĐKT), or of "công tác (kế hoạch) thi đua, khen thưởng", the name of the
    // whole line of work ("hồ sơ thi đua, khen thưởng" is a dossier for both), which "khen thưởng"
    // said alone (commendation, "hồ sơ khen thưởng") does not mean: in an item it is met only by the same field name.
    // Implied: words a person's own word stands for ("họp" for "hội nghị"), met where an item holds them and counting
    // against none that does not.
    // SchoolYear: the "học" of "năm học" said without its years, which an item's "năm 2025 - 2026" also says.
    // Apart: a semicolon stands before it, between two things a description names ("tổng hợp; họp xét"), which are no phrase.
    private readonly record struct Token(string Folded, string? Marked, bool InDate = false, bool Field = false, bool Implied = false, bool SchoolYear = false, bool Apart = false)
    {
        public string Key => Marked is null ? "f:" + Folded : "m:" + Marked;

        // An item's word known only folded ("TĐKT" spelled out) is met by any marks: "u:" stands for it.
        public IEnumerable<string> Keys => Field ? ["j:" + Folded] : Marked is null ? ["f:" + Folded, "u:" + Folded] : ["f:" + Folded, "m:" + Marked];

        // What the word, in a description, may meet in an item.
        public string[] Meets => [Key, .. Marked is null ? Array.Empty<string>() : ["u:" + Folded], .. Field ? ["j:" + Folded] : Array.Empty<string>(), .. SchoolYear ? [SchoolYears] : Array.Empty<string>()];
    }

    // Abbreviations whose words, spelled out, must keep their marks: the "nhân" of "UBND" is not "nhận" ("chị nhận bản giấy"),
    // nor the "thi" of "TĐKT" the "thì" of "tổng kết năm học thì …".
    private static readonly Dictionary<string, string> SpelledWithMarks = new(StringComparer.Ordinal)
    {
        ["uy ban nhan dan"] = "ủy ban nhân dân",
        ["hoi dong nhan dan"] = "hội đồng nhân dân",
        ["thi dua khen thuong"] = "thi đua khen thưởng",
        ["thi dua"] = "thi đua",
    };

    // The tone marks: grave, acute, tilde, hook above, dot below.
    private static readonly HashSet<char> Tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

    private static bool Said(List<Token> tokens, string first, string second) => tokens.Zip(tokens.Skip(1)).Any(p => p.First.Folded == first && p.Second.Folded == second);

    // "phòng" as marked: an office, never an item's word (after the tones it is read with).
    private static readonly string Office = Marks("phòng");

    // Tokens, with a number and what it counts as one ("6 tháng" is the half year, not any "tháng").
    private static List<Token> Tokens(string text)
    {
        var words = new List<Token>();
        var read = MessageWords.Read(text, int.MaxValue);
        // Words spelled out as written (not shorthand, not a number): when most carry marks, the writer types with them, and a
        // word without any is meant so ("tham dự" is not "Hoa Thám", nor "thẩm định").
        var asWritten = read.Where(w => !w.Folded.All(char.IsAsciiDigit) && !Abbreviations.Common.ContainsKey(w.Folded) && VietnameseText.Fold(text[w.Start..w.End]) == w.Folded)
            .Select(w => text[w.Start..w.End]).ToList();
        var typedWithMarks = asWritten.Count >= 2 && asWritten.Count(w => !w.All(char.IsAscii)) * 3 >= asWritten.Count * 2;
        for (var k = 0; k < read.Count; k++)
        {
            var word = read[k];
            var written = text[word.Start..word.End];
            if (Everyone(read, k))
            {
                continue;
            }

            if (Abbreviations.Common.TryGetValue(word.Folded, out var longForm))
            {
                var spelled = longForm.Split(' ');
                var marks = SpelledWithMarks.TryGetValue(longForm, out var withMarks) ? withMarks.Split(' ').Select(Marks).ToArray() : null;
                words.AddRange(spelled.Select((w, n) => new Token(w, marks?[n], Field: longForm.Contains("thi dua khen thuong", StringComparison.Ordinal) && w is "khen" or "thuong")));
                continue;
            }

            // Shorthand ("nv" → "nhiem vu") and plain ASCII say nothing of vowels.
            var marked = VietnameseText.Fold(written) == word.Folded && (!written.All(char.IsAscii) || (typedWithMarks && written.All(char.IsAsciiLetter))) ? Marks(written) : null;
            var field = word.Folded switch
            {
                "khen" => k >= 2 && read[k - 2].Folded == "thi" && read[k - 1].Folded == "dua"
                          && (!text[read[k - 1].End..word.Start].Contains(',') || (k >= 4 && (read[k - 4].Folded, read[k - 3].Folded) is ("cong", "tac") or ("ke", "hoach"))),
                "thuong" => words.Count > 0 && words[^1] is { Folded: "khen", Field: true },
                _ => false,
            };
            var apart = k > 0 && text.AsSpan(read[k - 1].End, Math.Max(0, word.Start - read[k - 1].End)).Contains(';');
            words.Add(new Token(word.Folded, marked, word.Before is '/' or '.', field, Apart: apart));
        }

        var tokens = new List<Token>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if (i + 1 < words.Count && words[i].Folded.Length <= 2 && words[i].Folded.All(char.IsAsciiDigit) && words[i + 1].Folded is "thang" or "tuan" or "ngay" or "nam")
            {
                tokens.Add(new Token(words[i].Folded + "-" + words[i + 1].Folded, words[i + 1].Marked is { } m ? words[i].Folded + "-" + m : null, Apart: words[i].Apart));
                i++;
            }
            else
            {
                tokens.Add(words[i]);
            }
        }

        return tokens;
    }

    // The word with its vowels' marks, and its tone after it wherever it was placed ("hoá" and "hóa" are one word; "tính"
    // is not "tỉnh").
    private static string Marks(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return string.Concat(decomposed.Where(c => !Tones.Contains(c))).Normalize(NormalizationForm.FormC) + string.Concat(decomposed.Where(Tones.Contains));
    }

    /// <param name="candidates">The items that may be meant; <paramref name="plan"/> is every item, whose words are the vocabulary.</param>
    /// <param name="coverage">The share of the description's weight an item must carry to fit at all.</param>
    /// <param name="close">Items scoring this share of the best fit as well; the best is clear when no other comes this close.</param>
    /// <param name="rival">Items carrying this share of the description fit too, however far behind the best.</param>
    public static ItemMatch Match(string words, IReadOnlyList<PlanItem> candidates, IReadOnlyList<PlanItem> plan, double coverage, double close, double rival = 1)
    {
        var query = Unmarked(Query(words), plan);
        if (query.Count == 0 || candidates.Count == 0)
        {
            return ItemMatch.None;
        }

        var planWords = plan.Select(i => WithoutReferences(Tokens(i.Content))).ToList();
        var vocabulary = planWords.Select(Unigrams).ToList();
        var vocabularyPairs = new Lazy<List<HashSet<string>>>(() => planWords.Select(Pairs).ToList());

        // "hội nghị của xã", "của tỉnh": the level a meeting is held at rules out items held at another one.
        var said = Tokens(words);
        var levels = Levels(said, said: true);
        if (levels.Count > 0)
        {
            candidates = candidates.Where(i => Levels(Tokens(i.Content), said: false) is var own && (own.Count == 0 || own.Overlaps(levels))).ToList();
        }

        // A year is an item's name: "thành tích năm 2025" is not the 2026 one, nor the school year 2025 - 2026. The item's
        // first year is the one it is named by: "Báo cáo tổng kết năm 2025, phương hướng nhiệm vụ năm 2026" is 2025's. An
        // item that names no year is of the year it falls due in: "tổng kết phong trào thi đua năm 2025" is not this year's
        // "Tổng kết phong trào thi đua theo Kế hoạch".
        var (singles, ranges) = Years(query);
        // "năm học" without its years is a school year, which an item named by a calendar year ("năm 2025") is not.
        var items = singles.Count + ranges.Count == 0
            ? query.Any(t => t.SchoolYear) ? candidates.Where(i => Years(Tokens(i.Content), firstOnly: true).Singles.Count == 0).ToList() : candidates
            : candidates
                .Where(i => Years(Tokens(i.Content), firstOnly: true) is var (own, spans)
                            && ((own.Count == 0 && spans.Count == 0 && (ranges.Count > 0 || singles.Contains(i.Due.Year.ToString(CultureInfo.InvariantCulture))))
                                || own.Overlaps(singles) || spans.Overlaps(ranges)))
                .ToList();
        // "hồ sơ khen thưởng năm học": a dossier is neither a plan, a meeting nor a review ("đôn đốc … tổng kết công tác TĐKT
        // năm học", "Hướng dẫn tổng kết"); an item that makes one and holds no dossier is not meant. A review's report is
        // handed in as one.
        if (Said(query, "ho", "so"))
        {
            items = items.Where(i => Tokens(i.Content) is var own
                                     && (Said(own, "ho", "so") || !(Said(own, "ke", "hoach") || Said(own, "hoi", "nghi")
                                                                    || ((Said(own, "tong", "ket") || Said(own, "so", "ket")) && !Said(own, "bao", "cao"))))).ToList();
        }

        // "tổng kết" and "sơ kết" are the year's review and the mid-year one: a description saying one of them is not an item
        // that says only the other, however many other words they share ("tổ chức hội nghị tổng kết năm 2026" is not "Tổ
        // chức Hội nghị sơ kết … năm 2026").
        foreach (var (kind, other) in new[] { ("tong", "so"), ("so", "tong") })
        {
            if (Said(query, kind, "ket") && !Said(query, other, "ket"))
            {
                items = items.Where(i => Tokens(i.Content) is var own && !(Said(own, other, "ket") && !Said(own, kind, "ket"))).ToList();
            }
        }

        // "gửi báo cáo sơ kết 6 tháng": the review's report is a paper, not the meeting; an item that holds the meeting and no
        // report is not meant, unless the person says the meeting too ("báo cáo đã tổ chức hội nghị sơ kết").
        var reviewReport = Enumerable.Range(0, Math.Max(0, said.Count - 3)).Any(i =>
            said[i].Folded == "bao" && said[i + 1].Folded == "cao" && said[i + 2].Folded is "so" or "tong" && said[i + 3].Folded == "ket");
        if (reviewReport && !Said(said, "hoi", "nghi"))
        {
            items = items.Where(i => Tokens(i.Content) is var own && (Said(own, "bao", "cao") || !Said(own, "hoi", "nghi"))).ToList();
        }

        if (items.Count == 0)
        {
            return ItemMatch.None;
        }

        var contents = items.Select(i => WithoutReferences(Tokens(i.Content))).ToList();
        var unigrams = contents.Select(Unigrams).ToList();
        var bigrams = contents.Select(Pairs).ToList();
        var meets = query.DistinctBy(t => t.Key).ToDictionary(t => t.Key, t => t.Meets, StringComparer.Ordinal);
        bool Holds(HashSet<string> unigram, string key) => meets[key].Any(unigram.Contains);
        bool Paired(HashSet<string> bigram, (string A, string B) pair) => meets[pair.A].Any(a => meets[pair.B].Any(b => bigram.Contains(a + " " + b)));
        double Weight(string key) => Math.Log(1 + (vocabulary.Count / (double)Math.Max(1, vocabulary.Count(u => Holds(u, key)))));

        // Only words the plan uses can tell its items apart; the rest of a message ("em quên mất") weighs nothing. A
        // word of the plan that no candidate holds still counts against them all.
        var kept = new List<(string Key, bool Apart)>();
        var apart = false;
        foreach (var token in query)
        {
            apart |= token.Apart;
            if (vocabulary.Any(u => Holds(u, token.Key)))
            {
                kept.Add((token.Key, apart));
                apart = false;
            }
        }

        var keys = kept.Select(k => k.Key).ToList();
        if (keys.Count == 0)
        {
            return ItemMatch.None;
        }

        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();

        // "những nhiệm vụ thi đua năm nay": words more than half the plan's items hold name none of them.
        var naming = distinct.Where(k => !IsYear(k[2..])).ToList();
        if (naming.Count > 0 && vocabulary.Count(u => naming.All(k => Holds(u, k))) * 2 > vocabulary.Count)
        {
            return ItemMatch.None;
        }

        var pairs = kept.Zip(kept.Skip(1)).Where(p => !p.Second.Apart).Select(p => (a: p.First.Key, b: p.Second.Key)).Distinct().ToList();
        double Share((string A, string B) pair) => (Weight(pair.A) + Weight(pair.B)) / 2;
        // What the description must be covered by, for each item: its words, and the verbs ("ban hành", "tổ chức") only when
        // that item holds them; they tell meetings apart, but how a person says it was done does not make an item less meant.
        // The papers a person says they handed in ("hồ sơ đề nghị khen thưởng") are how any item is handed in, in the same way.
        // A phrase counts only where the item holds all of it: the "chức" of "chức năng" is not "tổ chức".
        var phrases = Phrases(query, VerbPhrases, VerbWords).Concat(Phrases(query, Papers, [])).Concat(rival < 1 ? Phrases(query, Reports, []) : [])
            .Concat(query.Where(t => t.Implied).Chunk(2).Select(c => c.Select(t => t.Key).ToArray()))
            // "tập huấn … ở tỉnh": where a thing was held has already ruled out the items held elsewhere; it tells apart those
            // that name a level, and counts against none that names none.
            .Concat(LevelKeys(said).Select(k => new[] { k })).ToList();
        var papers = Optional(query, Papers, []);
        // The "thi đua" of the field's name ("hồ sơ thi đua khen thưởng", TĐKT) says what line of work the papers are in, not
        // which of its items: for an action it does not part them, as the papers do not.
        // "hồ sơ thi đua" is the field's dossier in the same way: the papers a unit sends for commendation.
        bool AfterDossier(int i) => i > 1 && query[i - 2].Folded == "ho" && query[i - 1].Folded == "so";
        var fieldName = query.Where((t, i) => (t.Folded, i) switch
        {
            ("thi", _) => i + 1 < query.Count && query[i + 1].Folded == "dua" && ((i + 2 < query.Count && query[i + 2].Field) || AfterDossier(i)),
            ("dua", > 0) => query[i - 1].Folded == "thi" && ((i + 1 < query.Count && query[i + 1].Field) || AfterDossier(i - 1)),
            _ => false,
        }).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var verbs = phrases.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
        // A phrase of several words is held where its words stand together: "văn bản" is not "Văn hóa … Ủy ban".
        bool HeldPhrase(int i, string[] phrase) =>
            phrase.Length == 1 ? Holds(unigrams[i], phrase[0]) : phrase.Zip(phrase.Skip(1)).All(p => Paired(bigrams[i], p));
        bool Counts(int i, string k) => Holds(unigrams[i], k) && (!verbs.Contains(k) || phrases.Any(p => p.Contains(k) && HeldPhrase(i, p)));
        // Two words said side by side that no item holds together, in an item that holds them both ("sơ kết 6 tháng hội
        // nghị": "6 tháng" then "hội nghị"), are the person's word order, not a phrase: they do not count against that item.
        // Beside a word the item lacks ("khu dân cư văn hóa") they still do.
        var phrasal = vocabularyPairs.Value;
        var spoken = pairs.Where(p => phrasal.Any(b => Paired(b, p))).ToHashSet();
        bool Reordered(int i, (string A, string B) p) => !spoken.Contains(p) && Holds(unigrams[i], p.A) && Holds(unigrams[i], p.B);
        double Total(int i) =>
            distinct.Where(k => !verbs.Contains(k) || Counts(i, k)).Sum(Weight)
            + pairs.Where(p => Paired(bigrams[i], p) || (!(verbs.Contains(p.a) || verbs.Contains(p.b)) && !Reordered(i, p))).Sum(Share);
        var scored = items
            .Select((item, i) => (Item: item, Index: i, Score:
                distinct.Where(k => Counts(i, k)).Sum(Weight) + pairs.Where(p => Paired(bigrams[i], p)).Sum(Share)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score >= coverage * Total(x.Index))
            .ThenByDescending(x => x.Score)
            .ToList();
        if (scored.Count == 0 || scored[0].Score < coverage * Total(scored[0].Index))
        {
            return ItemMatch.None;
        }

        var total = Total(scored[0].Index);

        var best = scored[0].Score;
        // A rival fits as well as the best when it also covers the description (a verb the person added does not bring
        // "Tổ chức Hội nghị tổng kết" level with "Tổng kết phong trào thi đua"); close to the best, or with a good share of
        // the description (for an action), when it holds some word the best one lacks, or every word the best one holds:
        // one that only shares some of the best one's words
        // ("tổng kết … Dân vận khéo" beside "sơ kết … Dân vận khéo") is left behind by the words the person chose, but
        // words that merely stand closer together in one item do not choose between them. A year the best one does not name
        // is not such a word: the years have already ruled out what they rule out.
        var winner = unigrams[scored[0].Index];
        var winnerPairs = bigrams[scored[0].Index];
        // Words said together ("hội nghị", "sơ kết") that one item holds together and another only apart ("Hội đồng … đề
        // nghị", "cụm số 2 … tổng kết") are not held as well by the other.
        bool Together(int index, bool besidesPapers = false) =>
            pairs.All(p => !Paired(winnerPairs, p) || Paired(bigrams[index], p) || (besidesPapers && (Paper(p.a) || Paper(p.b))));
        bool Paper(string key) => papers.Contains(key) || fieldName.Contains(key);
        bool Own(int index) =>
            distinct.Any(k => Holds(unigrams[index], k) && !Holds(winner, k) && !verbs.Contains(k) && !IsYear(k[2..]))
            || (distinct.All(k => Holds(unigrams[index], k) == Holds(winner, k)) && Together(index));

        // For an action, an item holding every word the best one holds but the papers ("hồ sơ") and the field's name fits as
        // well: "trường gửi hồ sơ (thi đua) khen thưởng" may be either commendation item. A verb the best one holds still
        // tells them apart.
        bool Same(int index) => distinct.All(k => Paper(k) || !Holds(winner, k) || Holds(unigrams[index], k)) && Together(index, besidesPapers: true);
        // For an action, the papers named ("hồ sơ") that the best fit does not hold and another does, with a word besides: "hồ
        // sơ TĐKT năm học" may be the school year's dossier as well as the school year's review.
        var paperPhrases = phrases.Where(p => p.All(papers.Contains)).ToList();
        bool Dossier(int index) =>
            paperPhrases.Count > 0 && !paperPhrases.Any(p => HeldPhrase(scored[0].Index, p)) && paperPhrases.All(p => HeldPhrase(index, p))
            && distinct.Any(k => !papers.Contains(k) && Holds(unigrams[index], k));
        // A rival holding none of the words the best one lacks, and lacking one of the best one's own ("6 tháng" of the
        // six-month meeting at the cluster, beside the cluster's other review), is left behind by that word, however close.
        bool Behind(int index) =>
            distinct.All(k => !Holds(unigrams[index], k) || Holds(winner, k))
            && distinct.Any(k => Holds(winner, k) && !Holds(unigrams[index], k) && !verbs.Contains(k) && !IsYear(k[2..]));
        // For an action, a rival that holds every word the best one holds but "họp" ("trình Hội đồng họp xét" beside "trình Hội
        // đồng xét") fits as well: that a council met to weigh the dossiers does not choose between two items of the same
        // words. ("dự" does: who attends a meeting is not who holds it.)
        var met = query.Where(t => t.Folded == "hop").Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        bool Verbally(int index) => met.Count > 0 && distinct.Any(k => !verbs.Contains(k) && Holds(winner, k)) && distinct.All(k => met.Contains(k) || Holds(unigrams[index], k) == Holds(winner, k));
        // For an action, a message that names no year leaves open which year's paper of the same words it is: "ban hành kế
        // hoạch TĐKT", from a body that owes this year's plan and next year's, may be either. How a paper was made ("ban
        // hành", "xây dựng") does not say its year, though one of them opens with it; the year is what tells them apart.
        // (How a meeting was taken part in does: "tổ chức" is not "tham dự".)
        var making = Phrases(query, MakingPhrases, []).SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
        var winnerYears = Years(Tokens(items[scored[0].Index].Content), firstOnly: true).Singles;
        bool OtherYear(int index) =>
            rival < 1 && making.Count > 0 && singles.Count + ranges.Count == 0 && winnerYears.Count > 0
            && Years(Tokens(items[index].Content), firstOnly: true).Singles is { Count: > 0 } own && !own.SetEquals(winnerYears)
            && distinct.Any(k => !verbs.Contains(k) && Holds(winner, k))
            && distinct.All(k => making.Contains(k) || Holds(unigrams[index], k) == Holds(winner, k))
            && pairs.All(p => making.Contains(p.a) || making.Contains(p.b) || !Paired(winnerPairs, p) || Paired(bigrams[index], p));
        var fits = scored
            .Where(x => (x.Score >= Tie * best && x.Score >= coverage * Total(x.Index) && !Behind(x.Index))
                        || OtherYear(x.Index)
                        || (x.Score >= close * best && Own(x.Index))
                        || (x.Score >= rival * total && Own(x.Index))
                        || (rival < 1 && x.Score > 0 && Same(x.Index))
                        || (rival < 1 && x.Score >= coverage * Total(x.Index) && Verbally(x.Index))
                        || (rival < 1 && Dossier(x.Index)))
            .Select(x => x.Item)
            .ToList();
        // "đã phát động phong trào thi đua năm 2026": a description that says an item's opening deed, and more of it, names
        // that item over one that holds the same words in passing (D1: "… xây dựng kế hoạch …; phát động phong trào thi
        // đua; gửi về …"). Two words alone ("tổng kết") are too thin to tell.
        // How a person says it was done ("tổ chức lễ phát động") does not part them: D1's "chức năng" is no "tổ chức".
        var alike = fits.Where(f => Index(items, f) is var i && distinct.All(k => verbs.Contains(k) || Holds(unigrams[i], k) == Holds(winner, k))).ToList();
        if (alike.Count > 1 && distinct.Count(k => Holds(winner, k) && !IsYear(k[2..])) >= 3
            && alike.Where(f => Opening(f) is var (first, second) && Said(query, first, second)).ToList() is { Count: > 0 } opened && opened.Count < alike.Count)
        {
            fits.RemoveAll(f => alike.Contains(f) && !opened.Contains(f) && !OtherYear(Index(items, f)));
        }

        return new ItemMatch(fits, fits.Count == 1) { Words = distinct.Count(k => Holds(winner, k)), Pairs = pairs.Count(p => Paired(winnerPairs, p)) };
    }

    private static int Index(IReadOnlyList<PlanItem> items, PlanItem item) => items.Select((x, i) => (x, i)).First(p => p.x == item).i;

    // Whether "ban chấp hành" starts at i.
    private static bool ExecutiveCommittee(List<Token> tokens, int i) =>
        i + 2 < tokens.Count && tokens[i].Folded == "ban" && tokens[i + 1].Folded == "chap" && tokens[i + 2].Folded == "hanh";

    // The first two words of an item's content that may name it: its deed ("Phát động", "Tổ chức").
    private static (string, string) Opening(PlanItem item) =>
        WithoutReferences(Tokens(item.Content)).Select(t => t.Folded).Where(w => !Stop.Contains(w)).Take(2).ToList() is [var a, var b] ? (a, b) : ("", "");

    // The words of a description that may name an item.
    private static List<Token> Query(string words)
    {
        // A bare number ("cả 2", "lần 3") names no item by its words; "6 tháng" is one token and stays.
        // "6 tháng đầu năm": after a count of months "dau" is "đầu" (the first), not the particle "đâu".
        var tokens = WithoutReferences(Tokens(words));

        // "họp giao ban": the office's routine meeting, none of the plan's conferences.
        tokens = tokens.Where((w, i) => !(w.Folded is "hop" or "giao" or "ban" && GiaoBan(tokens, w.Folded == "hop" ? i + 1 : w.Folded == "giao" ? i : i - 1))).ToList();

        // "họp hội đồng sư phạm": a school's teachers' council; "họp ban chấp hành": an association's executive committee. Each,
        // and its meeting, is none of the plan's councils, conferences or plans ("ban chấp hành" is no "ban hành").
        var council = new HashSet<int>();
        foreach (var (at, length) in Enumerable.Range(0, tokens.Count).Select(i => (i, TeachersCouncil(tokens, i) ? 4 : ExecutiveCommittee(tokens, i) ? 3 : 0)).Where(b => b.Item2 > 0))
        {
            council.UnionWith(Enumerable.Range(at, length));
            if (at > 0 && tokens[at - 1].Folded == "hop")
            {
                council.Add(at - 1);
            }
        }

        tokens = tokens.Where((_, i) => !council.Contains(i)).ToList();

        // "biên bản họp", "bản giấy", "bản mềm": the minutes and the copies go with a report; typed without marks their "ban"
        // is not the plan's "địa bàn".
        tokens = tokens.Where((w, i) => !((w.Folded == "bien" && i + 1 < tokens.Count && tokens[i + 1].Folded == "ban")
                                          || (w.Folded == "ban" && ((i > 0 && tokens[i - 1].Folded == "bien") || (i + 1 < tokens.Count && Copies.Contains(tokens[i + 1].Folded))))
                                          || (Copies.Contains(w.Folded) && i > 0 && tokens[i - 1].Folded == "ban"))).ToList();

        // "xơ kết": "sơ kết" as it is often misspelt.
        tokens = tokens.Select((w, i) => w.Folded == "xo" && i + 1 < tokens.Count && tokens[i + 1].Folded == "ket" ? w with { Folded = "so", Marked = w.Marked is null ? null : "sơ" } : w).ToList();

        // "hội nghị giữa năm": the mid-year review, which the plan calls "sơ kết".
        tokens = tokens.SelectMany((w, i) => w.Folded == "giua" && i + 1 < tokens.Count && tokens[i + 1].Folded == "nam"
            ? [new Token("so", null), new Token("ket", null)]
            : w.Folded == "nam" && i > 0 && tokens[i - 1].Folded == "giua" ? [] : new[] { w }).ToList();

        // "đi học lớp tập huấn", "học xong hôm qua": to study, not the school year ("năm học").
        tokens = tokens.Where((w, i) => !(w.Folded == "hoc" && ((i > 0 && tokens[i - 1].Folded == "di") || (i + 1 < tokens.Count && tokens[i + 1].Folded == "xong")))).ToList();

        // "hướng dẫn các đơn vị tổng kết", "gửi cho các cơ quan": whom a paper is for, not what it is.
        tokens = tokens.Where((w, i) => !(w.Folded is "don" or "vi" or "co" or "quan" && Audience(tokens, w.Folded is "vi" or "quan" ? i - 1 : i))).ToList();
        // "hồ sơ khen thưởng năm học": a school year, as the plan writes "năm 2025 - 2026".
        tokens = tokens.Select((w, i) => w.Folded == "hoc" && i > 0 && tokens[i - 1].Folded == "nam" && !(i + 1 < tokens.Count && IsYear(tokens[i + 1].Folded)) ? w with { SchoolYear = true } : w).ToList();
        var query = tokens.Where((w, i) => (!Stop.Contains(w.Folded) || (w.Folded == "dau" && i > 0 && tokens[i - 1].Folded.EndsWith("-thang", StringComparison.Ordinal)))
                                           && !(w.Folded.All(char.IsAsciiDigit) && !IsYear(w.Folded))).ToList();

        // "các nhiệm vụ của UBND xã": in a message, "nhiệm vụ" is what every item is ("nghiệp vụ" stays); "xong vụ xét khen
        // thưởng": "vụ" alone is the matter.
        query = query.Where((w, i) => w.Folded != "nhiem" && !(w.Folded == "vu" && !(i > 0 && query[i - 1].Folded == "nghiep"))).ToList();

        // "có tổng cộng bao nhiêu việc", "có tất cả", "liên quan thi đua", "không theo dõi được": words of counting, relating
        // and following, whose "cộng", "quan", "dõi" written without marks meet the plan's "công", "cơ quan", "Đối với". "có"
        // is no "cơ quan" nor "cờ thi đua".
        static bool Said2(List<Token> q, int i, string a, string b) =>
            (q[i].Folded == a && i + 1 < q.Count && q[i + 1].Folded == b) || (q[i].Folded == b && i > 0 && q[i - 1].Folded == a);
        // "sớm hơn kế hoạch", "chậm so với kế hoạch", "vượt kế hoạch": the schedule, not a plan handed in.
        query = query.Where((w, i) => !(w.Folded is "ke" or "hoach" && (w.Folded == "ke" ? i : i - 1) is var at && at > 0 && at + 1 < query.Count
                                        && query[at].Folded == "ke" && query[at + 1].Folded == "hoach"
                                        && (query[at - 1].Folded is "hon" or "vuot" || (at > 1 && query[at - 2].Folded == "so" && query[at - 1].Folded == "voi")))).ToList();
        query = query.Where((w, i) => !Said2(query, i, "tong", "cong") && !Said2(query, i, "tat", "ca") && !Said2(query, i, "lien", "quan")
                                      && !(w.Folded == "doi" && i > 0 && query[i - 1].Folded == "theo")
                                      && !(w.Folded == "co" && (w.Marked == Marks("có") || (w.Marked is null && !(i + 1 < query.Count && query[i + 1].Folded is "quan" or "so" or "thi"))))).ToList();

        // "tết nghỉ mấy ngày": "nghị" never stands alone ("hội nghị", "đề nghị", "nghị quyết"), so a lone "nghi" is rest. "phòng
        // họp": a room, not a meeting.
        query = query.Where((w, i) => !(w.Folded == "nghi" && !(i > 0 && query[i - 1].Folded is "hoi" or "de") && !(i + 1 < query.Count && query[i + 1].Folded is "quyet" or "dinh"))
                                      && !(w.Folded is "phong" or "hop" && (w.Folded == "phong" ? i + 1 < query.Count && query[i + 1].Folded == "hop" : i > 0 && query[i - 1].Folded == "phong"))).ToList();

        // "báo để phòng nắm", "gửi phòng rồi": a "phòng" said alone is the office a paper goes to, not an item's word
        // ("quốc phòng"; "phong trào" is another word).
        query = query.Where((w, i) => !(w.Folded == "phong" && (w.Marked is { } marked ? marked == Office : !(i + 1 < query.Count && query[i + 1].Folded == "trao"))
                                        && !(i > 0 && query[i - 1].Folded == "quoc"))).ToList();

        // "gửi báo cáo sơ kết … lên Cụm và UBND", "nộp hồ sơ lên huyện", "lên hội đồng", "lên cấp trên": where a paper was
        // sent is not what it is; a meeting "ở cụm" is where it was held, and stays.
        var sent = query.FindIndex(w => w.Folded == "len");
        if (sent > 1 && sent + 1 < query.Count && (query[sent + 1].Folded is "cum" or "huyen" or "tinh" or "ubnd" or "uy" or "cap"
                                                   || (sent + 2 < query.Count && query[sent + 1].Folded == "hoi" && query[sent + 2].Folded == "dong"))
            && query.Take(sent).ToList() is var paper && (Said(paper, "bao", "cao") || Said(paper, "ho", "so") || Said(paper, "van", "ban"))
            && !Said(query, "hoi", "nghi") && !query.Any(w => w.Folded == "hop"))
        {
            query = paper;
        }

        // "3 cá nhân, 1 tập thể": who is put forward for commendation, not an item's word ("nhân" of "Ủy ban nhân dân").
        query = query.Where((w, i) => !(w.Folded == "nhan" && i > 0 && query[i - 1].Folded == "ca")).ToList();

        // "năm học 2025 - 2026": the two years already say it is a school year, as the plan writes "năm 2025 - 2026".
        query = query.Where((w, i) => !(w.Folded == "hoc" && i + 2 < query.Count && IsYear(query[i + 1].Folded) && IsYear(query[i + 2].Folded))).ToList();

        // "hồ sơ thi đua": the dossier for commendation, "hồ sơ thi đua, khen thưởng" said short.
        query = query.SelectMany((w, i) => w.Folded == "dua" && i > 2 && query[i - 1].Folded == "thi" && query[i - 3].Folded == "ho" && query[i - 2].Folded == "so"
                                           && !(i + 1 < query.Count && query[i + 1].Field)
            ? [w, new Token("khen", null, Implied: true), new Token("thuong", null, Implied: true)]
            : new[] { w }).ToList();

        // "hồ sơ kt", "hs kt 2025": "kt" after a dossier is "khen thưởng" typed short.
        query = query.SelectMany((w, i) => w.Folded == "kt" && i > 0 && (query[i - 1].Folded == "hs" || (query[i - 1].Folded == "so" && i > 1 && query[i - 2].Folded == "ho"))
            ? [new Token("khen", null, Implied: true), new Token("thuong", null, Implied: true)]
            : new[] { w }).ToList();

        // "đi tập huấn", "lớp bồi dưỡng nghiệp vụ": one course, whichever word the plan uses for it.
        query = query.SelectMany((w, i) => Course(query, i) is { } other
            ? [w, new Token(other[0], null, Implied: true), new Token(other[1], null, Implied: true)]
            : new[] { w }).ToList();

        // "họp sơ kết", "dự họp tổng kết": the meeting the plan calls "hội nghị sơ kết", which a report or a guide of the same
        // review is not. "sơ kết … mặt trận họp rồi": a meeting held, where an item holds one ("họp xét" is the plan's own
        // word, as "họp cụm", the cluster's sitting, is). "tổng hợp", "phối hợp", "phù hợp" are "hợp", no meeting, as is any
        // "hợp" written with its marks. "hồ sơ đề nghị khen": "khen" alone is "khen thưởng" said short.
        return query.SelectMany((w, i) => w.Folded == "hop" && !(i + 1 < query.Count && query[i + 1].Folded is "xet" or "cum") && Meeting(query, i)
            ? [new Token("hoi", null, Implied: !Reviewed(query, i)), new Token("nghi", null, Implied: !Reviewed(query, i))]
            : w.Folded == "khen" && !(i + 1 < query.Count && query[i + 1].Folded == "thuong")
                ? [w, new Token("thuong", null)]
                : new[] { w }).ToList();
    }

    // Whether the "hop" at i is "họp" (to meet): written so, or without marks where no word before makes it "hợp".
    private static bool Meeting(List<Token> query, int i) =>
        query[i].Marked is { } marked ? marked == Meet : !(i > 0 && query[i - 1].Folded is "tong" or "phoi" or "ket" or "phu" or "thich");

    private static readonly string Meet = Marks("họp");

    // At the second word of "tập huấn" or "bồi dưỡng", the other.
    private static string[]? Course(List<Token> query, int i) =>
        i == 0 ? null : (query[i - 1].Folded, query[i].Folded) switch
        {
            ("tap", "huan") => ["boi", "duong"],
            ("boi", "duong") => ["tap", "huan"],
            _ => null,
        };

    // Whether "hội đồng sư phạm" begins at tokens[i].
    private static bool TeachersCouncil(List<Token> tokens, int i) =>
        i + 3 < tokens.Count && tokens[i].Folded == "hoi" && tokens[i + 1].Folded == "dong" && tokens[i + 2].Folded == "su" && tokens[i + 3].Folded == "pham";

    private static bool GiaoBan(List<Token> tokens, int i) =>
        i >= 0 && i < tokens.Count && tokens[i].Folded == "giao" && ((i + 1 < tokens.Count && tokens[i + 1].Folded == "ban") || (i > 0 && tokens[i - 1].Folded == "hop"));

    private static bool Audience(List<Token> tokens, int i) =>
        i >= 2 && i + 1 < tokens.Count && tokens[i - 1].Folded == "cac"
        && (tokens[i].Folded, tokens[i + 1].Folded) is ("don", "vi") or ("co", "quan")
        && (tokens[i - 2].Folded is "cho" or "toi" or "den" || (i >= 3 && (tokens[i - 3].Folded + " " + tokens[i - 2].Folded) is "huong dan" or "don doc" or "chi dao" or "yeu cau"));

    // "họp tổng kết", "họp sơ kết": the review's meeting; but "họp tổng kết phong trào thi đua" is the movement's review, held
    // at a meeting, which no item calls a conference.
    private static bool Reviewed(List<Token> query, int i) =>
        i + 2 < query.Count && query[i + 1].Folded is "so" or "tong" && query[i + 2].Folded == "ket"
        && !(i + 4 < query.Count && query[i + 3].Folded == "phong" && query[i + 4].Folded == "trao");

    // "chấm điểm" where the plan has "Chăm điểm", a slip of its own: two words side by side that the plan holds side by side
    // only with other marks are the plan's two words, read without marks.
    private static List<Token> Unmarked(List<Token> query, IReadOnlyList<PlanItem> plan)
    {
        var repaired = query.ToList();
        var side = plan.Select(item => Tokens(item.Content)).SelectMany(t => t.Zip(t.Skip(1))).ToList();
        for (var i = 0; i + 1 < query.Count; i++)
        {
            if (query[i].Marked is null && query[i + 1].Marked is null)
            {
                continue;
            }

            var (first, second) = (query[i], query[i + 1]);
            if (side.Any(p => p.First.Folded == first.Folded && p.Second.Folded == second.Folded)
                && !side.Any(p => p.First.Keys.Contains(first.Key) && p.Second.Keys.Contains(second.Key)))
            {
                repaired[i] = first with { Marked = null };
                repaired[i + 1] = second with { Marked = null };
            }
        }

        return repaired;
    }

    /// <summary>
    /// Whether <paramref name="item"/> carries the words as it would to be matched by them for an action, their years aside:
    /// "phương hướng nhiệm vụ năm 2026" is still the 2025 report's second half.
    /// </summary>
    public static bool Holds(string words, PlanItem item, IReadOnlyList<PlanItem> plan, double coverage) =>
        Match(string.Join(' ', MessageWords.Read(words, int.MaxValue).Where(w => !IsYear(w.Folded)).Select(w => words[w.Start..w.End])), [item], plan, coverage, 1).Items.Count > 0;

    /// <summary>How many different words of the plan's items the words hold: none, and they say nothing of an item.</summary>
    public static int Known(string words, IReadOnlyList<PlanItem> plan)
    {
        var planWords = plan.Select(i => WithoutReferences(Tokens(i.Content))).ToList();
        var vocabulary = planWords.Select(Unigrams).ToList();
        var vocabularyPairs = new Lazy<List<HashSet<string>>>(() => planWords.Select(Pairs).ToList());
        return Unmarked(Query(words), plan).DistinctBy(t => t.Key).Count(t => vocabulary.Any(u => t.Meets.Any(u.Contains)));
    }

    /// <summary>Whether an item draws up a plan: a making word right before "kế hoạch" ("xây dựng kế hoạch", "Ban hành Kế hoạch").</summary>
    public static bool MakesPlan(PlanItem item) =>
        Tokens(item.Content) is var own && Enumerable.Range(0, Math.Max(0, own.Count - 3)).Any(i =>
            MakingPhrases.Contains(own[i].Folded + " " + own[i + 1].Folded) && own[i + 2].Folded == "ke" && own[i + 3].Folded == "hoach");

    /// <summary>Whether the item is done at the province's or the cluster's level, not the commune's: "tham dự hội nghị … của tỉnh".</summary>
    public static bool Elsewhere(PlanItem item) => Levels(Tokens(item.Content), said: false) is var own && own.Count > 0 && !own.Contains("xa");

    /// <summary>Whether the words name a level of government ("của tỉnh", "ở cụm", "cấp xã").</summary>
    public static bool NamesLevel(string words) => Levels(Tokens(words), said: true).Count > 0;

    private static readonly HashSet<string> LevelWords = new(StringComparer.Ordinal) { "xa", "huyen", "tinh", "cum" };

    // The levels of government a text names: in an item any "xã", "huyện", "tỉnh", "cụm" ("xã hội" is society); in a
    // message only as whose or where ("của xã", "cấp tỉnh", "tại cụm"), as "xã" also ends the names of units.
    // An item the commune holds itself ("Tổ chức Hội nghị sơ kết …") is held at the commune, whether it says so or not.
    private static HashSet<string> Levels(List<Token> tokens, bool said) =>
        LevelsAt(tokens, said).Select(i => tokens[i].Folded).ToHashSet(StringComparer.Ordinal) is var levels && levels.Count == 0 && !said
        && tokens.Count > 1 && (tokens[0].Folded, tokens[1].Folded) == ("to", "chuc")
            ? ["xa"]
            : levels;

    private static IEnumerable<string> LevelKeys(List<Token> tokens) => LevelsAt(tokens, said: true).Select(i => tokens[i].Key).Distinct(StringComparer.Ordinal);

    private static IEnumerable<int> LevelsAt(List<Token> tokens, bool said)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (LevelWords.Contains(tokens[i].Folded) && !(i + 1 < tokens.Count && tokens[i + 1].Folded == "hoi")
                && (!said || (i > 0 && tokens[i - 1].Folded is "cua" or "cap" or "tai" or "o")))
            {
                yield return i;
            }
        }
    }

    // Verbs of doing, which a person adds to an item's name: "đã ban hành hướng dẫn", "đi dự hội nghị".
    private static readonly HashSet<string> VerbPhrases = new(StringComparer.Ordinal)
    {
        "to chuc", "tham du", "tham gia", "ban hanh", "xay dung", "thuc hien", "trien khai", "hoan thanh",
    };

    // How a paper is made: what a person says they did to it, which does not tell one year's paper from another's.
    // What a copy of a paper is: "bản giấy", "bản mềm", "bản chính", "bản scan".
    private static readonly HashSet<string> Copies = new(StringComparer.Ordinal) { "giay", "mem", "chinh", "goc", "sao", "scan", "cung", "word", "pdf", "in" };

    private static readonly HashSet<string> MakingPhrases = new(StringComparer.Ordinal) { "ban hanh", "xay dung" };

    // What was handed in: "hồ sơ", "văn bản".
    private static readonly HashSet<string> Papers = new(StringComparer.Ordinal) { "ho so", "giay to", "tai lieu", "van ban", "ho so de nghi", "de nghi", "danh sach" };

    // "gửi báo cáo tổng kết năm học": in a report of work done, a report is how a unit hands in what it did; it names the
    // report items only where they hold it, and counts against no other. A question about "báo cáo sơ kết" asks about the report.
    private static readonly HashSet<string> Reports = new(StringComparer.Ordinal) { "bao cao" };

    // "họp" is left only before "xét" ("họp xét"), the plan's own words for a council's sitting; "xét" names it, and a meeting
    // held ("họp cụm") is no rival for it.
    private static readonly HashSet<string> VerbWords = new(StringComparer.Ordinal) { "du", "lam", "hop" };

    private static HashSet<string> Optional(List<Token> query, HashSet<string> phrases, HashSet<string> words) =>
        Phrases(query, phrases, words).SelectMany(p => p).ToHashSet(StringComparer.Ordinal);

    // The phrases of a list said in the query ("tổ chức", "hồ sơ đề nghị"), each as its words' keys; a word of the list alone
    // ("dự") is a phrase of one.
    private static List<string[]> Phrases(List<Token> query, HashSet<string> phrases, HashSet<string> words)
    {
        var found = new List<string[]>();
        for (var i = 0; i < query.Count; i++)
        {
            if (i + 3 < query.Count && phrases.Contains(string.Join(' ', query.Skip(i).Take(4).Select(t => t.Folded))))
            {
                found.Add([.. query.Skip(i).Take(4).Select(t => t.Key)]);
                i += 3;
            }
            else if (i + 1 < query.Count && phrases.Contains(query[i].Folded + " " + query[i + 1].Folded))
            {
                found.Add([query[i].Key, query[i + 1].Key]);
                i++;
            }
            else if (words.Contains(query[i].Folded))
            {
                found.Add([query[i].Key]);
            }
        }

        return found;
    }

    private const string SchoolYears = "y:";

    private static HashSet<string> Unigrams(List<Token> content)
    {
        var unigrams = content.SelectMany(t => t.Keys).ToHashSet(StringComparer.Ordinal);
        if (Years(content).Ranges.Count > 0)
        {
            unigrams.Add(SchoolYears);
        }

        return unigrams;
    }

    // A pair of words said together may stand a little apart in the plan: "kế hoạch thi đua" is the plan's "kế hoạch công
    // tác thi đua".
    private const int PairReach = 3;

    private static HashSet<string> Pairs(List<Token> content)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < content.Count; i++)
        {
            for (var j = i + 1; j < content.Count && j <= i + PairReach; j++)
            {
                foreach (var x in content[i].Keys)
                {
                    pairs.UnionWith(content[j].Keys.Select(y => x + " " + y));
                }
            }
        }

        return pairs;
    }

    // Another document an item or a message cites is not what it is: "Tổng kết phong trào thi đua theo Kế hoạch" is a
    // meeting, not a plan to hand in.
    private static readonly string[] Cited = ["ke hoach", "huong dan", "quyet dinh", "cong van", "van ban", "thong bao", "chi thi", "nghi quyet", "thong tu", "nghi dinh"];

    // How many words at words[at] name another document ("kế hoạch", "hướng dẫn này"), or 0.
    internal static int CitesDocument(IReadOnlyList<Word> words, int at)
    {
        if (at + 1 >= words.Count || !Cited.Contains(words[at].Folded + " " + words[at + 1].Folded))
        {
            return 0;
        }

        return at + 2 < words.Count && words[at + 2].Folded == "nay" ? 3 : 2;
    }

    private static List<Token> WithoutReferences(List<Token> content)
    {
        var kept = new List<Token>(content.Count);
        for (var i = 0; i < content.Count; i++)
        {
            kept.Add(content[i]);
            var after = content[i].Folded == "theo" ? i + 1 : content[i].Folded == "can" && i + 1 < content.Count && content[i + 1].Folded == "cu" ? i + 2 : -1;
            if (after > 0 && after + 1 < content.Count && Cited.Contains(content[after].Folded + " " + content[after + 1].Folded))
            {
                i = after + 1 < content.Count - 1 && content[after + 2].Folded == "nay" ? after + 2 : after + 1;
            }
        }

        return kept;
    }

    // The years a text names on their own ("năm 2025") and as school years ("2025 - 2026", kept as "2025-2026").
    private static (HashSet<string> Singles, HashSet<string> Ranges) Years(List<Token> tokens, bool firstOnly = false)
    {
        var singles = new HashSet<string>(StringComparer.Ordinal);
        var ranges = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count && !(firstOnly && singles.Count + ranges.Count > 0); i++)
        {
            if (!IsYear(tokens[i].Folded) || tokens[i].InDate)
            {
                continue;
            }

            if (i + 1 < tokens.Count && IsYear(tokens[i + 1].Folded) && int.Parse(tokens[i + 1].Folded, CultureInfo.InvariantCulture) == int.Parse(tokens[i].Folded, CultureInfo.InvariantCulture) + 1)
            {
                ranges.Add(tokens[i].Folded + "-" + tokens[++i].Folded);
            }
            else
            {
                singles.Add(tokens[i].Folded);
            }
        }

        return (singles, ranges);
    }

    private static bool IsYear(string word) => word.Length == 4 && word.All(char.IsAsciiDigit) && word[0] is '1' or '2';

    /// <summary>Folded words with the administration's abbreviations spelled out ("TĐKT" → "thi dua khen thuong").</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var read = MessageWords.Read(text, int.MaxValue);
        for (var i = 0; i < read.Count; i++)
        {
            var word = read[i];
            words.AddRange(Everyone(read, i) ? ["moi", "nguoi"] : Abbreviations.Common.TryGetValue(word.Folded, out var longForm) ? longForm.Split(' ') : [word.Folded]);
        }

        return words;
    }

    // "khi nào vậy mn", "chào mn", "mn ơi": "mn" said to everyone is "mọi người", not "mầm non".
    private static bool Everyone(List<Word> words, int i) =>
        words[i].Folded == "mn"
        && (i == words.Count - 1 || words[i + 1].Folded == "oi" || (i > 0 && words[i - 1].Folded is "chao" or "vay" or "nhe" or "a" or "oi" or "nha"));
}
