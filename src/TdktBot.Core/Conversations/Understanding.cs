using TdktBot.Core.Text;
using TdktBot.Core.Units;

namespace TdktBot.Core.Conversations;

/// <summary>Who writes, and on what day, with the plan and the units they write about.</summary>
public sealed record Context(string Unit, DateOnly Today, IReadOnlyList<PlanItem> Items, UnitDirectory? Directory);

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

    public bool IsSelf => OtherUnit is null && Group is null && !AllUnits;

    /// <summary>The items meant, by number as printed.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Words were given for the items but fit no item clearly; <see cref="Choices"/> holds those that fit somewhat.</summary>
    public bool Unclear { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    public DateSpan? Period { get; init; }

    public StatusFilter Status => Intent.Question.Status;

    public AnswerForm Form => Intent.Question.Form;
}

/// <summary>Settles a parsed message against the plan and the directory: the step after <see cref="IntentParser"/>.</summary>
public static class Understanding
{
    public static Reading Read(string text, Context context) => Resolve(IntentParser.Parse(text), text, context);

    public static Reading Resolve(Intent intent, string text, Context context)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(context);
        if (intent.Kind is not (IntentKind.Ask or IntentKind.Confirm or IntentKind.Undo))
        {
            return new Reading(intent);
        }

        var question = intent.Question;
        var mentions = context.Directory is { } directory ? UnitMentions.Find(text, directory) : UnitMentions.Nothing;
        var written = intent.Unit is { } unit && context.Directory?.FindUnit(unit) is { } found ? found.Name : null;
        var other = written ?? mentions.Units.FirstOrDefault(u => u.Name != context.Unit)?.Name;
        var reading = new Reading(intent)
        {
            OtherUnit = other,
            Group = other is null ? mentions.Group : null,
            AllUnits = other is null && mentions.Group is null && question.Who == WhoKind.All,
            Period = question.Period?.Resolve(context.Today),
        };

        var words = question.ItemWords is { } w ? mentions.Without(w) : null;
        if (question.Numbers.Count > 0 || string.IsNullOrWhiteSpace(words))
        {
            return reading with { Items = question.Numbers };
        }

        var owner = other ?? context.Unit;
        var own = context.Items.Where(i => i.Units.Contains(owner)).ToList();
        var match = ItemMatcher.Match(words, reading.IsSelf || other is not null ? own : context.Items);
        if (intent.Kind == IntentKind.Ask && !match.Clear && reading.IsSelf)
        {
            // A question may be about an item the unit does not owe: "D2 là gì" from the health station.
            var anyItem = ItemMatcher.Match(words, context.Items);
            match = anyItem.Clear || match.Items.Count == 0 ? anyItem : match;
        }

        var numbers = match.Items.Select(i => i.Number).ToList();
        if (match.Items.Count == 0)
        {
            // Words that fit nothing: a question keeps its other parts; an action must ask.
            return intent.Kind == IntentKind.Ask ? reading : reading with { Unclear = true, Choices = own.Select(i => i.Number).ToList() };
        }

        var period = question.PeriodNamesItem ? null : reading.Period;
        return match.Clear || intent.Kind == IntentKind.Ask
            ? reading with { Items = numbers, Period = period }
            : reading with { Unclear = true, Choices = numbers, Period = period };
    }
}

/// <summary>The units and the group a message names, and where, so their words are not read as an item's.</summary>
internal sealed record UnitMentions(IReadOnlyList<Unit> Units, UnitGroup? Group, IReadOnlyList<string> Spans)
{
    public static UnitMentions Nothing { get; } = new([], null, []);

    // Words before a group's common first word that make it the group: "các trường", "trường nào".
    private static readonly string[] PluralBefore = ["cac", "nhung", "may", "bao nhieu", "tat ca cac", "tat ca", "moi"];
    private static readonly string[] PluralAfter = ["nao", "hoc"];

    public static UnitMentions Find(string text, UnitDirectory directory)
    {
        var folded = " " + string.Join(' ', ItemMatcher.Words(text)) + " ";
        var found = new List<(Unit Unit, string Key)>();
        foreach (var unit in directory.Units)
        {
            var key = Keys(unit, directory).Where(k => folded.Contains(" " + k + " ", StringComparison.Ordinal)).MaxBy(k => k.Length);
            if (key is not null)
            {
                found.Add((unit, key));
            }
        }

        // "Trạm Y tế xã" inside "Phòng Y tế" would be two units; the longer mention wins.
        found.RemoveAll(f => found.Any(g => g.Key.Length > f.Key.Length && g.Key.Contains(f.Key, StringComparison.Ordinal)));
        var spans = found.Select(f => f.Key).ToList();
        UnitGroup? group = null;
        foreach (var g in directory.Groups.Where(g => !g.IncludesAll))
        {
            if (GroupKey(g, directory, folded) is { } key)
            {
                group = g;
                spans.Add(key);
                break;
            }
        }

        return new UnitMentions(found.Select(f => f.Unit).ToList(), group, spans);
    }

    /// <summary>The words without the units' and the group's names.</summary>
    public string Without(string words)
    {
        var folded = " " + string.Join(' ', ItemMatcher.Words(words)) + " ";
        foreach (var span in Spans.OrderByDescending(s => s.Length))
        {
            folded = folded.Replace(" " + span + " ", " ", StringComparison.Ordinal);
        }

        return folded.Trim();
    }

    // The unit's names folded, with and without "xã" and the commune's name, and the part after its kind of body
    // ("Trạm Y tế xã" → "y te") when no other unit shares it.
    private static IEnumerable<string> Keys(Unit unit, UnitDirectory directory)
    {
        var commune = VietnameseText.Fold(directory.Commune ?? string.Empty);
        foreach (var name in unit.Aliases.Prepend(unit.Name))
        {
            var key = string.Join(' ', ItemMatcher.Words(name));
            yield return key;
            var bare = Trim(key, commune);
            if (bare.Length > 0 && bare != key)
            {
                yield return bare;
            }

            var parts = bare.Split(' ');
            if (parts.Length >= 3)
            {
                var tail = string.Join(' ', parts.Skip(1));
                if (!directory.Units.Any(u => u != unit && (" " + string.Join(' ', ItemMatcher.Words(u.Name)) + " ").Contains(" " + tail + " ", StringComparison.Ordinal)))
                {
                    yield return tail;
                }
            }
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

        var members = directory.MembersOf(group);
        var first = members.Select(u => ItemMatcher.Words(u.Name).FirstOrDefault()).Distinct().ToList();
        if (members.Count < 2 || first is not [{ } head] || directory.Units.Except(members).Any(u => ItemMatcher.Words(u.Name).FirstOrDefault() == head))
        {
            return null;
        }

        foreach (var before in PluralBefore)
        {
            if (folded.Contains($" {before} {head} ", StringComparison.Ordinal))
            {
                return $"{before} {head}";
            }
        }

        return PluralAfter.Select(after => $"{head} {after}").FirstOrDefault(k => folded.Contains(" " + k + " ", StringComparison.Ordinal));
    }
}
