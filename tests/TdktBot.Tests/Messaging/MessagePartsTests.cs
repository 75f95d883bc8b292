using TdktBot.Messaging;

namespace TdktBot.Tests.Messaging;

/// <summary>Cutting long texts into the parts a messenger takes, for the cases a fake server cannot easily show.</summary>
public sealed class MessagePartsTests
{
    [Fact]
    public void A_line_too_long_is_cut_at_the_last_space()
    {
        var parts = MessageParts.Split("một hai ba bốn", 9);

        Assert.Equal(["một hai", "ba bốn"], parts);
    }

    [Fact]
    public void A_word_too_long_is_cut_anywhere_but_inside_a_surrogate_pair()
    {
        // "𝐀" is two UTF-16 units; a cut after 5 units would split the second one.
        var parts = MessageParts.Split("ab𝐀𝐀𝐀cd", 5);

        Assert.Equal(["ab𝐀", "𝐀𝐀c", "d"], parts);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 5));
    }

    [Fact]
    public void A_break_right_after_a_full_part_is_where_it_is_cut_and_blank_parts_are_dropped()
    {
        var parts = MessageParts.Split("abcde\n\n\n\nfg", 5);

        Assert.Equal(["abcde", "fg"], parts);
    }

    [Fact]
    public void A_text_within_the_limit_is_one_part()
    {
        var text = new string('x', 4096);

        Assert.Equal([text], MessageParts.Split(text, 4096));
    }

    [Fact]
    public void A_2500_character_answer_of_lines_goes_in_two_parts_cut_between_lines()
    {
        var lines = Enumerable.Range(1, 50).Select(i => $"{i:00}. " + new string('a', 45)).ToList();
        var text = string.Join('\n', lines);

        var parts = MessageParts.Split(text, 2000);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 2000));
        Assert.Equal(lines, parts.SelectMany(p => p.Split('\n')));
    }
}
