using System.Text;

namespace TdktBot.Tests.Plans;

/// <summary>
/// A small, strict reader of iCalendar text (RFC 5545), written for the tests so the feed is checked by a parser other
/// than the library that wrote it: CRLF line ends, folded lines unfolded, every component closed in order, property
/// parameters and escaped text read. Anything it does not understand fails the test.
/// </summary>
internal sealed record IcsComponent(string Name, List<IcsProperty> Properties, List<IcsComponent> Children)
{
    public IcsProperty? Find(string name) => Properties.SingleOrDefault(p => p.Name == name);

    public string Value(string name) => (Find(name) ?? throw new InvalidDataException($"{Name} has no {name}")).Value;

    public IEnumerable<IcsComponent> All(string name) => Children.Where(c => c.Name == name);
}

internal sealed record IcsProperty(string Name, IReadOnlyDictionary<string, string> Parameters, string Value)
{
    /// <summary>The value as TEXT: \n, \, \; and \\ unescaped; any other escape is an error.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Value.Length; i++)
        {
            if (Value[i] != '\\')
            {
                text.Append(Value[i]);
                continue;
            }

            text.Append(Value[++i] switch
            {
                'n' or 'N' => '\n',
                '\\' => '\\',
                ';' => ';',
                ',' => ',',
                var other => throw new InvalidDataException($"{Name}: bad escape \\{other}"),
            });
        }

        return text.ToString();
    }
}

internal static class StrictIcs
{
    public static IcsComponent Parse(string text)
    {
        if (!text.EndsWith("\r\n", StringComparison.Ordinal) || text.Replace("\r\n", string.Empty, StringComparison.Ordinal).Contains('\n', StringComparison.Ordinal))
        {
            throw new InvalidDataException("every line must end with CRLF");
        }

        // Unfolding: a line break followed by one space or tab continues the line before it.
        var lines = new List<string>();
        foreach (var raw in text[..^2].Split("\r\n"))
        {
            if (raw.Length > 0 && raw[0] is ' ' or '\t')
            {
                if (lines.Count == 0)
                {
                    throw new InvalidDataException("the first line cannot be a continuation");
                }

                lines[^1] += raw[1..];
            }
            else
            {
                lines.Add(raw);
            }
        }

        var stack = new Stack<IcsComponent>();
        IcsComponent? root = null;
        foreach (var line in lines)
        {
            var property = Property(line);
            if (property.Name == "BEGIN")
            {
                var component = new IcsComponent(property.Value, [], []);
                if (stack.Count == 0)
                {
                    if (root is not null)
                    {
                        throw new InvalidDataException("more than one top-level component");
                    }

                    root = component;
                }
                else
                {
                    stack.Peek().Children.Add(component);
                }

                stack.Push(component);
            }
            else if (property.Name == "END")
            {
                if (stack.Count == 0 || stack.Pop().Name != property.Value)
                {
                    throw new InvalidDataException($"END:{property.Value} does not close the open component");
                }
            }
            else
            {
                (stack.Count > 0 ? stack.Peek() : throw new InvalidDataException($"{property.Name} outside any component")).Properties.Add(property);
            }
        }

        if (stack.Count > 0 || root is null || root.Name != "VCALENDAR")
        {
            throw new InvalidDataException("not one closed VCALENDAR");
        }

        return root;
    }

    private static IcsProperty Property(string line)
    {
        // NAME *(";" PARAM=VALUE) ":" VALUE, where a parameter value may be quoted.
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '-'))
        {
            i++;
        }

        if (i == 0)
        {
            throw new InvalidDataException($"no property name: «{line}»");
        }

        var name = line[..i].ToUpperInvariant();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        while (i < line.Length && line[i] == ';')
        {
            var equals = line.IndexOf('=', i);
            var key = line[(i + 1)..equals].ToUpperInvariant();
            i = equals + 1;
            string value;
            if (line[i] == '"')
            {
                var close = line.IndexOf('"', i + 1);
                value = line[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var end = line.IndexOfAny([';', ':'], i);
                value = line[i..end];
                i = end;
            }

            parameters[key] = value;
        }

        if (i >= line.Length || line[i] != ':')
        {
            throw new InvalidDataException($"no ':' after the name and parameters: «{line}»");
        }

        return new IcsProperty(name, parameters, line[(i + 1)..]);
    }
}
