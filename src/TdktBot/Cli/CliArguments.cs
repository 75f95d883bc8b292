namespace TdktBot.Cli;

/// <summary>A command line split into positional words and named options ("--quarter 2", "-o plan.yaml").</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    public List<string> Positional { get; } = [];

    /// <summary>Parses <paramref name="args"/>; <paramref name="valued"/> names options that take a value, <paramref name="flags"/> those that do not.</summary>
    public static CliArguments Parse(IEnumerable<string> args, IReadOnlyDictionary<string, string> aliases, ISet<string> valued, ISet<string> flags)
    {
        var result = new CliArguments();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith('-') || arg == "-")
            {
                result.Positional.Add(arg);
                continue;
            }

            string? inlineValue = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            var name = aliases.TryGetValue(arg, out var canonical) ? canonical : arg;
            if (flags.Contains(name))
            {
                result._options[name] = null;
            }
            else if (valued.Contains(name))
            {
                if (inlineValue is null)
                {
                    if (!e.MoveNext())
                    {
                        throw new CliUsageException($"Tùy chọn {name} cần một giá trị.");
                    }

                    inlineValue = e.Current;
                }

                result._options[name] = inlineValue;
            }
            else
            {
                throw new CliUsageException($"Không hiểu tùy chọn «{arg}».");
            }
        }

        return result;
    }

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public bool Has(string name) => _options.ContainsKey(name);
}

/// <summary>The command line itself is wrong (exit code 2).</summary>
public sealed class CliUsageException(string message) : Exception(message);
