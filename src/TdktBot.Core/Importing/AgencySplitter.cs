using System.Text.RegularExpressions;
using TdktBot.Core.Units;

namespace TdktBot.Core.Importing;

/// <summary>
/// Splits a "Cơ quan thực hiện" cell into bodies. Lines, semicolons and bullets separate bodies,
/// but a dash, comma or «và» may either separate two bodies or belong to one name ("Phòng Văn hóa – Xã
/// hội", "Các cơ quan, đơn vị", "Văn phòng HĐND và UBND xã"), so those are settled by which reading
/// the unit directory understands best. The cell owes to every body it names: "Mặt trận Tổ quốc và
/// các đoàn thể" is the Front and each organisation.
/// </summary>
public static partial class AgencySplitter
{
    public static IReadOnlyList<BodyResolution> Split(string cell, UnitDirectory directory) =>
        cell.Split('\n')
            .SelectMany(line => line.Split(';'))
            .SelectMany(part => BulletAfterPunctuation().Split(part))
            .Select(UnitDirectory.CleanBody)
            .Where(piece => piece.Length > 0)
            .SelectMany(piece => Segment(piece, directory))
            .ToList();

    private static List<BodyResolution> Segment(string piece, UnitDirectory directory)
    {
        var cuts = SoftSeparator().Matches(piece).ToList();
        if (cuts.Count == 0)
        {
            return [directory.Resolve(piece)];
        }

        // Segment i spans from the end of cut i-1 to the start of cut i.
        var starts = new List<int> { 0 };
        var ends = new List<int>();
        foreach (var cut in cuts)
        {
            ends.Add(cut.Index);
            starts.Add(cut.Index + cut.Length);
        }

        ends.Add(piece.Length);
        var n = starts.Count;
        var memo = new Dictionary<(int, int), BodyResolution>();

        BodyResolution Chunk(int from, int to)
        {
            if (!memo.TryGetValue((from, to), out var resolution))
            {
                resolution = directory.Resolve(piece[starts[from]..ends[to - 1]]);
                memo[(from, to)] = resolution;
            }

            return resolution;
        }

        // best[j]: the best reading of segments [0, j): fewest unresolved, then most resolved, then fewest bodies.
        var best = new (int Unresolved, int Resolved, int Pieces, int From)[n + 1];
        best[0] = (0, 0, 0, -1);
        for (var j = 1; j <= n; j++)
        {
            best[j] = (int.MaxValue, 0, 0, -1);
            for (var i = 0; i < j; i++)
            {
                if (best[i].Unresolved == int.MaxValue)
                {
                    continue;
                }

                var chunk = Chunk(i, j);
                var empty = chunk.Written.Length == 0;
                var candidate = (
                    best[i].Unresolved + (chunk.IsResolved || empty ? 0 : 1),
                    best[i].Resolved + (chunk.IsResolved ? 1 : 0),
                    best[i].Pieces + 1,
                    i);
                if (Better(candidate, best[j]))
                {
                    best[j] = candidate;
                }
            }
        }

        var chunks = new List<BodyResolution>();
        for (var j = n; j > 0; j = best[j].From)
        {
            var chunk = Chunk(best[j].From, j);
            if (chunk.Written.Length > 0)
            {
                chunks.Add(chunk);
            }
        }

        chunks.Reverse();
        return chunks;
    }

    private static bool Better((int Unresolved, int Resolved, int Pieces, int From) a, (int Unresolved, int Resolved, int Pieces, int From) b) =>
        a.Unresolved != b.Unresolved ? a.Unresolved < b.Unresolved
        : a.Resolved != b.Resolved ? a.Resolved > b.Resolved
        : a.Pieces < b.Pieces;

    [GeneratedRegex(@"(?<=[.,])\s*[-–—+•]\s+")]
    private static partial Regex BulletAfterPunctuation();

    [GeneratedRegex(@"\s+[-–—]\s*|\s*[-–—]\s+|\s*,\s*|\s+và\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SoftSeparator();
}
