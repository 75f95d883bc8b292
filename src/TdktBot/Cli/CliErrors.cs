using System.CommandLine;
using System.CommandLine.Parsing;

namespace TdktBot.Cli;

/// <summary>
/// What is wrong with a command line, in Vietnamese. The checks of this program's values already speak Vietnamese;
/// System.CommandLine's own errors (an unknown word, a missing value or verb) come from resources that have no
/// Vietnamese, so they are told again from the shape of the parse result.
/// </summary>
internal static class CliErrors
{
    public static List<string> Describe(ParseResult parsed)
    {
        var messages = new List<string>();
        foreach (var error in parsed.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult { Implicit: true, Option.Required: true } missing:
                    messages.Add($"Thiếu tùy chọn {missing.Option.Name} <{missing.Option.HelpName}>.");
                    break;
                case OptionResult option when option.Tokens.Count < option.Option.Arity.MinimumNumberOfValues:
                    messages.Add($"Tùy chọn {option.IdentifierToken!.Value} cần một giá trị <{option.Option.HelpName}>.");
                    break;
                case OptionResult option when option.Tokens.Count > option.Option.Arity.MaximumNumberOfValues:
                    messages.Add($"Tùy chọn {option.Option.Name} chỉ được ghi một lần.");
                    break;
                case ArgumentResult argument when argument.Tokens.Count < argument.Argument.Arity.MinimumNumberOfValues:
                    messages.Add($"Lệnh «{Verb(((CommandResult)argument.Parent!).Command)}» cần <{argument.Argument.HelpName}>.");
                    break;
                case CommandResult:
                    // An unknown word or a missing verb: told below, once each.
                    break;
                default:
                    messages.Add(error.Message);
                    break;
            }
        }

        var command = parsed.CommandResult.Command;
        messages.AddRange(parsed.UnmatchedTokens.Select(token => Unknown(command, token)));
        if (parsed.UnmatchedTokens.Count == 0 && command is { Action: null } && command.Subcommands.Count > 0)
        {
            messages.Add($"Lệnh «{Verb(command)}» cần thêm một lệnh: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}.");
        }

        return messages.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Unknown(Command command, string token) =>
        token.StartsWith('-') && token.Length > 1 ? $"Không hiểu tùy chọn «{token}»."
        : command.Subcommands.Count > 0 ? $"Không có lệnh «{Verb(command, token)}»."
        : $"Không hiểu «{token}».";

    /// <summary>"plan import": the verbs as typed after the program's name, then <paramref name="more"/>.</summary>
    private static string Verb(Command command, params string[] more) => string.Join(' ', CliHelp.Path(command).Split(' ').Skip(1).Concat(more));
}
