using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TdktBot.Core.Conversations;
using TdktBot.Core.Importing;

namespace TdktBot.Core.Tests.Conversations.Evaluation;

/// <summary>One message of the evaluation set, how it was read, and whether that is what it means (README.md here).</summary>
internal sealed record Outcome(string Id, string Text, JsonObject Expected, JsonObject Actual, bool Right, bool WrongAction);

/// <summary>Reads the evaluation set's messages through the conversation's understanding, on the bundled plan.</summary>
internal static class EvaluationSet
{
    private static readonly Lazy<IReadOnlyList<PlanItem>> Items = new(LoadItems);

    // A confirmation made before but not read: no item of the plan.
    private const string Unknown = "?";

    public static IReadOnlyList<Outcome> Run(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Conversations", "Evaluation", file))
            .Where(l => l.Trim().Length > 0)
            .Select(l => Judge(JsonNode.Parse(l)!.AsObject()))
            .ToList();

    public static IReadOnlyList<PlanItem> PlanItems => Items.Value;

    private static Outcome Judge(JsonObject line)
    {
        var unit = (string)line["unit"]!;
        var today = DateOnly.ParseExact((string)line["today"]!, "dd/MM/yyyy", CultureInfo.InvariantCulture);
        var context = new Context(unit, today, Items.Value, Fixture.Directory) { SeesAll = (string?)line["role"] == "office" };

        // What the person confirmed before, newest first, one message's items together: what "lộn rồi, hủy giúp" takes back.
        var confirmations = new List<IReadOnlyList<string>>();
        // What was asked before, as the chat keeps it: what a follow-up ("quý sau thì sao") reads on from.
        IReadOnlyList<string> asked = [];
        // Whether a question came after the latest confirmation: what «cái vừa rồi» then means is not plain.
        var askedSince = false;
        foreach (var before in line["before"]?.AsArray() ?? [])
        {
            var said = (string)before!;
            var intent = IntentParser.Parse(said);
            var followUp = FollowUps.Read(intent, said, context with { Earlier = asked });
            // An answer typed to the bot's question of which item ("kế hoạch năm 2027") is the report it asked about.
            var answer = Understanding.Answer(intent, said, context with { Earlier = asked });
            var earlier = Understanding.Read(said, context);
            // A report the bot asked back about is what an answer typed next picks among, as the chat keeps it.
            asked = earlier.AsksWhich ? [said] : FollowUps.After(asked, intent, said, followUp is not null);
            if (earlier.Intent.Kind == IntentKind.Confirm && !earlier.Unclear && earlier.Items.Count > 0 && earlier.OtherUnit is null)
            {
                confirmations.Insert(0, earlier.Items);
                askedSince = false;
            }
            else if (earlier.Intent.Kind == IntentKind.Confirm)
            {
                // The person confirmed something the reader could not tell (they would have pressed a choice): the
                // store holds one more confirmation than what was read, so an undo naming none must ask.
                confirmations.Insert(0, [Unknown]);
                askedSince = false;
            }
            else if (answer is not null)
            {
                askedSince = false;
            }
            else if (earlier.Intent.Kind == IntentKind.Ask || earlier.AsksWhich)
            {
                askedSince = true;
            }
        }

        context = context with { Confirmations = confirmations, Earlier = asked, AskedSinceLatest = askedSince };

        var text = (string)line["text"]!;
        var parsed = IntentParser.Parse(text);
        var reading = Understanding.Answer(parsed, text, context) ?? FollowUps.Read(parsed, text, context) ?? Understanding.Read(text, context);
        var actual = Describe(reading);
        var expected = line["expect"]!.AsObject();

        // An undo of the one confirmation made before takes back what that message meant, read or not.
        if ((string)actual["act"]! == "undo" && Set(actual["items"]).SetEquals([Unknown]) && (string)expected["act"]! == "undo")
        {
            actual["items"] = expected["items"]!.DeepClone();
        }
        return new Outcome((string)line["id"]!, text, expected, actual, Same(expected, actual), IsWrongAction(expected, actual));
    }

    // The reading in the set's own terms.
    private static JsonObject Describe(Reading reading)
    {
        var intent = reading.Intent;
        if (intent.IsAmbiguous)
        {
            return new JsonObject { ["act"] = "clarify", ["choices"] = new JsonArray() };
        }

        switch (intent.Kind)
        {
            // Asked about nothing the plan speaks of, the bot says it does not understand.
            case IntentKind.Ask when reading.Unrelated:
                return new JsonObject { ["act"] = "other" };
            case IntentKind.Ask:
                return new JsonObject
                {
                    ["act"] = "ask",
                    ["who"] = Who(reading),
                    ["items"] = reading.Items.Count == 0 ? null : Array(reading.Items),
                    ["period"] = reading.Period is { } p
                        ? new JsonObject { ["from"] = p.From.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), ["to"] = p.To.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) }
                        : null,
                    ["status"] = Snake(reading.Status.ToString()),
                    ["form"] = Snake(reading.Form.ToString()),
                };
            // A report that names no item is asked about, as the bot does.
            // An undo naming nothing, with nothing confirmed today, changes nothing: the bot says there is nothing to take back
            // (and, when there are earlier ones, asks for the item's number, «/huy 3»), as it asks about a report that names
            // nothing.
            case IntentKind.Confirm or IntentKind.Undo when reading.Unclear || reading.Items.Count == 0:
                return new JsonObject { ["act"] = "clarify", ["choices"] = Array(reading.Choices.Where(c => c != Unknown)) };
            case IntentKind.Confirm:
                return new JsonObject { ["act"] = "confirm", ["who"] = Who(reading), ["items"] = Array(reading.Items) };
            case IntentKind.Undo:
                return new JsonObject { ["act"] = "undo", ["items"] = Array(reading.Items) };
            // "/start" without an invitation code answers with the greeting and the whole help.
            case IntentKind.Help or IntentKind.Start when intent.Code is null:
                return new JsonObject { ["act"] = "help" };
            // A notice the office asks to send ("Nhắc các đơn vị …") is drafted for it to check; the labels have no act of
            // their own for it, and it neither asks, reports nor takes back.
            case IntentKind.Greeting or IntentKind.Unknown or IntentKind.Start or IntentKind.Later or IntentKind.Broadcast:
                return new JsonObject { ["act"] = "other" };
            default:
                return new JsonObject { ["act"] = Snake(intent.Kind.ToString()) };
        }
    }

    private static JsonNode Who(Reading reading) =>
        reading.OtherUnit is { } unit ? new JsonObject { ["unit"] = unit }
        : reading.Group is { } group ? new JsonObject { ["group"] = group.Id }
        : JsonValue.Create(reading.AllUnits ? "all" : "self");

    private static JsonArray Array(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    private static bool Same(JsonObject expected, JsonObject actual) =>
        expected.All(field => Equal(field.Key, field.Value, actual[field.Key]));

    private static bool Equal(string key, JsonNode? expected, JsonNode? actual)
    {
        if (key is "items" or "choices")
        {
            return Set(expected).SetEquals(Set(actual));
        }

        return JsonNode.DeepEquals(expected, actual);
    }

    private static HashSet<string> Set(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => (string)n!).ToHashSet(StringComparer.Ordinal);

    // A confirmation or undo of an item the person did not mean, or for a unit they did not mean.
    private static bool IsWrongAction(JsonObject expected, JsonObject actual)
    {
        var act = (string)actual["act"]!;
        if (act is not ("confirm" or "undo"))
        {
            return false;
        }

        if ((string)expected["act"]! != act || !Set(actual["items"]).IsSubsetOf(Set(expected["items"])))
        {
            return true;
        }

        return act == "confirm" && !JsonNode.DeepEquals(expected["who"], actual["who"]);
    }

    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static IReadOnlyList<PlanItem> LoadItems()
    {
        using var reader = File.OpenText(Fixture.PathOf("ke-hoach-tdkt-2026-hoa-tham.yaml"));
        var plan = YamlPlanFile.Read(reader, "ke-hoach-tdkt-2026-hoa-tham.yaml", Fixture.Directory).Plan!;
        return plan.Tasks.Select(t => new PlanItem(t.Number, t.Content, t.EffectiveDue, t.Units.ToList()))
            .Concat(plan.Deadlines.Select(d => new PlanItem(d.Id, d.Content, d.Due, d.Units.ToList())))
            .ToList();
    }

    public static string Report(IEnumerable<Outcome> wrong) =>
        string.Join("\n", wrong.Select(o => $"{o.Id} «{o.Text}»\n  expected {o.Expected.ToJsonString(Json)}\n  read     {o.Actual.ToJsonString(Json)}"));

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
