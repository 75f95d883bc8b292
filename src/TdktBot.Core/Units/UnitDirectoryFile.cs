using TdktBot.Core.Plans;
using YamlDotNet.RepresentationModel;

namespace TdktBot.Core.Units;

/// <summary>A unit directory loaded from YAML, or the problems that stopped it.</summary>
public sealed record UnitDirectoryResult(UnitDirectory? Directory, IReadOnlyList<PlanProblem> Problems)
{
    public bool HasErrors => Directory is null || Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>Reads the commune's unit directory (danh sách đơn vị) from its YAML file.</summary>
public static class UnitDirectoryFile
{
    public static UnitDirectoryResult Read(TextReader reader, string? fileName)
    {
        var yaml = new YamlSource(fileName);
        var root = yaml.LoadRoot(reader);
        if (root is null)
        {
            return new UnitDirectoryResult(null, yaml.Problems);
        }

        yaml.CheckKeys(root, "commune", "example", "abbreviations", "groups", "units");
        var commune = yaml.String(root, "commune");
        var example = yaml.Bool(root, "example");

        var abbreviations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (YamlSource.Child(root, "abbreviations") is YamlMappingNode abbreviationMap)
        {
            foreach (var (key, value) in abbreviationMap.Children)
            {
                if (key is YamlScalarNode { Value: { } shortForm } && value is YamlScalarNode { Value: { } longForm })
                {
                    abbreviations[shortForm] = longForm;
                }
                else
                {
                    yaml.Error(key, "Mỗi tên viết tắt phải có dạng «VIẾT TẮT: tên đầy đủ».", "abbreviations");
                }
            }
        }

        var groups = new List<UnitGroup>();
        foreach (var map in yaml.Mappings(root, "groups"))
        {
            yaml.CheckKeys(map, "id", "name", "all", "phrases");
            var id = yaml.String(map, "id", required: true);
            var name = yaml.String(map, "name") ?? id;
            if (string.IsNullOrWhiteSpace(id))
            {
                continue;
            }

            if (groups.Any(g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                yaml.Error(map, $"Nhóm «{id}» được khai báo hai lần.", "id");
                continue;
            }

            groups.Add(new UnitGroup
            {
                Id = id.Trim(),
                Name = name!.Trim(),
                IncludesAll = yaml.Bool(map, "all"),
                Phrases = yaml.StringList(map, "phrases"),
            });
        }

        var units = new List<Unit>();
        foreach (var map in yaml.Mappings(root, "units"))
        {
            yaml.CheckKeys(map, "name", "aliases", "groups", "office");
            var name = yaml.String(map, "name", required: true);
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            if (units.Any(u => string.Equals(u.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                yaml.Error(map, $"Đơn vị «{name}» được khai báo hai lần.", "name");
                continue;
            }

            var unitGroups = yaml.StringList(map, "groups");
            foreach (var unknown in unitGroups.Where(g => !groups.Any(x => string.Equals(x.Id, g, StringComparison.OrdinalIgnoreCase))))
            {
                yaml.Error(YamlSource.Child(map, "groups")!, $"Đơn vị «{name}» thuộc nhóm «{unknown}», nhưng nhóm này chưa được khai báo trong «groups».", "groups");
            }

            units.Add(new Unit
            {
                Name = name.Trim(),
                Aliases = yaml.StringList(map, "aliases"),
                Groups = unitGroups,
                IsOffice = yaml.Bool(map, "office"),
            });
        }

        if (units.Count == 0 && !yaml.Problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            yaml.Problems.Add(PlanProblem.Error("Danh sách đơn vị chưa có đơn vị nào (khóa «units»).", new SourceLocation(fileName)));
        }

        if (yaml.Problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            return new UnitDirectoryResult(null, yaml.Problems);
        }

        return new UnitDirectoryResult(new UnitDirectory(commune, units, groups, abbreviations, example), yaml.Problems);
    }
}
