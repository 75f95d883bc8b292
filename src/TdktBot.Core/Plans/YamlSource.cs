using System.Globalization;
using TdktBot.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace TdktBot.Core.Plans;

/// <summary>
/// Reads hand-edited YAML with a line number for every complaint, so an office clerk who mistypes
/// a key or a date is told exactly where.
/// </summary>
internal sealed class YamlSource(string? file)
{
    /// <summary>The deepest nesting read; plan and unit files are four levels deep.</summary>
    private const int MaxDepth = 64;

    /// <summary>The most values a file may hold, each value an alias repeats counted again; a large plan has a few thousand.</summary>
    private const int MaxValues = 100_000;

    public List<PlanProblem> Problems { get; } = [];

    public YamlMappingNode? LoadRoot(TextReader reader)
    {
        if (TextLimit.ReadAll(reader) is not { } text)
        {
            Problems.Add(PlanProblem.Error(TextLimit.TooLong, new SourceLocation(file)));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            if (ShapeProblem(text) is { } problem)
            {
                Problems.Add(problem);
                return null;
            }

            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            Problems.Add(PlanProblem.Error($"Cú pháp YAML sai: {message} Hãy kiểm tra thụt lề và dấu hai chấm ở dòng này.",
                At(ex.Start)));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Problems.Add(PlanProblem.Error("Tệp trống hoặc không phải một bảng khóa: giá trị YAML.", new SourceLocation(file)));
            return null;
        }

        return root;
    }

    /// <summary>
    /// Walks the parser's events before any node is built: YamlDotNet builds the tree recursively, so a deep file
    /// overflows the stack, and an alias repeats what it names, so nested aliases (and a key made of them,
    /// <c>? *a9</c>, which is hashed whole) grow manyfold with each level. Each value an alias repeats is counted again.
    /// </summary>
    private PlanProblem? ShapeProblem(string text)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(AnchorName Anchor, long StartedAt)>();
        var sizes = new Dictionary<AnchorName, long>();
        long values = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            switch (current)
            {
                case Scalar scalar:
                    values++;
                    sizes[scalar.Anchor] = 1;
                    break;
                case AnchorAlias alias:
                    values += sizes.GetValueOrDefault(alias.Value, 1);
                    break;
                case NodeEvent start:
                    open.Push((start.Anchor, values));
                    values++;
                    if (open.Count > MaxDepth)
                    {
                        return PlanProblem.Error($"Tệp lồng nhau quá {MaxDepth} tầng, quá giới hạn (tệp kế hoạch và danh sách đơn vị chỉ có vài tầng). Hãy kiểm tra các dấu ngoặc [ ] và {{ }}.",
                            At(current.Start));
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    var (anchor, startedAt) = open.Pop();
                    sizes[anchor] = values - startedAt;
                    break;
            }

            if (values > MaxValues)
            {
                return PlanProblem.Error(
                    $"Tệp có hơn {VietnameseFormat.Number(MaxValues)} giá trị (kể cả các giá trị mà bí danh YAML *… lặp lại), quá giới hạn cho một tệp kế hoạch "
                    + "hay danh sách đơn vị. Hãy viết thẳng các giá trị thay cho bí danh, hoặc kiểm tra đã chọn đúng tệp chưa.",
                    At(current.Start));
            }
        }

        return null;
    }

    public SourceLocation At(Mark mark, string? cell = null, string? task = null) =>
        new(file, mark.Line > 0 ? (int)mark.Line : null, null, cell, task);

    public SourceLocation At(YamlNode node, string? cell = null, string? task = null) => At(node.Start, cell, task);

    public void Error(YamlNode node, string message, string? key = null, string? task = null) =>
        Problems.Add(PlanProblem.Error(message, At(node, key, task)));

    /// <summary>Flags keys that are not in <paramref name="allowed"/>, suggesting the nearest one.</summary>
    public void CheckKeys(YamlMappingNode map, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (allowed.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            var nearest = allowed.MinBy(a => VietnameseText.EditDistance(a.ToLowerInvariant(), name.ToLowerInvariant()));
            var hint = nearest is not null && VietnameseText.EditDistance(nearest.ToLowerInvariant(), name.ToLowerInvariant()) <= 3
                ? $" Có phải ý bạn là «{nearest}»?"
                : $" Các khóa hợp lệ: {string.Join(", ", allowed)}.";
            Error(key, $"Khóa «{name}» không hợp lệ ở đây.{hint}", name);
        }
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? String(YamlMappingNode map, string key, bool required = false, string? task = null)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"Thiếu khóa «{key}».", key, task);
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"«{key}» phải là một giá trị đơn, không phải danh sách hay bảng.", key, task);
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(node, $"«{key}» không được để trống.", key, task);
        }

        return scalar.Value;
    }

    public int? Int(YamlMappingNode map, string key, int min, int max, bool required = false, string? task = null)
    {
        var text = String(map, key, required, task);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(Child(map, key)!, $"«{key}» phải là số từ {min} đến {max}, không phải «{text}».", key, task);
        return null;
    }

    public bool Bool(YamlMappingNode map, string key, string? task = null)
    {
        var text = String(map, key, false, task);
        if (text is null)
        {
            return false;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "co" or "có":
                return true;
            case "false" or "no" or "khong" or "không" or "":
                return false;
            default:
                Error(Child(map, key)!, $"«{key}» phải là true hoặc false, không phải «{text}».", key, task);
                return false;
        }
    }

    /// <summary>A date as yyyy-MM-dd (what the file is written with) or dd/MM/yyyy (what people type).</summary>
    public DateOnly? Date(YamlMappingNode map, string key, bool required = false, string? task = null)
    {
        var text = String(map, key, required, task);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];
        if (DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(Child(map, key)!, $"«{key}»: «{text}» không phải một ngày có thật. Hãy viết dạng 2026-01-30 hoặc 30/01/2026.", key, task);
        return null;
    }

    public IReadOnlyList<string> StringList(YamlMappingNode map, string key, string? task = null)
    {
        var node = Child(map, key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return string.IsNullOrWhiteSpace(scalar.Value) ? [] : [scalar.Value.Trim()];
            case YamlSequenceNode sequence:
                var list = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is not YamlScalarNode { Value: { } value })
                    {
                        Error(item, $"Mỗi mục của «{key}» phải là một dòng chữ.", key, task);
                    }
                    else if (!string.IsNullOrWhiteSpace(value))
                    {
                        list.Add(value.Trim());
                    }
                }

                return list;
            default:
                Error(node, $"«{key}» phải là một danh sách.", key, task);
                return [];
        }
    }

    public IEnumerable<YamlMappingNode> Mappings(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null || node is YamlScalarNode { Value: null or "" })
        {
            yield break;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"«{key}» phải là một danh sách, mỗi mục bắt đầu bằng dấu gạch ngang «- ».", key);
            yield break;
        }

        foreach (var item in sequence)
        {
            if (item is YamlMappingNode mapping)
            {
                yield return mapping;
            }
            else
            {
                Error(item, $"Mỗi mục của «{key}» phải gồm các cặp khóa: giá trị.", key);
            }
        }
    }
}
