using TdktBot.Core.Plans;
using TdktBot.Core.Text;

namespace TdktBot.Core.Importing;

/// <summary>
/// Reads a plan saved as plain text (Word's "Plain Text" export or a copy-paste): table rows are
/// tab-separated (or pipe-separated, as in Markdown), a quarter or month heading alone on its line is a row
/// too, and everything else is a paragraph.
/// </summary>
public static class TextPlanReader
{
    public static SourceDocument Read(TextReader source, string? fileName)
    {
        using var reader = new StringReader(TextLimit.ReadAll(source) ?? throw new PlanFormatException(TextLimit.TooLong));
        var blocks = new List<SourceBlock>();
        var table = 0;
        var inTable = false;
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Replace("**", string.Empty, StringComparison.Ordinal).TrimEnd('\r');
            var where = new SourceLocation(fileName, lineNumber);
            var cells = SplitRow(line);
            if (cells is null && SectionHeading.Read(line, alone: true) is not null)
            {
                // Word exports a merged row across the table, such as a quarter heading, as a line without tabs.
                cells = [new SourceCell(VietnameseText.Squash(line))];
            }

            if (cells is not null)
            {
                if (!inTable)
                {
                    table++;
                    inTable = true;
                }

                blocks.Add(new SourceRow(cells, table, where));
                continue;
            }

            var text = VietnameseText.Squash(line);
            if (text.Length == 0)
            {
                continue;
            }

            inTable = false;
            blocks.Add(new SourceParagraph(text, where));
        }

        return new SourceDocument(fileName, blocks);
    }

    private static List<SourceCell>? SplitRow(string line)
    {
        if (line.Contains('\t', StringComparison.Ordinal))
        {
            return line.Split('\t').Select(c => new SourceCell(VietnameseText.Squash(c))).ToList();
        }

        var trimmed = line.Trim();
        if (trimmed.Length > 1 && trimmed[0] == '|' && trimmed[^1] == '|')
        {
            var inner = trimmed[1..^1].Split('|');
            if (inner.All(c => c.Trim().Trim(':').All(ch => ch == '-') && c.Trim().Length > 0))
            {
                // A Markdown separator row ("|---|---|") carries nothing.
                return [];
            }

            return inner.Select(c => new SourceCell(VietnameseText.Squash(c))).ToList();
        }

        return null;
    }
}
