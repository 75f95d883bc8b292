using TdktBot.Archive;

namespace TdktBot.Tests.Archive;

/// <summary>Where a submitted file goes: built from the year, the item, the unit and the time, never from what the sender named it.</summary>
public sealed class ArchiveNamesTests
{
    private static readonly DateTime At = new(2026, 1, 26, 8, 15, 0);

    [Fact]
    public void A_file_goes_under_its_year_and_item_named_by_its_unit_and_time()
    {
        Assert.Equal("2026/D1/Trường THCS Hoa Thám - 2026-01-26 0815.pdf", ArchiveNames.For(2026, "D1", "Trường THCS Hoa Thám", At, "Ke hoach 2026 (ban ky).PDF"));
        Assert.Equal("2026/3/Trạm Y tế xã - 2026-01-26 0815.bin", ArchiveNames.For(2026, "3", "Trạm Y tế xã", At, "chay-toi.exe"));
        Assert.Equal("2026/3/Trạm Y tế xã - 2026-01-26 0815 (2).jpg", ArchiveNames.Numbered(ArchiveNames.For(2026, "3", "Trạm Y tế xã", At, "anh.jpg"), 2));
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("..\\..\\windows\\system32")]
    [InlineData("/etc/passwd")]
    [InlineData("CON")]
    [InlineData("con.txt")]
    [InlineData("NUL")]
    [InlineData("bao cao\u202Efdp.exe")]
    [InlineData("a\0b/../../c")]
    [InlineData("...")]
    [InlineData("")]
    public void Hostile_names_never_leave_the_archive_folder(string hostile)
    {
        var root = Path.Combine(Path.GetTempPath(), "tdkt-archive-root");

        foreach (var path in new[] { ArchiveNames.For(2026, hostile, hostile, At, hostile), ArchiveNames.For(2026, "D1", "Trạm Y tế xã", At, hostile) })
        {
            var parts = path.Split('/');
            Assert.Equal(3, parts.Length);
            Assert.All(parts, p => Assert.False(string.IsNullOrWhiteSpace(p) || p is "." or ".." || p.EndsWith('.') || p.EndsWith(' ')));
            Assert.DoesNotContain(parts, p => p.Any(c => char.IsControl(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' or '\u202E'));
            Assert.DoesNotContain(parts, p => new[] { "CON", "NUL", "PRN", "AUX" }.Contains(p.Split(' ', '.')[0], StringComparer.OrdinalIgnoreCase));
            Assert.StartsWith(root + Path.DirectorySeparatorChar, Path.GetFullPath(Path.Combine(root, path)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_300_character_unit_name_is_cut_to_a_length_every_file_system_takes()
    {
        var path = ArchiveNames.For(2026, "D1", new string('ệ', 300), At, "x.pdf");

        var file = path.Split('/')[^1];
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(file) < 255, file);
        Assert.EndsWith(" - 2026-01-26 0815.pdf", file, StringComparison.Ordinal);
    }
}
