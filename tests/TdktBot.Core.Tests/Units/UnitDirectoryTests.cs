using TdktBot.Core.Importing;
using TdktBot.Core.Units;

namespace TdktBot.Core.Tests.Units;

public sealed class UnitDirectoryTests
{
    private static UnitDirectory Directory => Fixture.Directory;

    [Theory]
    [InlineData("Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội")]
    [InlineData("phong van hoa xa hoi", "Phòng Văn hóa - Xã hội")]
    [InlineData("PHÒNG VĂN HÓA – XÃ HỘI", "Phòng Văn hóa - Xã hội")]
    [InlineData("Phòng VH-XH", "Phòng Văn hóa - Xã hội")]
    [InlineData("Phòng VHXXH", "Phòng Văn hóa - Xã hội")]
    [InlineData("Phòng Văn hoá - Xã hôi", "Phòng Văn hóa - Xã hội")]
    [InlineData("HĐ TĐKT xã", "Hội đồng Thi đua - Khen thưởng xã")]
    [InlineData("hd tdkt xa", "Hội đồng Thi đua - Khen thưởng xã")]
    [InlineData("Hội đồng TĐKT xã", "Hội đồng Thi đua - Khen thưởng xã")]
    [InlineData("UBND xã", "Ủy ban nhân dân xã Hoa Thám")]
    [InlineData("Uỷ ban nhân dân xã Hoa Thám", "Ủy ban nhân dân xã Hoa Thám")]
    [InlineData("UB MTTQ xã", "Ủy ban MTTQ Việt Nam xã")]
    [InlineData("Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Ủy ban MTTQ Việt Nam xã")]
    [InlineData("Trường TH Hoa Thám", "Trường Tiểu học Hoa Thám")]
    [InlineData("Trường Trung học cơ sở Hoa Thám", "Trường THCS Hoa Thám")]
    [InlineData("- Công an xã.", "Công an xã")]
    public void Resolves_a_written_name_to_its_unit(string written, string unit)
    {
        var resolution = Directory.Resolve(written);

        Assert.True(resolution.IsResolved, resolution.Problem);
        Assert.Null(resolution.Group);
        Assert.Equal([unit], resolution.Units.Select(u => u.Name));
    }

    [Theory]
    [InlineData("Các cơ quan, đơn vị", "tat-ca")]
    [InlineData("Các đơn vị liên quan", "tat-ca")]
    [InlineData("Các cơ quan, đơn vị liên quan", "tat-ca")]
    [InlineData("cac co quan don vi", "tat-ca")]
    [InlineData("Các cơ quan, tổ chức, đơn vị trong xã", "tat-ca")]
    [InlineData("Các đơn vị sự nghiệp GD và ĐT", "giao-duc")]
    [InlineData("Các đơn vị sự nghiệp GD&ĐT", "giao-duc")]
    [InlineData("các đơn vị sự nghiệp giáo dục và đào tạo", "giao-duc")]
    [InlineData("Trường MN, TH, THCS", "giao-duc")]
    public void Expands_a_collective_phrase_to_its_group(string written, string group)
    {
        var resolution = Directory.Resolve(written);

        Assert.True(resolution.IsResolved, resolution.Problem);
        Assert.Equal(group, resolution.Group?.Id);
        Assert.Equal(Directory.MembersOf(resolution.Group!).Select(u => u.Name), resolution.Units.Select(u => u.Name));
    }

    [Fact]
    public void The_education_group_is_the_three_schools()
    {
        var schools = Directory.MembersOf(Directory.FindGroup("giao-duc")!);

        Assert.Equal(["Trường Mầm non Hoa Thám", "Trường Tiểu học Hoa Thám", "Trường THCS Hoa Thám"], schools.Select(u => u.Name));
    }

