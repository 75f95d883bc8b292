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
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary><c>--now</c>, accepted by every verb: the start of the simulated clock, in Vietnam time.</summary>
    public static Option<DateTimeOffset?> Now() => new("--now")
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

    public static Option<string?> Units() => new("--units")
    {
        HelpName = "don-vi.yaml",
        Description = "danh sách đơn vị (mặc định theo cấu hình Plan:UnitsFile)",
    };

    /// <summary><c>-f, --format</c>, one of <paramref name="allowed"/>; <paramref name="fallback"/> when not given, if any.</summary>
    public static Option<string> Format(string description, string? fallback, params string[] allowed)
    {
        var option = new Option<string>("--format", "-f") { HelpName = string.Join('|', allowed), Description = description };
        if (fallback is not null)
        {
            option.DefaultValueFactory = _ => fallback;
        }

        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !allowed.Contains(value, StringComparer.Ordinal))
            {
                result.AddError(NotOneOf(result, allowed, value));
            }
        });
        return option;
    }

    public static Option<int?> Quarter() => new("--quarter", "-q")
    {
        HelpName = "1-4",
        Description = "chỉ in một quý: 1, 2, 3, 4 (hoặc I, II, III, IV)",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            var quarter = Core.Plans.Quarter.Parse(text);
            if (quarter is null)
            {
                result.AddError($"Quý phải là 1, 2, 3 hoặc 4 (hoặc I-IV), không phải «{text}».");
            }

            return quarter;
        },
    };

    /// <summary><c>--role head|staff|office</c>.</summary>
    public static Option<ChatRole?> Role(string description) => new("--role")
    {
        HelpName = "head|staff|office",
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            ChatRole? role = text switch
            {
                "head" => ChatRole.Head,
                "staff" => ChatRole.Staff,
                "office" => ChatRole.Office,
                _ => null,
            };
            if (role is null)
            {
                result.AddError(NotOneOf(result, ["head", "staff", "office"], text));
            }

            return role;
        },
    };

    /// <summary>A unit's name as written in the unit directory (<c>--as</c>, <c>--unit</c>); the verb finds the unit.</summary>
    public static Option<string> Unit(string name, string description) => new(name)
    {
        HelpName = "đơn vị",
        Description = description,
        Required = true,
    };

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

    private static string NotOneOf(SymbolResult result, IReadOnlyList<string> allowed, string value)
    {
        var name = result is OptionResult option ? option.Option.Name : ((OptionResult)result.Parent!).Option.Name;
        return $"{name} chỉ nhận {string.Join(", ", allowed.SkipLast(1))} hoặc {allowed[^1]}, không phải «{value}».";
    }
}
