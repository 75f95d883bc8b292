using System.Globalization;
using TdktBot.Core.Plans;
using TdktBot.Core.Units;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace TdktBot.Core.Importing;

/// <summary>
/// The editable plan file: YAML the office can open in any text editor, Vietnamese kept as
/// written. The worker loads it; <c>plan check</c> validates it with a line number per problem.
/// </summary>
public static class YamlPlanFile
{
    private const string Header = """
        Lịch kế hoạch công tác thi đua, khen thưởng (TĐKT), do TdktBot tạo ra từ văn bản kế hoạch.
        Có thể sửa bằng bất kỳ trình soạn thảo văn bản nào (lưu dạng UTF-8), rồi chạy «plan check» để kiểm tra.
          tasks        các nhiệm vụ: number (TT như in trong văn bản), quarter (quý 1-4), content (nội dung),
                       agencies (cơ quan thực hiện như đã ghi), units (đơn vị trong danh sách đơn vị),
                       due (hạn, yyyy-MM-dd), dueDerived (true: hạn tự tính là ngày cuối quý)
          dueOverride  thêm dòng «dueOverride: 2026-03-15» vào một nhiệm vụ để đổi hạn; hạn này được ưu tiên
          deadlines    các hạn nộp: id, due, content, appliesTo (mã nhóm hoặc tên đơn vị)
        """;

