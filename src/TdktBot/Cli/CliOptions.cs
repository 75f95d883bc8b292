using System.CommandLine;
using System.CommandLine.Parsing;
using TdktBot.Data.Entities;

namespace TdktBot.Cli;

/// <summary>
/// The kinds of option and argument the verbs take, each made anew for the command it is added to, with its Vietnamese
/// help and the check of its value (a wrong value is a command-line error, exit code 2).
/// </summary>
internal static class CliOptions
{
    /// <summary>The name of <c>--now</c>, by which every verb reads it wherever on the command line it was typed.</summary>
    public const string NowName = "--now";

    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary><c>--now</c>, accepted by every verb: the start of the simulated clock, in Vietnam time.</summary>
    public static Option<DateTimeOffset?> Now() => new(NowName)
    {
        HelpName = "ngày giờ",
        Description = "chạy trên đồng hồ giả lập từ thời điểm này (giờ Việt Nam), ví dụ 2026-01-23T07:59 hoặc \"23/01/2026 07:59\"; "
            + "dùng kho dữ liệu riêng và không gửi tin thật qua Telegram, Zalo",
        Recursive = true,
        CustomParser = result => CliTime.Parse(result)?.In(Vietnam),
    };

    /// <summary>A date with an optional time (<c>--from</c>, <c>--to</c>), read on the reminders' time zone by the verb.</summary>
    public static Option<CliTime> Date(string name, string description) => new(name)
    {
        HelpName = "ngày",
        Description = description,
        Required = true,
        CustomParser = result => CliTime.Parse(result) ?? default,
    };

    public static Option<string?> Units() => FilePath("don-vi.yaml", "danh sách đơn vị (mặc định theo cấu hình Plan:UnitsFile)", "--units");

    /// <summary>A file named by an option: <paramref name="names"/> are its name then its aliases.</summary>
    public static Option<string?> FilePath(string helpName, string description, params string[] names) =>
        new(names[0], names[1..]) { HelpName = helpName, Description = description };

    /// <summary><c>-f, --format</c>, one of <paramref name="allowed"/>; <paramref name="fallback"/> when not given, if any.</summary>
    public static Option<string> Format(string description, string? fallback, params string[] allowed) =>
        OneOf(new Option<string>("--format", "-f") { Description = description }, fallback, [.. allowed.Select(a => (a, a))]);

    public static Option<int?> Quarter() => new("--quarter", "-q")
    {
        HelpName = "1-4",
        Description = "chỉ in một quý: 1, 2, 3, 4 (hoặc I, II, III, IV)",
        CustomParser = result => Core.Plans.Quarter.Parse(result.Tokens[0].Value)
            ?? Reject<int?>(result, $"Quý phải là 1, 2, 3 hoặc 4 (hoặc I-IV), không phải «{result.Tokens[0].Value}»."),
    };

    /// <summary><c>--role head|staff|office</c>.</summary>
    public static Option<ChatRole?> Role(string description) => OneOf(new Option<ChatRole?>("--role") { Description = description }, null,
        [("head", ChatRole.Head), ("staff", ChatRole.Staff), ("office", ChatRole.Office)]);

    /// <summary>A unit's name as written in the unit directory (<c>--as</c>, <c>--unit</c>); the verb finds the unit.</summary>
    public static Option<string> Unit(string name, string description) =>
        new(name) { HelpName = "đơn vị", Description = description, Required = true };

    /// <summary>A file named by its position; a word that starts with '-' is an option this verb does not know, not a file.</summary>
    public static Argument<string> File(string helpName, string description, ArgumentArity arity)
    {
        var argument = new Argument<string>("file") { HelpName = helpName, Description = description, Arity = arity };
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
            {
                result.AddError($"Không hiểu tùy chọn «{token.Value}».");
            }
        });
        return argument;
    }

    /// <summary><paramref name="option"/> taking one of the words of <paramref name="values"/>, named in its help and in its error.</summary>
    private static Option<T> OneOf<T>(Option<T> option, T? fallback, IReadOnlyList<(string Word, T Value)> values)
    {
        var words = values.Select(v => v.Word).ToList();
        option.HelpName = string.Join('|', words);
        if (fallback is not null)
        {
            option.DefaultValueFactory = _ => fallback;
        }

        option.CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            var index = words.IndexOf(text);
            return index >= 0
                ? values[index].Value
                : Reject<T>(result, $"{option.Name} chỉ nhận {string.Join(", ", words.SkipLast(1))} hoặc {words[^1]}, không phải «{text}».");
        };
        return option;
    }

    /// <summary>Tells what is wrong with a value in Vietnamese: a command-line error, exit code 2, and nothing runs.</summary>
    internal static T? Reject<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }
}
