using System.Globalization;
using System.Text.RegularExpressions;
using TdktBot.Core.Plans;
using TdktBot.Core.Text;
using TdktBot.Core.Units;

namespace TdktBot.Core.Importing;

/// <summary>
/// Turns a <see cref="SourceDocument"/> into a <see cref="Plan"/>. It looks for the general shape
/// of these plans rather than one file: a table whose header names the TT and content columns,
/// quarter rows (QUÝ I..IV) or month rows, rows continued across page breaks, and, after the
/// table, sentences with submission deadlines.
/// </summary>
public static partial class PlanInterpreter
{
    private const string NumberColumn = "TT";

    public static PlanResult Interpret(SourceDocument document, UnitDirectory directory)
    {
        var state = new State(document, directory);
        state.Run();
        return state.Result();
    }

    private sealed class State(SourceDocument document, UnitDirectory directory)
    {
        private readonly List<PlanProblem> _problems = [];
        private readonly List<TaskDraft> _tasks = [];
        private readonly List<SourceParagraph> _head = [];
        private readonly List<SourceParagraph> _tail = [];
        private ColumnMap? _map;
        private int? _quarter;
        private DateOnly? _sectionDue;
        private bool _finished;

        public void Run()
        {
            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case SourceRow row:
                        Row(row);
                        break;
                    case SourceParagraph paragraph when _tasks.Count == 0:
                        _head.Add(paragraph);
                        break;
                    case SourceParagraph paragraph when !_finished:
                        if (EndOfBody().IsMatch(VietnameseText.Fold(paragraph.Text)))
                        {
                            _finished = true;
                        }
                        else
                        {
                            _tail.Add(paragraph);
                        }

                        break;
                }
            }
        }

        public PlanResult Result()
        {
            if (_tasks.Count == 0)
            {
                var hint = _map is null
                    ? "Không tìm thấy bảng nhiệm vụ: cần một bảng có hàng tiêu đề với cột «TT» (hoặc «STT») và cột «Nội dung»."
                    : "Bảng nhiệm vụ không có hàng nào có số thứ tự (TT).";
                _problems.Add(PlanProblem.Error(hint + " Hãy kiểm tra đúng tệp kế hoạch chưa.", new SourceLocation(document.File)));
                return new PlanResult(null, _problems);
            }

            var year = FindYear();
            if (year is null)
            {
                _problems.Add(PlanProblem.Error("Không xác định được năm của kế hoạch (cần dòng tiêu đề có «năm 2026» hoặc dòng ngày ban hành).",
                    new SourceLocation(document.File)));
                return new PlanResult(null, _problems);
            }

            CheckDuplicates();
            var tasks = _tasks.Select(t => Finish(t, year.Value)).ToList();
            var deadlines = FindDeadlines(year.Value);
            var plan = new Plan
            {
                Year = year.Value,
                Issuer = FindIssuer(),
                DocumentNumber = FindNumber(),
                DocumentDate = FindDate(),
                Title = FindTitle(),
                Source = document.File is null ? null : Path.GetFileName(document.File),
                Tasks = tasks,
                Deadlines = deadlines,
            };
            return new PlanResult(plan, _problems);
        }

        private void Row(SourceRow row)
        {
            if (row.IsEmpty)
            {
                return;
            }

            if (ColumnMap.FromHeader(row) is { } header)
            {
                _map = header;
                return;
            }

            if (_map is null)
            {
                // A table before any header (the letterhead, say) is only text for the heading.
                if (ColumnMap.LooksLikeTaskRow(row))
                {
                    _map = ColumnMap.Default(row);
                }
                else
                {
                    foreach (var line in row.Cells.SelectMany(c => c.Text.Split('\n')).Where(l => l.Length > 0))
                    {
                        _head.Add(new SourceParagraph(line, row.Where));
                    }

                    return;
                }
            }

            if (ColumnMap.IsColumnNumbering(row))
            {
                // The "1 | 2 | 3" (or "(1) | (2) | (3)") row some tables put under the header.
                return;
            }

            var number = row.Cell(_map.Number);
            var numberText = NormalizeNumber(number.Text);

            // A numbered row is a task even when its time cell reads "Tháng 6" or "Quý II".
            if (!number.MergedFromAbove && !TaskNumber().IsMatch(numberText) && SectionRow(row))
            {
                return;
            }

            if (number.MergedFromAbove || numberText.Length == 0)
            {
                // A row continued across a page break, or the rest of a merged task row.
                if (_tasks.Count > 0)
                {
                    Append(_tasks[^1], row, includeMerged: false);
                }

                return;
            }

            if (!TaskNumber().IsMatch(numberText))
            {
                // A lettered or Roman section heading inside the table (A, B, I, II...).
                return;
            }

            var draft = new TaskDraft(numberText, row.Where with { TaskNumber = numberText }, _quarter, _sectionDue);
            Append(draft, row, includeMerged: true);
            _tasks.Add(draft);
        }

        private bool SectionRow(SourceRow row)
        {
            // Time and agency cells say when and who, never which section a row opens.
            var map = _map!;
            foreach (var cell in row.Cells.Where((_, column) => !map.Time.Contains(column) && !map.Agencies.Contains(column)))
            {
                if (SectionHeading.Read(cell.Text) is { } heading)
                {
                    _quarter = heading.Quarter;
                    _sectionDue = heading.Month is { } month ? new DateOnly(1, month, 1) : null;
                    return true;
                }
            }

            return false;
        }

        private void Append(TaskDraft draft, SourceRow row, bool includeMerged)
        {
            var map = _map!;
            IEnumerable<(string Text, SourceLocation Where)> Cells(IEnumerable<int> columns) => columns
                .Select(column => (Cell: row.Cell(column), Where: row.Where with { TaskNumber = draft.Number, Cell = map.Header(column) }))
                .Where(c => c.Cell.Text.Length > 0 && (includeMerged || !c.Cell.MergedFromAbove))
                .Select(c => (c.Cell.Text, c.Where));

            draft.Content.AddRange(Cells(map.Content).Select(c => c.Text));
            draft.AgencyCells.AddRange(Cells(map.Agencies));
            draft.TimeCells.AddRange(Cells(map.Time));
        }

        private PlanTask Finish(TaskDraft draft, int year)
        {
            var content = VietnameseText.Squash(string.Join(' ', draft.Content));
            if (content.Length == 0)
            {
                _problems.Add(PlanProblem.Error("Nhiệm vụ không có nội dung.", draft.Where with { Cell = _map!.Header(_map.Content.FirstOrDefault(-1)) }));
            }

            DateMention? due = null;
            foreach (var (text, where) in draft.TimeCells)
            {
                due ??= DueFrom(text, where, year, isTimeColumn: true);
            }

            due ??= DueFrom(content, draft.Where with { Cell = "Nội dung" }, year, isTimeColumn: false);
            foreach (var (text, where) in draft.AgencyCells)
            {
                due ??= DueFrom(text, where, year, isTimeColumn: false);
            }

            var quarter = draft.Quarter ?? (due?.Date is { } d ? Quarter.Of(d) : (int?)null);
            if (quarter is null)
            {
                quarter = 4;
                _problems.Add(PlanProblem.Warning("Nhiệm vụ không nằm dưới quý nào và không ghi hạn; tạm tính hạn là ngày cuối năm.", draft.Where));
            }

            var derivedDue = draft.SectionDue is { } month
                ? new DateOnly(year, month.Month, DateTime.DaysInMonth(year, month.Month))
                : Quarter.LastDay(year, quarter.Value);

            var agencies = new List<string>();
            var units = new List<string>();
            foreach (var (text, where) in draft.AgencyCells)
            {
                foreach (var body in AgencySplitter.Split(text, directory))
                {
                    agencies.Add(body.Written);
                    if (body.IsResolved)
                    {
                        units.AddRange(body.Units.Select(u => u.Name));
                    }
                    else
                    {
                        _problems.Add(PlanProblem.Warning(body.Problem!, where));
                    }
                }
            }

            return new PlanTask
            {
                Number = draft.Number,
                Quarter = quarter.Value,
                Content = content,
                Agencies = agencies,
                Units = units.Distinct().ToList(),
                Due = due?.Date ?? derivedDue,
                DueDerived = due is null,
            };
        }

        private DateMention? DueFrom(string text, SourceLocation where, int year, bool isTimeColumn)
        {
            var mentions = DueDateFinder.Find(text, year, isTimeColumn);
            foreach (var bad in mentions.Where(m => m.Error is not null))
            {
                _problems.Add(PlanProblem.Error(bad.Error! + " Hãy sửa lại ngày trong tài liệu.", where));
            }

            return DueDateFinder.PickDue(mentions);
        }

        private void CheckDuplicates()
        {
            foreach (var group in _tasks.GroupBy(t => t.Number).Where(g => g.Count() > 1))
            {
                var first = group.First();
                foreach (var again in group.Skip(1))
                {
                    _problems.Add(PlanProblem.Error(
                        $"TT {again.Number} bị trùng: đã có ở {first.Where with { File = null, TaskNumber = null }}. Mỗi nhiệm vụ cần một số TT riêng; hãy sửa số trong tài liệu.",
                        again.Where with { Cell = NumberColumn }));
                }
            }
        }

        private List<Deadline> FindDeadlines(int year)
        {
            var deadlines = new List<Deadline>();
            foreach (var paragraph in _tail)
            {
                foreach (var sentence in Sentences(paragraph.Text))
                {
                    var mentions = DueDateFinder.Find(sentence, year);
                    foreach (var bad in mentions.Where(m => m.Error is not null && m.Marked))
                    {
                        _problems.Add(PlanProblem.Error(bad.Error! + " Hãy sửa lại hạn trong tài liệu.", paragraph.Where));
                    }

                    var due = mentions.FirstOrDefault(m => m.Marked && m.Date is not null);
                    if (due?.Date is null)
                    {
                        continue;
                    }

                    // The sentence owes to every group it names, and to every unit it names before saying where the work
                    // goes ("Các trường học và Trạm Y tế xã gửi về UBND xã"); a phrase naming all units wins over the rest.
                    var groups = directory.GroupsMentionedIn(sentence);
                    var named = directory.UnitsMentionedIn(Doers(sentence));
                    if (groups.Count == 0 && named.Count == 0)
                    {
                        groups = [directory.AllUnits];
                        _problems.Add(PlanProblem.Warning(
                            $"Hạn {due.Date.Value:dd/MM/yyyy} không nói rõ áp dụng cho đơn vị nào; tạm hiểu là «{directory.AllUnits.Name}». Có thể sửa trong tệp kế hoạch (appliesTo).",
                            paragraph.Where));
                    }
                    else if (groups.Any(g => g.IncludesAll))
                    {
                        groups = [directory.AllUnits];
                    }

                    deadlines.Add(new Deadline
                    {
                        Id = "D" + (deadlines.Count + 1).ToString(CultureInfo.InvariantCulture),
                        Due = due.Date.Value,
                        Content = LeadingNumber().Replace(sentence, string.Empty).Trim(),
                        AppliesTo = groups.Select(g => g.Id).Concat(groups.Any(g => g.IncludesAll) ? [] : named.Select(u => u.Name)).ToList(),
                        Units = groups.SelectMany(directory.MembersOf).Concat(named).Select(u => u.Name).Distinct().ToList(),
                    });
                }
            }

            return deadlines;
        }

        // The part of a deadline sentence before the work is sent ("gửi về", "nộp về", "báo cáo về"): who owes it.
        private static string Doers(string sentence) =>
            SentTo().Match(sentence) is { Success: true } m ? sentence[..m.Index] : sentence;

        private int? FindYear()
        {
            if (FirstMatch(_head.Select(p => VietnameseText.Fold(p.Text)), TitleYear()) is { } title)
            {
                return int.Parse(title.Groups["y"].Value, CultureInfo.InvariantCulture);
            }

            return FindDate() is { } date && YearOnly().Match(date) is { Success: true } y ? int.Parse(y.Value, CultureInfo.InvariantCulture) : null;
        }

        private string? FindTitle()
        {
            for (var i = 0; i < _head.Count; i++)
            {
                var text = _head[i].Text;
                var folded = VietnameseText.Fold(text);
                if (folded == "ke hoach" && i + 1 < _head.Count)
                {
                    var rest = _head[i + 1].Text;
                    return "Kế hoạch " + (rest.Length > 0 ? char.ToLower(rest[0], CultureInfo.GetCultureInfo("vi-VN")) + rest[1..] : rest);
                }

                if (folded.StartsWith("ke hoach ", StringComparison.Ordinal) && TitleYear().IsMatch(folded) && !folded.Contains(" so ", StringComparison.Ordinal))
                {
                    return text;
                }
            }

            return null;
        }

        private string? FindIssuer()
        {
            foreach (var paragraph in _head)
            {
                if (IssuerSentence().Match(paragraph.Text) is { Success: true } m && m.Groups["who"].Value.Length <= 80)
                {
                    return m.Groups["who"].Value.Trim();
                }
            }

            var letterhead = _head.TakeWhile(p => !VietnameseText.Fold(p.Text).StartsWith("so", StringComparison.Ordinal))
                .Select(p => p.Text)
                .Where(t => t.Length > 0 && string.Equals(t, t.ToUpperInvariant(), StringComparison.Ordinal) && !VietnameseText.Fold(t).Contains("cong hoa", StringComparison.Ordinal)
                            && !VietnameseText.Fold(t).Contains("doc lap", StringComparison.Ordinal))
                .ToList();
            return letterhead.Count > 0 ? string.Join(' ', letterhead) : null;
        }

        private string? FindNumber() => FirstMatch(_head.Select(p => p.Text), DocumentNumber())?.Groups["n"].Value.Trim();

        private string? FindDate() => FirstMatch(_head.Select(p => p.Text), IssueDate()) is { } m ? VietnameseText.Squash(m.Groups["d"].Value) : null;
    }

    private static Match? FirstMatch(IEnumerable<string> texts, Regex pattern) =>
        texts.Select(text => pattern.Match(text)).FirstOrDefault(m => m.Success);

    private static IEnumerable<string> Sentences(string paragraph) =>
        SentenceEnd().Split(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static string NormalizeNumber(string text) => VietnameseText.Squash(text).TrimEnd('.', ')', ' ');

    private sealed record TaskDraft(string Number, SourceLocation Where, int? Quarter, DateOnly? SectionDue)
    {
        public List<string> Content { get; } = [];

        public List<(string Text, SourceLocation Where)> AgencyCells { get; } = [];

        public List<(string Text, SourceLocation Where)> TimeCells { get; } = [];
    }

    /// <summary>Which columns hold what, read from the table's header row.</summary>
    private sealed record ColumnMap(int Number, IReadOnlyList<int> Content, IReadOnlyList<int> Agencies, IReadOnlyList<int> Time,
        IReadOnlyDictionary<int, string> Headers)
    {
        public string? Header(int column) => Headers.GetValueOrDefault(column);

        public static ColumnMap? FromHeader(SourceRow row)
        {
            int? number = null;
            var content = new List<int>();
            var agencies = new List<int>();
            var time = new List<int>();
            var headers = new Dictionary<int, string>();
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var text = VietnameseText.Squash(row.Cells[i].Text.Replace('\n', ' '));
                var folded = VietnameseText.Fold(text);
                if (folded.Length == 0 || folded.Length > 60)
                {
                    continue;
                }

                headers[i] = text;
                if (folded is "tt" or "stt" or "so tt" or "so thu tu" or "thu tu")
                {
                    number ??= i;
                }
                else if (HeaderTime().IsMatch(folded))
                {
                    time.Add(i);
                }
                else if (HeaderAgency().IsMatch(folded))
                {
                    agencies.Add(i);
                }
                else if (HeaderContent().IsMatch(folded))
                {
                    content.Add(i);
                }
            }

            return number is not null && content.Count > 0
                ? new ColumnMap(number.Value, content, agencies, time, headers)
                : null;
        }

        public static bool IsColumnNumbering(SourceRow row)
        {
            var labels = row.Cells.Select(c => NormalizeNumber(c.Text).TrimStart('(')).Where(t => t.Length > 0).ToList();
            return labels.Count >= 3
                   && labels.Select((label, i) => label == (i + 1).ToString(CultureInfo.InvariantCulture)).All(matches => matches);
        }

        public static bool LooksLikeTaskRow(SourceRow row) =>
            row.Cells.Count >= 3 && TaskNumber().IsMatch(NormalizeNumber(row.Cells[0].Text)) && row.Cells[1].Text.Length > 10;

        public static ColumnMap Default(SourceRow row) =>
            new(0, [1], [2], row.Cells.Count > 3 ? [3] : [],
                new Dictionary<int, string> { [0] = NumberColumn, [1] = "Nội dung", [2] = "Cơ quan thực hiện", [3] = "Thời gian" });
    }

    [GeneratedRegex(@"\b(g[ửởu]i|n[ộo]p|chuy[ểe]n)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentTo();

    [GeneratedRegex(@"^[0-9]{1,3}(?:[.,][0-9]{1,3})*[a-z]?$")]
    private static partial Regex TaskNumber();

    [GeneratedRegex(@"\b(thoi gian|thoi han|han|tien do|ngay hoan thanh)\b")]
    private static partial Regex HeaderTime();

    [GeneratedRegex(@"\b(co quan|don vi|thuc hien|chu tri|phoi hop|phan cong|trach nhiem)\b")]
    private static partial Regex HeaderAgency();

    [GeneratedRegex(@"\b(noi dung|nhiem vu|cong viec|hoat dong)\b")]
    private static partial Regex HeaderContent();

    [GeneratedRegex(@"^(noi nhan|tm uy ban|t m uy ban|chu tich|kt chu tich|nguoi ky)\b")]
    private static partial Regex EndOfBody();

    [GeneratedRegex(@"^ke hoach\b.*\bnam\s+(?<y>[0-9]{4})\b|^cong tac\b.*\bnam\s+(?<y>[0-9]{4})\b")]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"[0-9]{4}")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"^(?<who>.+?)\s+xây dựng\s+(?:kế hoạch|Kế hoạch)", RegexOptions.IgnoreCase)]
    private static partial Regex IssuerSentence();

    [GeneratedRegex(@"^\s*Số\s*:\s*(?<n>\S*)", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@",\s*(?<d>ngày\b.*\bnăm\s+[0-9]{4})", RegexOptions.IgnoreCase)]
    private static partial Regex IssueDate();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\p{Lu})")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^\s*(?:[0-9]{1,2}|[a-zđ])[.)]\s+")]
    private static partial Regex LeadingNumber();
}
