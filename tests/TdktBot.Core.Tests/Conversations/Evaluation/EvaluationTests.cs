using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace TdktBot.Core.Tests.Conversations.Evaluation;

/// <summary>
/// The conversation judged by messages people wrote without reading the parser. The held-out part's accuracy may not
/// drop below the figure README.md gives, and no message of either part may confirm or undo what was not meant.
/// </summary>
public sealed partial class EvaluationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("heldout.jsonl")]
    public void HeldOutAccuracyHoldsTheFigureInTheReadme(string file)
    {
        var outcomes = EvaluationSet.Run(file);
        var accuracy = 100.0 * outcomes.Count(o => o.Right) / outcomes.Count;
        output.WriteLine($"{file}: {outcomes.Count(o => o.Right)} of {outcomes.Count} right ({accuracy:0.0} %)");

        // Only the figure is read from a held-out part; its messages are not printed, so nothing tunes on them.
        Assert.True(outcomes.Count >= 100, $"{file} has only {outcomes.Count} messages");
        // The README gives the figure to one decimal, as printed here.
        Assert.True(Math.Round(accuracy, 1) >= ReadmeFigure(file), $"{file}: accuracy {accuracy:0.0} % is below the {ReadmeFigure(file):0.0} % README.md gives");
    }

    [Theory]
    [InlineData("heldout.jsonl")]
    public void HeldOutHasNoWrongAction(string file)
    {
        var wrong = EvaluationSet.Run(file).Count(o => o.WrongAction);
        Assert.Equal(0, wrong);
    }

    [Fact]
    public void DevelopmentPartHasNoWrongAction()
    {
        var wrong = Development().Where(o => o.WrongAction).ToList();
        Assert.True(wrong.Count == 0, EvaluationSet.Report(wrong));
    }

    [Fact]
    public void DevelopmentPartReport()
    {
        var outcomes = Development();
        output.WriteLine($"development: {outcomes.Count(o => o.Right)} of {outcomes.Count} right");
        output.WriteLine(EvaluationSet.Report(outcomes.Where(o => !o.Right)));
        Assert.True(outcomes.Count >= 200);
    }

    // The development files: the first written broadly, the next two where a bot could act wrongly, the rest fresh sets
    // whose first readings were unseen figures (README.md).
    private static readonly string[] DevelopmentFiles = ["dev.jsonl", "dev2.jsonl", "dev3.jsonl", "dev4.jsonl", "dev5.jsonl", "dev6.jsonl", "dev7.jsonl", "dev8.jsonl", "dev9.jsonl", "dev10.jsonl", "dev11.jsonl", "dev12.jsonl", "dev13.jsonl", "dev14.jsonl", "dev15.jsonl", "dev16.jsonl", "dev17.jsonl", "dev18.jsonl", "dev19.jsonl", "dev20.jsonl", "dev21.jsonl", "dev22.jsonl", "dev23.jsonl", "dev24.jsonl", "dev25.jsonl", "dev26.jsonl", "dev27.jsonl", "dev28.jsonl", "dev29.jsonl", "dev30.jsonl", "dev31.jsonl", "dev32.jsonl", "dev33.jsonl", "dev34.jsonl", "dev35.jsonl", "dev36.jsonl", "dev37.jsonl", "dev38.jsonl", "dev39.jsonl", "dev40.jsonl", "dev41.jsonl", "dev42.jsonl", "dev43.jsonl", "dev44.jsonl", "dev45.jsonl", "dev46.jsonl", "dev47.jsonl", "dev48.jsonl", "dev49.jsonl", "dev50.jsonl", "dev51.jsonl", "dev52.jsonl", "dev53.jsonl", "dev54.jsonl", "dev55.jsonl", "dev56.jsonl", "dev57.jsonl", "dev58.jsonl", "dev59.jsonl", "dev60.jsonl", "dev61.jsonl", "dev62.jsonl", "dev63.jsonl", "dev64.jsonl", "dev65.jsonl", "dev66.jsonl", "dev67.jsonl", "dev68.jsonl", "dev69.jsonl", "dev70.jsonl", "dev71.jsonl", "dev72.jsonl", "dev73.jsonl", "dev74.jsonl", "dev75.jsonl", "dev76.jsonl", "dev77.jsonl", "dev78.jsonl", "dev79.jsonl", "dev80.jsonl", "dev81.jsonl", "dev82.jsonl", "dev83.jsonl", "dev84.jsonl", "dev85.jsonl", "dev86.jsonl", "dev87.jsonl", "dev88.jsonl", "dev89.jsonl", "dev90.jsonl", "dev91.jsonl", "dev92.jsonl", "dev93.jsonl", "dev94.jsonl", "dev95.jsonl", "dev96.jsonl", "dev97.jsonl", "dev98.jsonl", "dev99.jsonl", "dev100.jsonl", "dev101.jsonl", "dev102.jsonl", "dev103.jsonl", "dev104.jsonl", "dev105.jsonl", "dev106.jsonl", "dev107.jsonl", "dev108.jsonl", "dev109.jsonl", "dev110.jsonl", "dev111.jsonl", "dev112.jsonl", "dev113.jsonl", "dev114.jsonl", "dev115.jsonl", "dev116.jsonl", "dev117.jsonl", "dev118.jsonl", "dev119.jsonl", "dev120.jsonl", "dev121.jsonl", "dev122.jsonl", "dev123.jsonl", "dev124.jsonl", "dev125.jsonl", "dev126.jsonl", "dev127.jsonl", "dev128.jsonl", "dev129.jsonl", "dev130.jsonl", "dev131.jsonl", "dev132.jsonl", "dev133.jsonl", "dev134.jsonl", "dev135.jsonl", "dev136.jsonl", "dev137.jsonl", "dev138.jsonl", "dev139.jsonl", "dev140.jsonl", "dev141.jsonl", "dev142.jsonl", "dev143.jsonl", "dev144.jsonl", "dev145.jsonl", "dev146.jsonl", "dev147.jsonl", "dev148.jsonl", "dev149.jsonl", "dev150.jsonl", "dev151.jsonl", "dev152.jsonl", "dev153.jsonl", "dev154.jsonl", "dev155.jsonl", "dev156.jsonl", "dev157.jsonl"];

    // Read once for both tests of the development part, the files side by side (the reading is pure), in their order.
    private static readonly Lazy<List<Outcome>> DevelopmentOutcomes = new(() => [.. DevelopmentFiles.AsParallel().AsOrdered().SelectMany(EvaluationSet.Run)]);

    private static List<Outcome> Development() => DevelopmentOutcomes.Value;

    // README.md's line "held-out accuracy (heldout.jsonl): N %".
    private static double ReadmeFigure(string file)
    {
        var readme = File.ReadAllText(Path.Combine(Root(), "README.md"));
        var match = HeldOutFigure().Matches(readme).FirstOrDefault(m => m.Groups["file"].Value == file);
        Assert.True(match is not null, $"README.md gives no «held-out accuracy ({file}): N %» line");
        return double.Parse(match.Groups["figure"].Value, CultureInfo.InvariantCulture);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TdktBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("TdktBot.sln not found above the test's folder");
    }

    [GeneratedRegex(@"held-out accuracy \((?<file>[a-z0-9]+\.jsonl)\):\s*(?<figure>[0-9]+(?:\.[0-9]+)?)\s*%", RegexOptions.IgnoreCase)]
    private static partial Regex HeldOutFigure();
}
