using System.CommandLine;
using System.CommandLine.Invocation;

namespace TdktBot.Cli;

/// <summary>
/// The help page of a command, all in Vietnamese. System.CommandLine's own help takes its headings ("Usage:",
/// "Options:") from resources that have no Vietnamese and its help builder cannot be replaced, so this action, set on the
/// help option, writes the page from the commands' descriptions.
/// </summary>
internal sealed class CliHelp(Command? command = null) : SynchronousCommandLineAction
{
    /// <summary>Help asked for is shown even when the rest of the command line is incomplete (<c>plan import --help</c>).</summary>
    public override bool ClearsParseErrors => true;

    /// <summary>The help of <c>command</c> if given (the <c>help</c> verbs), else of the command typed before <c>--help</c>.</summary>
    public override int Invoke(ParseResult parseResult)
    {
        Write(command ?? parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
        return 0;
    }

    public static void Write(Command command, TextWriter output)
    {
        output.WriteLine(command.Description);
        output.WriteLine();
        output.WriteLine("Cách dùng:");
        output.WriteLine($"  {Usage(command)}");
        Section(output, "Tham số:", command.Arguments.Where(a => !a.Hidden).Select(a => ($"<{a.HelpName}>", a.Description)));
        Section(output, "Tùy chọn:", Lineage(command)
            .SelectMany((c, depth) => c.Options.Where(o => !o.Hidden && (depth == 0 || o.Recursive)))
            .Select(o => (Label(o), o.Required ? $"{o.Description} (bắt buộc)" : o.Description)));
        Section(output, "Lệnh:", command.Subcommands.Where(c => !c.Hidden)
            .Select(c => (string.Join(' ', c.Arguments.Select(Placeholder).Prepend(c.Name)), c.Description)));
    }

    /// <summary>"TdktBot plan import &lt;kế-hoạch.docx|.txt&gt; [tùy chọn]".</summary>
    public static string Usage(Command command)
    {
        var words = new List<string> { Path(command) };
        words.AddRange(command.Arguments.Where(a => !a.Hidden).Select(Placeholder));
        words.AddRange(command.Options.Where(o => o.Required).Select(o => $"{o.Name} <{o.HelpName}>"));
        if (command.Subcommands.Any(c => !c.Hidden))
        {
            words.Add(command.Action is null ? "<lệnh>" : "[lệnh]");
        }

        words.Add("[tùy chọn]");
        return string.Join(' ', words);
    }

    /// <summary>"TdktBot plan import".</summary>
    public static string Path(Command command) => string.Join(' ', Lineage(command).Reverse().Select(c => c.Name));

    private static IEnumerable<Command> Lineage(Command command)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return c;
        }
    }

    private static string Placeholder(Argument argument) =>
        argument.Arity.MinimumNumberOfValues > 0 ? $"<{argument.HelpName}>" : $"[<{argument.HelpName}>]";

    private static string Label(Option option)
    {
        var names = string.Join(", ", option.Aliases.Order(StringComparer.Ordinal).Append(option.Name));
        return option.Arity.MaximumNumberOfValues > 0 ? $"{names} <{option.HelpName}>" : names;
    }

    private static void Section(TextWriter output, string heading, IEnumerable<(string Label, string? Description)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        // One line a row, unwrapped: a terminal wraps long lines itself, a file or a pipe keeps them whole.
        var width = list.Max(r => r.Label.Length) + 2;
        output.WriteLine();
        output.WriteLine(heading);
        foreach (var (label, description) in list)
        {
            output.WriteLine($"  {label.PadRight(width)}{description}".TrimEnd());
        }
    }
}
