using System.Globalization;
using System.Text;
using TdktBot.Core.Plans;
using TdktBot.Core.Text;

namespace TdktBot.Core.Conversations;

/// <summary>The plan as a readable text table, for the terminal (<c>plan show</c>).</summary>
public static class PlanTableText
{
    private const int ContentWidth = 58;
    private const int UnitsWidth = 34;

    public static string Render(Plan plan, int? quarter = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine(plan.Title ?? $"Kế hoạch công tác thi đua, khen thưởng năm {plan.Year}");
        if (!string.IsNullOrEmpty(plan.Issuer))
        {
            sb.AppendLine(plan.Issuer);
        }

        var quarters = quarter is { } only ? [only] : Enumerable.Range(1, 4);
        var anyDerived = false;
        var anyOverride = false;
        foreach (var q in quarters)
        {
            var tasks = plan.TasksIn(q).ToList();
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"QUÝ {Quarter.ToRoman(q)} ({tasks.Count} nhiệm vụ)");
            if (tasks.Count == 0)
            {
                sb.AppendLine("  (không có nhiệm vụ)");
                continue;
            }

            sb.AppendLine(CultureInfo.InvariantCulture, $"  {"TT",-4} {"Hạn",-12} {"Nội dung",-ContentWidth} Đơn vị thực hiện");
            foreach (var task in tasks)
            {
                anyDerived |= task.EffectiveDueDerived;
                anyOverride |= task.DueOverride is not null;
                var due = VietnameseFormat.Date(task.EffectiveDue) + (task.EffectiveDueDerived ? "*" : task.DueOverride is null ? " " : "!");
                var content = Wrap(task.Content, ContentWidth);
                var units = task.Agencies.SelectMany(a => Wrap(a, UnitsWidth)).ToList();
                var lines = Math.Max(content.Count, units.Count);
                for (var i = 0; i < lines; i++)
                {
                    var number = i == 0 ? task.Number : string.Empty;
                    var date = i == 0 ? due : string.Empty;
                    var text = i < content.Count ? content[i] : string.Empty;
                    var unit = i < units.Count ? units[i] : string.Empty;
                    sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {number,-4} {date,-12} {text,-ContentWidth} {unit}").TrimEnd());
                }
            }
        }

        if (quarter is null && plan.Deadlines.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("HẠN NỘP");
            foreach (var deadline in plan.Deadlines)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {VietnameseFormat.DateWithWeekday(deadline.Due)} ({string.Join(", ", deadline.AppliesTo)}, {deadline.Units.Count} đơn vị)");
                foreach (var line in Wrap(deadline.Content, ContentWidth + 30))
                {
                    sb.AppendLine("    " + line);
                }
            }
        }

        if (anyDerived || anyOverride)
        {
            sb.AppendLine();
        }

        if (anyDerived)
        {
            sb.AppendLine("* hạn tự tính là ngày cuối quý (văn bản không ghi ngày cụ thể).");
        }

        if (anyOverride)
        {
            sb.AppendLine("! hạn do văn phòng điều chỉnh trong tệp kế hoạch (dueOverride).");
        }

        return sb.ToString();
    }

    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
