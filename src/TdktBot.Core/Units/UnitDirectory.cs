using TdktBot.Core.Text;

namespace TdktBot.Core.Units;

/// <summary>What a body's name, as written in a plan, refers to.</summary>
/// <param name="Written">The name as written, cleaned of bullets and trailing punctuation.</param>
/// <param name="Units">The units meant (the members, for a group); empty when unresolved.</param>
/// <param name="Group">The group, when the name is a collective phrase.</param>
/// <param name="Problem">Why it did not resolve, in Vietnamese.</param>
public sealed record BodyResolution(string Written, IReadOnlyList<Unit> Units, UnitGroup? Group, string? Problem)
{
    public bool IsResolved => Problem is null;
}

/// <summary>The commune's units and groups, and the matching of names people write to them.</summary>
public sealed class UnitDirectory
{
    /// <summary>Id of the group every directory has, meaning all units.</summary>
    public const string AllUnitsGroupId = "tat-ca";

    private static readonly string[] DefaultAllPhrases =
    [
        "Các cơ quan, đơn vị", "Các cơ quan, đơn vị liên quan", "Các đơn vị liên quan",
        "Các cơ quan, tổ chức, đơn vị", "Các cơ quan, đơn vị trên địa bàn xã",
    ];

    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, string> _abbreviations;
    private readonly string _communeKey;

    public UnitDirectory(string? commune, IEnumerable<Unit> units, IEnumerable<UnitGroup>? groups = null,
        IReadOnlyDictionary<string, string>? extraAbbreviations = null, bool isExample = false)
    {
        Commune = commune;
        IsExample = isExample;
        Units = units.ToList();

        _abbreviations = new Dictionary<string, string>(Abbreviations.Common, StringComparer.Ordinal);
        foreach (var (shortForm, longForm) in extraAbbreviations ?? new Dictionary<string, string>())
        {
            _abbreviations[VietnameseText.Fold(shortForm)] = VietnameseText.Fold(longForm);
        }

        _communeKey = Key(commune ?? string.Empty);

        var groupList = (groups ?? []).ToList();
        if (!groupList.Any(g => g.IncludesAll))
        {
            groupList.Insert(0, new UnitGroup { Id = AllUnitsGroupId, Name = "Tất cả cơ quan, đơn vị", IncludesAll = true });
        }

        Groups = groupList;

        foreach (var unit in Units)
        {
            foreach (var name in unit.Aliases.Prepend(unit.Name))
            {
                _entries.Add(new Entry(unit, null, Variants(name, withInitials: name == unit.Name)));
            }
        }

        foreach (var group in Groups)
        {
            var phrases = group.Phrases.Append(group.Name);
            if (group.IncludesAll)
            {
                phrases = phrases.Concat(DefaultAllPhrases);
            }

            foreach (var phrase in phrases)
            {
                _entries.Add(new Entry(null, group, Variants(phrase, withInitials: false)));
            }
        }
    }

    public string? Commune { get; }

    /// <summary>True for the bundled example, which an office must replace with its own units.</summary>
    public bool IsExample { get; }

    public IReadOnlyList<Unit> Units { get; }

    public IReadOnlyList<UnitGroup> Groups { get; }

    public UnitGroup AllUnits => Groups.First(g => g.IncludesAll);

    /// <summary>
    /// The one unit a person means: by name or alias (diacritics, abbreviations, a small typo), or else by a part of
    /// its name that no other unit shares ("THCS Hoa Thám", "y tế").
    /// </summary>
    public Unit? FindUnit(string name) =>
        Units.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? (Resolve(name) is { IsResolved: true, Group: null, Units: [var only] } ? only : null)
        ?? ByPart(name);

    private Unit? ByPart(string written) =>
        VietnameseText.Fold(written).Length < 3 ? null : OnlyOneNamedWith(Units, u => u.Aliases.Prepend(u.Name), written);