    [Theory]
    [InlineData("Sở Nội vụ")]
    [InlineData("Cụm thi đua số 2")]
    [InlineData("Chủ tịch UBND tỉnh")]
    public void Reports_a_name_it_cannot_resolve(string written)
    {
        var resolution = Directory.Resolve(written);

        Assert.False(resolution.IsResolved);
        Assert.Empty(resolution.Units);
        Assert.Contains(written, resolution.Problem, StringComparison.Ordinal);
        Assert.Contains("danh sách đơn vị", resolution.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Splits_a_cell_whose_separator_is_missing_without_cutting_names_that_contain_dashes()
    {
        var bodies = AgencySplitter.Split("- UBND xã; - HĐ TĐKT xã; - Phòng Văn hóa – Xã hội - Các đơn vị liên quan.", Directory);

        Assert.Equal(["UBND xã", "HĐ TĐKT xã", "Phòng Văn hóa – Xã hội", "Các đơn vị liên quan"], bodies.Select(b => b.Written));
        Assert.All(bodies, b => Assert.True(b.IsResolved));
    }

    [Fact]
    public void Splits_comma_separated_bodies_but_keeps_collective_phrases_with_commas_whole()
    {
        var bodies = AgencySplitter.Split("UBND xã, Công an xã, Các cơ quan, đơn vị liên quan", Directory);

        Assert.Equal(["UBND xã", "Công an xã", "Các cơ quan, đơn vị liên quan"], bodies.Select(b => b.Written));
    }

    [Fact]
    public void Splits_bodies_joined_by_và_but_keeps_names_and_phrases_that_contain_it_whole()
    {
        var bodies = AgencySplitter.Split("Văn phòng HĐND và UBND xã; Hội Nông dân và Hội Cựu chiến binh xã; MTTQ và các đoàn thể", Directory);

        Assert.Equal(["Văn phòng HĐND và UBND xã", "Hội Nông dân", "Hội Cựu chiến binh xã", "MTTQ và các đoàn thể"], bodies.Select(b => b.Written));
        Assert.All(bodies, b => Assert.True(b.IsResolved));
    }

    [Fact]
    public void A_sentence_names_every_group_it_mentions_but_not_a_phrase_found_only_inside_a_longer_one()
    {
        var directory = new UnitDirectory("Thử", [new Unit { Name = "Trạm Y tế xã", Groups = ["y-te"] }, new Unit { Name = "Công an xã" }],
            [new UnitGroup { Id = "y-te", Name = "Các cơ sở y tế", Phrases = ["Các cơ quan, đơn vị y tế"] }]);

        Assert.Equal(["y-te"], directory.GroupsMentionedIn("Các cơ quan, đơn vị y tế gửi báo cáo trước ngày 30/6/2026.").Select(g => g.Id));
        Assert.Equal(["tat-ca", "y-te"], directory.GroupsMentionedIn("Các cơ quan, đơn vị và các cơ sở y tế gửi báo cáo trước ngày 30/6/2026.").Select(g => g.Id));
    }

    [Fact]
    public void An_unknown_body_beside_known_ones_is_kept_and_reported_not_dropped()
    {
        var bodies = AgencySplitter.Split("- Sở Nội vụ;\n- Công an xã", Directory);

        Assert.Equal(["Sở Nội vụ", "Công an xã"], bodies.Select(b => b.Written));
        Assert.False(bodies[0].IsResolved);
        Assert.True(bodies[1].IsResolved);
    }

    [Fact]
    public void A_directory_with_a_typo_in_a_key_is_refused_with_its_line()
    {
        const string yaml = """
            commune: Thử
            units:
              - name: Công an xã
                aliasses: [CA xã]
            """;

        var result = UnitDirectoryFile.Read(new StringReader(yaml), "don-vi.yaml");

        Assert.True(result.HasErrors);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(4, problem.Where.Line);
        Assert.Contains("aliases", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_in_an_undeclared_group_is_refused()
    {
        const string yaml = """
            units:
              - name: Trường Mầm non
                groups: [giao-ducc]
            """;

        var result = UnitDirectoryFile.Read(new StringReader(yaml), "don-vi.yaml");

        Assert.True(result.HasErrors);
        Assert.Contains(result.Problems, p => p.Message.Contains("giao-ducc", StringComparison.Ordinal) && p.Where.Line == 3);
    }

    [Fact]
    public void The_bundled_directory_says_it_is_an_example()
    {
        Assert.True(Directory.IsExample);
        Assert.Equal("Hoa Thám", Directory.Commune);
        Assert.Single(Directory.Units, u => u.IsOffice);
    }
}
