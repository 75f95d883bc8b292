using System.Text.RegularExpressions;
using TdktBot.Core.Text;

namespace TdktBot.Core.Conversations;

/// <summary>
/// A question that reads on from the one before it in the same chat: "quý sau thì sao" after "quý này còn gì không",
/// "trạm y tế" after "công an còn nợ gì", "cái đó hạn bao giờ" after "nv 3 là gì". What it names (a unit, a group, a
/// period, items) takes the place of the same part of the question before; the rest is asked again as it was.
/// </summary>
public static partial class FollowUps
{
    // A follow-up is a fragment; a longer message says what it means on its own, unless it only asks "what about …" ("còn
    // hội nghị sơ kết của xã thì sao").
    private const int MaxWords = 6;
    private const int MaxWhatAboutWords = 10;

    /// <summary>
    /// The reading of <paramref name="text"/> as a follow-up to <see cref="Context.Earlier"/>, or null when it is not one
    /// (nothing asked before, a message that means something of its own, or one that names nothing to put in place).
    /// A follow-up is only ever a question. (A report that names nothing, after a question about items, is settled by
    /// <see cref="Understanding"/> from <see cref="AskedItems"/>: a fragment is never taken for a report.)
    /// </summary>
    public static Reading? Read(Intent intent, string text, Context context)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Earlier.Count == 0 || Kind(intent, text) is not { } kind || Before(context) is not { } before)
        {
            return null;
        }

        return Apply(before, kind, Parts(intent, text, context));
    }

    // A question pointing back asks its own question of the items before; one narrowing asks its own of what was listed
    // before; a fragment puts what it names in place.
    private static Reading? Apply(Reading before, Follow kind, Reading part) => kind switch
    {
        // ("ok, bao giờ hết hạn" after "nv 12 là làm gì": when that item is due, in no window of days.)
        Follow.Pointing => part.Items.Count == 0 && before.Items.Count > 0
            ? Merge(before, part with { Items = before.Items, Period = part.Form is AnswerForm.When or AnswerForm.DaysLeft ? null : part.Period }, Own.ItemForm) : null,
        Follow.Narrowing => part.Items.Count == 0 && part.Period is null && before.Items.Count == 0 ? Merge(before, part, Own.ListForm) : null,
        _ => Names(part) ? Merge(before, part, Own.None) : null,
    };

    /// <summary>
    /// What the chat has asked, after a message: a follow-up adds itself to the question it reads on from, a question of
    /// its own starts anew, anything else leaves it as it was.
    /// </summary>
    public static IReadOnlyList<string> After(IReadOnlyList<string> earlier, Intent intent, string text, bool followedUp)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(intent);
        if (followedUp)
        {
            // The first question and the latest follow-ups are what the next one reads on from.
            return earlier.Count < MaxKept ? [.. earlier, text] : [earlier[0], .. earlier.Skip(earlier.Count - MaxKept + 2), text];
        }

        return intent.Kind == IntentKind.Ask && !intent.IsAmbiguous ? [text] : earlier;
    }

    private const int MaxKept = 4;

    private enum Follow
    {
        /// <summary>A question of its own about "cái đó", the item asked about before.</summary>
        Pointing,

        /// <summary>Only what changes: "quý sau thì sao", "trạm y tế".</summary>
        Fragment,

        /// <summary>A question of its own about what was listed before: "trong đó việc nào chưa làm".</summary>
        Narrowing,
    }

    // Whose question the merged one asks.
    private enum Own
    {
        None,
        ItemForm,
        ListForm,
    }

    private static Follow? Kind(Intent intent, string text)
    {
        var folded = VietnameseText.Fold(text);
        var count = MessageWords.Read(text).Count;
        var brief = count <= MaxWords;
        if (intent.Kind == IntentKind.Ask && !intent.IsAmbiguous && intent.Question.Numbers.Count == 0 && Pointing().IsMatch(folded))
        {
            return Follow.Pointing;
        }

        if (intent.Kind == IntentKind.Ask && !intent.IsAmbiguous && intent.Question.Numbers.Count == 0 && Among().IsMatch(folded))
        {
            return Follow.Narrowing;
        }

        // "còn mấy ngày nữa ạ", "hạn khi nào": a question that names nothing asks it of what was asked about before.
        if (brief && intent.Question.Numbers.Count == 0 && intent.Kind is IntentKind.Unknown or IntentKind.Ask && !intent.IsAmbiguous
            && intent.Question.ItemWords is null && Elliptic().IsMatch(folded))
        {
            return Follow.Pointing;
        }

        // Read on its own, a fragment is nothing the bot knows, or several things at once, or a question that only asks
        // "what about …" (of an item by its number too: "thế còn nv 13?").
        var whatAbout = WhatAbout().IsMatch(folded);
        var fragment = intent.IsAmbiguous || intent.Kind is IntentKind.Unknown or IntentKind.Help || (intent.Kind == IntentKind.Ask && whatAbout);
        return (brief || (whatAbout && count <= MaxWhatAboutWords)) && fragment && (intent.Question.Numbers.Count == 0 || (whatAbout && intent.Kind == IntentKind.Ask)) ? Follow.Fragment : null;
    }

    /// <summary>The items the chat's last question (with its follow-ups) was about, or none.</summary>
    public static IReadOnlyList<string> AskedItems(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Earlier.Count == 0 ? [] : Before(context)?.Items ?? [];
    }

    // The question the chat asked last, with every follow-up it had since read into it.
    private static Reading? Before(Context context)
    {
        var first = IntentParser.Parse(context.Earlier[0]);
        if (first.Kind != IntentKind.Ask || first.IsAmbiguous)
        {
            return null;
        }

        var reading = Understanding.Resolve(first, context.Earlier[0], context);
        foreach (var next in context.Earlier.Skip(1))
        {
            var intent = IntentParser.Parse(next);
            if (Kind(intent, next) is { } kind)
            {
                reading = Apply(reading, kind, Parts(intent, next, context)) ?? reading;
            }
        }

        return reading;
    }

    // What the message names, read as a question whatever it was taken for on its own.
    private static Reading Parts(Intent intent, string text, Context context) =>
        Understanding.Resolve(intent.Kind == IntentKind.Ask && !intent.IsAmbiguous ? intent : FreeTextReader.AsQuestion(text), text, context with { Earlier = [] });

    private static bool Names(Reading part) =>
        part.OtherUnit is not null || part.Group is not null || part.AllUnits || part.Mine || part.Items.Count > 0 || part.Period is not null;

    private static Reading Merge(Reading before, Reading part, Own own)
    {
        var who = part.OtherUnit is not null || part.Group is not null || part.AllUnits || part.Mine;
        var question = before.Intent.Question with { Period = part.Period is null ? before.Intent.Question.Period : part.Intent.Question.Period };
        return before with
        {
            Intent = before.Intent with { Question = question },
            OtherUnit = who ? part.OtherUnit : before.OtherUnit,
            Group = who ? part.Group : before.Group,
            AllUnits = who ? part.AllUnits : before.AllUnits,
            Mine = who ? part.Mine : before.Mine,
            Items = part.Items.Count > 0 ? part.Items : before.Items,
            Period = part.Period ?? (part.Items.Count > 0 ? null : before.Period),
            // Its own question, asked of the items before, is asked as of items named: "còn mấy ngày" of D1 is its date.
            Status = own switch { Own.ItemForm => part.Intent.Question.ItemStatus, Own.ListForm => part.Status, _ => before.Status },
            Form = own switch { Own.ItemForm => part.Intent.Question.ItemForm, Own.ListForm => part.Form, _ => before.Form },
        };
    }

    // "cái đó", "việc này", "vụ đó", "mục ấy" (folded): the item just asked about. ("nó" folds to "nợ", so it is not one.)
    [GeneratedRegex(@"\b(?:cai|viec|vu|muc|nhiem vu|nv)\s+(?:do|nay|ay|kia)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Pointing();

    // "còn mấy ngày", "bao nhiêu ngày nữa", "hạn khi nào", "bao giờ" (folded): when, or how long until, of nothing named.
    [GeneratedRegex(@"\b(?:may ngay|bao nhieu ngay|bao lau|khi nao|bao gio|ngay nao|hom nao)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Elliptic();

    // "thì sao", "thế còn", "vậy còn", "còn quý sau" (folded): what about something else ("thế nào" asks how; "còn quý sau
    // còn gì", "còn tuần sau có việc nào không" ask a question of their own).
    [GeneratedRegex(@"\b(?:thi sao|the con|vay con)\b|^con\s+(?!.*\b(?:con|chua|no|thieu|gi|nao|khong|sao|may|bao)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex WhatAbout();

    // "trong đó", "trong số đó", "trong số này" (folded): among what was just listed.
    [GeneratedRegex(@"\btrong\s+(?:so\s+)?(?:do|nay|ay|kia)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Among();
}