    public static string Write(Plan plan)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer, new EmitterSettings(2, 100, false, 1024, false, true, "\n", false));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        foreach (var line in Header.Split('\n'))
        {
            emitter.Emit(new Comment(line.TrimEnd(), false));
        }

        emitter.Emit(new MappingStart());
        Pair(emitter, "year", plan.Year.ToString(CultureInfo.InvariantCulture));
        OptionalPair(emitter, "issuer", plan.Issuer);
        OptionalPair(emitter, "number", plan.DocumentNumber);
        OptionalPair(emitter, "date", plan.DocumentDate);
        OptionalPair(emitter, "title", plan.Title);
        OptionalPair(emitter, "source", plan.Source);

        Key(emitter, "tasks");
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var task in plan.Tasks)
        {
            emitter.Emit(new MappingStart());
            emitter.Emit(new Scalar("number"));
            emitter.Emit(new Scalar(null, null, task.Number, ScalarStyle.DoubleQuoted, false, true));
            Pair(emitter, "quarter", task.Quarter.ToString(CultureInfo.InvariantCulture));
            Pair(emitter, "content", task.Content);
            List(emitter, "agencies", task.Agencies);
            List(emitter, "units", task.Units);
            Pair(emitter, "due", Iso(task.Due));
            Pair(emitter, "dueDerived", task.DueDerived ? "true" : "false");
            if (task.DueOverride is { } overridden)
            {
                Pair(emitter, "dueOverride", Iso(overridden));
            }

            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());

        Key(emitter, "deadlines");
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var deadline in plan.Deadlines)
        {
            emitter.Emit(new MappingStart());
            Pair(emitter, "id", deadline.Id);
            Pair(emitter, "due", Iso(deadline.Due));
            Pair(emitter, "content", deadline.Content);
            List(emitter, "appliesTo", deadline.AppliesTo);
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    /// <summary>Reads and validates an editable plan file against the unit directory.</summary>
    public static PlanResult Read(TextReader reader, string? fileName, UnitDirectory directory)
    {
        var yaml = new YamlSource(fileName);
        var root = yaml.LoadRoot(reader);
        if (root is null)
        {
            return new PlanResult(null, yaml.Problems);
        }

        yaml.CheckKeys(root, "year", "issuer", "number", "date", "title", "source", "tasks", "deadlines");
        var year = yaml.Int(root, "year", 2000, 2100, required: true);
        if (YamlSource.Child(root, "tasks") is null)
        {
            yaml.Error(root, "Thiếu danh sách nhiệm vụ «tasks».", "tasks");
        }

        var tasks = new List<PlanTask>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var map in yaml.Mappings(root, "tasks"))
        {
            yaml.CheckKeys(map, "number", "quarter", "content", "agencies", "units", "due", "dueDerived", "dueOverride");
            var number = yaml.String(map, "number", required: true)?.Trim();
            if (string.IsNullOrEmpty(number))
            {
                continue;
            }

            if (seen.TryGetValue(number, out var earlier))
            {
                yaml.Error(map, $"TT {number} bị trùng với nhiệm vụ ở dòng {earlier.Start.Line}. Mỗi nhiệm vụ cần một số TT riêng.", "number", number);
                continue;
            }

            seen[number] = map;
            var quarter = yaml.Int(map, "quarter", 1, 4, required: true, task: number);
            var content = yaml.String(map, "content", required: true, task: number);
            var due = yaml.Date(map, "due", required: true, task: number);
            var dueOverride = yaml.Date(map, "dueOverride", task: number);
            var units = ResolveNames(yaml, map, "units", number, directory);
            if (quarter is null || content is null || due is null)
            {
                continue;
            }

            tasks.Add(new PlanTask
            {
                Number = number,
                Quarter = quarter.Value,
                Content = content.Trim(),
                Agencies = yaml.StringList(map, "agencies", number),
                Units = units,
                Due = due.Value,
                DueDerived = yaml.Bool(map, "dueDerived", number),
                DueOverride = dueOverride,
            });
        }

        var deadlines = new List<Deadline>();
        foreach (var map in yaml.Mappings(root, "deadlines"))
        {
            yaml.CheckKeys(map, "id", "due", "content", "appliesTo");
            var id = yaml.String(map, "id", required: true)?.Trim();
            var due = yaml.Date(map, "due", required: true);
            var content = yaml.String(map, "content", required: true);
            if (string.IsNullOrEmpty(id) || due is null || content is null)
            {
                continue;
            }

            if (deadlines.Any(d => d.Id == id))
            {
                yaml.Error(map, $"Mã hạn nộp «{id}» bị trùng.", "id");
                continue;
            }

            var appliesTo = yaml.StringList(map, "appliesTo");
            deadlines.Add(new Deadline
            {
                Id = id,
                Due = due.Value,
                Content = content.Trim(),
                AppliesTo = appliesTo,
                Units = ResolveNames(yaml, map, "appliesTo", null, directory),
            });
        }

        if (yaml.Problems.Any(p => p.Severity == ProblemSeverity.Error) || year is null)
        {
            return new PlanResult(null, yaml.Problems);
        }

        var plan = new Plan
        {
            Year = year.Value,
            Issuer = yaml.String(root, "issuer"),
            DocumentNumber = yaml.String(root, "number"),
            DocumentDate = yaml.String(root, "date"),
            Title = yaml.String(root, "title"),
            Source = yaml.String(root, "source"),
            Tasks = tasks,
            Deadlines = deadlines,
        };
        return new PlanResult(plan, yaml.Problems);
    }

    /// <summary>Unit names or group ids, checked against the directory; groups become their members.</summary>
    private static List<string> ResolveNames(YamlSource yaml, YamlMappingNode map, string key, string? task, UnitDirectory directory)
    {
        var names = new List<string>();
        foreach (var name in yaml.StringList(map, key, task))
        {
            if (directory.FindGroup(name) is { } group)
            {
                names.AddRange(directory.MembersOf(group).Select(u => u.Name));
            }
            else if (directory.FindUnit(name) is { } unit)
            {
                names.Add(unit.Name);
            }
            else
            {
                yaml.Error(YamlSource.Child(map, key)!,
                    $"«{name}» không có trong danh sách đơn vị. Hãy sửa tên cho đúng, hoặc thêm đơn vị vào tệp danh sách đơn vị.", key, task);
            }
        }

        return names.Distinct().ToList();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Key(IEmitter emitter, string key) => emitter.Emit(new Scalar(key));

    private static void Pair(IEmitter emitter, string key, string value)
    {
        emitter.Emit(new Scalar(key));
        emitter.Emit(new Scalar(value));
    }

    private static void OptionalPair(IEmitter emitter, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Pair(emitter, key, value);
        }
    }

    private static void List(IEmitter emitter, string key, IReadOnlyList<string> values)
    {
        emitter.Emit(new Scalar(key));
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var value in values)
        {
            emitter.Emit(new Scalar(value));
        }

        emitter.Emit(new SequenceEnd());
    }
}
