using TdktBot.Messaging.Telegram;
using TdktBot.Core.Conversations;

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
    public void No_buttons_means_no_keyboard_and_an_empty_command_is_refused()
    {
        Assert.Null(TelegramText.Keyboard([]));
        Assert.Throws<ArgumentException>(() => TelegramText.Keyboard([new ChatButton("Trống", "")]));
    }
}
