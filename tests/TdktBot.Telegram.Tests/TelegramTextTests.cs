using TdktBot.Channels;

namespace TdktBot.Telegram.Tests;

/// <summary>Escaping and splitting on their own, for the cases a fake server cannot easily show.</summary>
public sealed class TelegramTextTests
{
    [Fact]
    public void Only_the_three_characters_HTML_reserves_are_escaped_and_Vietnamese_stays_as_it_is()
    {
        Assert.Equal("Tổ &lt;3&gt; &amp; \"Hội\" 'Đoàn'", TelegramText.Html("Tổ <3> & \"Hội\" 'Đoàn'"));
    }

    [Fact]
    public void A_line_too_long_is_cut_at_the_last_space()
    {
        var parts = TelegramText.Split("một hai ba bốn", limit: 9);

        Assert.Equal(["một hai", "ba bốn"], parts);
    }

    [Fact]
    public void A_word_too_long_is_cut_anywhere_but_inside_a_surrogate_pair()
    {
        // "𝐀" is two UTF-16 units; a cut after 5 units would split the second one.
        var parts = TelegramText.Split("ab𝐀𝐀𝐀cd", limit: 5);

        Assert.Equal(["ab𝐀", "𝐀𝐀c", "d"], parts);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 5));
    }

    [Fact]
    public void A_break_right_after_a_full_part_is_where_it_is_cut_and_blank_parts_are_dropped()
    {
        var parts = TelegramText.Split("abcde\n\n\n\nfg", limit: 5);

        Assert.Equal(["abcde", "fg"], parts);
    }

    [Fact]
    public void A_text_within_the_limit_is_one_part()
    {
        var text = new string('x', TelegramText.MessageLimit);

        Assert.Equal([text], TelegramText.Split(text));
    }

    [Fact]
    public void No_buttons_means_no_keyboard_and_an_empty_command_is_refused()
    {
        Assert.Null(TelegramText.Keyboard([]));
        Assert.Throws<ArgumentException>(() => TelegramText.Keyboard([new ChatButton("Trống", "")]));
    }
}