    public UnitGroup? FindGroup(string idOrName) =>
        Groups.FirstOrDefault(g => string.Equals(g.Id, idOrName, StringComparison.OrdinalIgnoreCase)
                                   || string.Equals(g.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The group a person means when writing to the bot ("các trường", "giao-duc", "đoàn thể"): by id or name, by a
    /// phrase of the group, or by a part of its name or phrases that no other group shares.
    /// </summary>
    public UnitGroup? FindGroupAsWritten(string written)
    {
        if (FindGroup(written) is { } exact)
        {
            return exact;
        }

        if (Resolve(written) is { IsResolved: true, Group: { } resolved })
        {
            return resolved;
        }

        return OnlyOneNamedWith(Groups, g => g.Phrases.Append(g.Name).Append(g.Id.Replace('-', ' ')), written);
    }

    /// <summary>The one item that has <paramref name="written"/> as whole words of one of its names; null for none or several.</summary>
    private static T? OnlyOneNamedWith<T>(IEnumerable<T> items, Func<T, IEnumerable<string>> names, string written)
        where T : class
    {
        var part = " " + VietnameseText.Fold(written) + " ";
        var matches = items.Where(i => names(i).Any(n => (" " + VietnameseText.Fold(n) + " ").Contains(part, StringComparison.Ordinal))).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    public IReadOnlyList<Unit> MembersOf(UnitGroup group) =>
        group.IncludesAll ? Units : Units.Where(u => u.Groups.Contains(group.Id, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>
    /// Resolves a body's name as written: exactly, then across abbreviations and diacritics, then
    /// allowing a small typo; a plural phrase about bodies in general means every unit.
    /// </summary>
    public BodyResolution Resolve(string written)
    {
        var cleaned = CleanBody(written);
        if (cleaned.Length == 0)
        {
            return new BodyResolution(cleaned, [], null, "Tên cơ quan, đơn vị trống.");
        }

        var query = Variants(cleaned, withInitials: false);

        var exact = _entries.Where(e => e.Keys.Overlaps(query)).ToList();
        if (exact.Count > 0)
        {
            return FromEntries(cleaned, exact);
        }

        var scored = _entries
            .Select(e => (Entry: e, Distance: e.Keys.SelectMany(k => query.Select(q => Distance(q, k))).Min()))
            .Where(s => s.Distance < int.MaxValue)
            .OrderBy(s => s.Distance)
            .ToList();
        if (scored.Count > 0)
        {
            var best = scored[0].Distance;
            var close = scored.Where(s => s.Distance == best).Select(s => s.Entry).ToList();
            var result = FromEntries(cleaned, close);
            if (result.IsResolved)
            {
                return result;
            }
        }

        var folded = VietnameseText.Fold(cleaned);
        if (folded.StartsWith("cac ", StringComparison.Ordinal)
            && (folded.Contains("co quan", StringComparison.Ordinal) || folded.Contains("don vi", StringComparison.Ordinal)
                || folded.Contains("to chuc", StringComparison.Ordinal)))
        {
            return new BodyResolution(cleaned, Units, AllUnits, null);
        }

        return new BodyResolution(cleaned, [], null,
            $"Không tìm thấy «{cleaned}» trong danh sách đơn vị. Hãy thêm đơn vị này (hoặc tên gọi tắt của nó) vào tệp danh sách đơn vị.");
    }

    /// <summary>
    /// The groups whose phrases occur in a sentence, in the order they are named. A phrase found only inside a longer
    /// one ("các cơ quan, đơn vị" inside "các cơ quan, đơn vị sự nghiệp") does not count on its own.
    /// </summary>
    public IReadOnlyList<UnitGroup> GroupsMentionedIn(string sentence) =>
        Mentions(" " + Key(sentence) + " ", _entries.Where(e => e.Group is not null), []).Select(m => m.Entry.Group!).Distinct().ToList();

    /// <summary>
    /// The units a sentence names by their full name or an alias of two words or more ("Trạm Y tế xã", "Công an xã"),
    /// outside the groups it names, in the order they are named.
    /// </summary>
    public IReadOnlyList<Unit> UnitsMentionedIn(string sentence)
    {
        var key = " " + Key(sentence) + " ";
        var groups = Mentions(key, _entries.Where(e => e.Group is not null), []);
        var units = _entries.Where(e => e.Unit is not null).Select(e => e with { Keys = e.Keys.Where(k => k.Contains(' ', StringComparison.Ordinal)).ToHashSet() });
        return Mentions(key, units, groups).Select(m => m.Entry.Unit!).Distinct().ToList();
    }

    // Where the entries' keys occur in a folded text, longest first; one found inside a longer one, or inside one of
    // those already taken, does not count on its own.
    private static List<(Entry Entry, int Start, int End)> Mentions(string key, IEnumerable<Entry> entries, List<(Entry Entry, int Start, int End)> taken)
    {
        var found = entries
            .SelectMany(e => e.Keys.Where(k => k.Length > 0).SelectMany(k => Occurrences(key, " " + k + " ").Select(at => (Entry: e, Start: at, End: at + k.Length + 2))))
            .OrderByDescending(m => m.End - m.Start)
            .ToList();
        var kept = new List<(Entry Entry, int Start, int End)>();
        foreach (var mention in found.Where(m => !kept.Concat(taken).Any(k => k.Start <= m.Start && m.End <= k.End)))
        {
            kept.Add(mention);
        }

        return kept.OrderBy(m => m.Start).ToList();
    }

    private static IEnumerable<int> Occurrences(string text, string part)
    {
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    /// <summary>Strips list bullets and trailing punctuation: "- Phòng Văn hóa – Xã hội." → "Phòng Văn hóa – Xã hội".</summary>
    public static string CleanBody(string written)
    {
        var text = VietnameseText.Squash(written.Replace("**", string.Empty, StringComparison.Ordinal));
        text = text.TrimStart('-', '–', '—', '+', '•', '*', '·', ' ', '\t');
        return text.TrimEnd('.', ';', ',', ':', ' ', '/');
    }

    private BodyResolution FromEntries(string cleaned, List<Entry> entries)
    {
        var groups = entries.Where(e => e.Group is not null).Select(e => e.Group!).Distinct().ToList();
        var units = entries.Where(e => e.Unit is not null).Select(e => e.Unit!).Distinct().ToList();
        if (groups.Count == 1 && units.Count == 0)
        {
            return new BodyResolution(cleaned, MembersOf(groups[0]), groups[0], null);
        }

        if (units.Count == 1 && groups.Count == 0)
        {
            return new BodyResolution(cleaned, units, null, null);
        }

        var names = string.Join("; ", units.Select(u => u.Name).Concat(groups.Select(g => g.Name)));
        return new BodyResolution(cleaned, [], null,
            $"«{cleaned}» có thể là nhiều đơn vị ({names}). Hãy ghi rõ tên hoặc thêm tên gọi tắt vào danh sách đơn vị.");
    }

    /// <summary>Edit distance if small enough to be a typo, else int.MaxValue.</summary>
    private static int Distance(string a, string b)
    {
        var longer = Math.Max(a.Length, b.Length);
        if (longer < 6 || Math.Abs(a.Length - b.Length) > 3)
        {
            return int.MaxValue;
        }

        var allowed = Math.Min(3, Math.Max(1, longer / 8));
        var distance = VietnameseText.EditDistance(a, b);
        return distance <= allowed ? distance : int.MaxValue;
    }

    /// <summary>The folded name with abbreviations expanded and "và" dropped.</summary>
    private string Key(string text) =>
        string.Join(' ', VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => _abbreviations.TryGetValue(t, out var longForm) ? longForm : t)
            .Where(t => t != "va"));

    private HashSet<string> Variants(string text, bool withInitials)
    {
        var variants = new HashSet<string>(StringComparer.Ordinal);
        var raw = VietnameseText.Fold(text);
        foreach (var form in new[] { Key(text), raw })
        {
            if (form.Length == 0)
            {
                continue;
            }

            variants.Add(form);
            var shortened = WithoutCommune(form);
            variants.Add(shortened);
            if (withInitials)
            {
                // "phong van hoa xa hoi" is also written "phong vhxh".
                var words = shortened.Split(' ');
                if (words.Length > 2)
                {
                    variants.Add(words[0] + " " + string.Concat(words.Skip(1).Select(w => w[0])));
                }
            }
        }

        variants.Remove(string.Empty);
        return variants;
    }

    /// <summary>"uy ban nhan dan xa hoa tham" and "uy ban nhan dan xa" both become "uy ban nhan dan".</summary>
    private string WithoutCommune(string key)
    {
        if (_communeKey.Length > 0 && key.EndsWith(" " + _communeKey, StringComparison.Ordinal))
        {
            key = key[..^(_communeKey.Length + 1)];
        }

        foreach (var level in (string[])["xa", "phuong", "thi tran", "dac khu"])
        {
            if (key.EndsWith(" " + level, StringComparison.Ordinal))
            {
                return key[..^(level.Length + 1)];
            }
        }

        return key;
    }

    private sealed record Entry(Unit? Unit, UnitGroup? Group, HashSet<string> Keys);
}
