using TdktBot.Core.Plans;

namespace TdktBot.Core.Importing;

/// <summary>
/// A plan document reduced to what every format shares: paragraphs and table rows in reading
/// order. Readers produce it; <see cref="PlanInterpreter"/> turns it into a plan, so a .docx and
/// its text export give the same plan.
/// </summary>
public sealed record SourceDocument(string? File, IReadOnlyList<SourceBlock> Blocks);

public abstract record SourceBlock(SourceLocation Where);

public sealed record SourceParagraph(string Text, SourceLocation Where) : SourceBlock(Where);

/// <summary>A table row; cells are placed by grid column, so a cell spanning columns leaves empty cells after it.</summary>
public sealed record SourceRow(IReadOnlyList<SourceCell> Cells, int Table, SourceLocation Where) : SourceBlock(Where)
{
    public SourceCell Cell(int column) => column >= 0 && column < Cells.Count ? Cells[column] : SourceCell.Empty;

    public bool IsEmpty => Cells.All(c => string.IsNullOrWhiteSpace(c.Text));
}

/// <param name="Text">The cell's paragraphs, one per line.</param>
/// <param name="MergedFromAbove">A vertically merged cell continuing the one above; <paramref name="Text"/> repeats that cell's text.</param>
public sealed record SourceCell(string Text, bool MergedFromAbove = false)
{
    public static SourceCell Empty { get; } = new(string.Empty);
}

/// <summary>A source file that cannot be read at all (corrupt, empty, wrong format).</summary>
public sealed class PlanFormatException(string message, Exception? inner = null) : Exception(message, inner);
