namespace TdktBot.Testing.Tests;

public sealed class TelegramHtmlTests
{
    [Theory]
    [InlineData("<b>đậm</b> và <i>nghiêng</i>", "đậm và nghiêng", "bold 0 3|italic 7 7")]
    [InlineData("<b>a<i>b</i></b>", "ab", "bold 0 2|italic 1 1")]
    [InlineData("<B>hoa</B>", "hoa", "bold 0 3")]
    [InlineData("<strong>1</strong><em>2</em><u>3</u><ins>4</ins><s>5</s><strike>6</strike><del>7</del><code>8</code>", "12345678",
        "bold 0 1|italic 1 1|underline 2 1|underline 3 1|strikethrough 4 1|strikethrough 5 1|strikethrough 6 1|code 7 1")]
    [InlineData("<span class=\"tg-spoiler\">x</span><tg-spoiler>y</tg-spoiler>", "xy", "spoiler 0 1|spoiler 1 1")]
    [InlineData("<blockquote>q</blockquote><blockquote expandable>r</blockquote>", "qr", "blockquote 0 1|expandable_blockquote 1 1")]
    [InlineData("1 &lt; 2 &amp;&amp; 3 &gt; 2 &quot;ok&quot; &#39;&#x1F600;", "1 < 2 && 3 > 2 \"ok\" '😀", "")]
    [InlineData("😀<b>x</b>", "😀x", "bold 2 1")]
    [InlineData("<b></b>trống", "trống", "")]
    [InlineData("dòng 1\ndòng 2", "dòng 1\ndòng 2", "")]
    public void Valid_HTML_becomes_plain_text_and_entities(string html, string plain, string entities)
    {
        var result = TelegramHtml.Parse(html);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(plain, result.PlainText);
        Assert.Equal(entities, string.Join('|', result.Entities.Select(e => $"{e.Type} {e.Offset} {e.Length}")));
    }

    [Fact]
    public void Links_code_languages_and_custom_emoji_keep_their_attributes()
    {
        var result = TelegramHtml.Parse(
            "<a href=\"https://x.vn/?a=1&amp;b=2\">link</a> <pre><code class=\"language-csharp\">var x;</code></pre> <tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>");

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("link var x; 👍", result.PlainText);
        Assert.Equal(
            [
                new TextEntity("text_link", 0, 4) { Url = "https://x.vn/?a=1&b=2" },
                new TextEntity("pre", 5, 6) { Language = "csharp" },
                new TextEntity("custom_emoji", 12, 2) { CustomEmojiId = "5368324170671202286" },
            ],
            result.Entities);
    }

    [Theory]
    [InlineData("<b>chưa đóng", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("<b><i>x</b></i>", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"")]
    [InlineData("x</b>", "Unexpected end tag at byte offset 1")]
    [InlineData("Xin chào <xyz>", "Unsupported start tag \"xyz\" at byte offset 10")]
    [InlineData("<div>x</div>", "Unsupported start tag \"div\" at byte offset 0")]
    [InlineData("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\" at byte offset 0")]
    [InlineData("1 < 2", "Character '<' at byte offset 2 must be escaped as \"&lt;\"")]
    [InlineData("a > b", "Character '>' at byte offset 2 must be escaped as \"&gt;\"")]
    [InlineData("Tom & Jerry", "Character '&' at byte offset 4 must be escaped as \"&amp;\"")]
    [InlineData("&nbsp;", "Unsupported HTML entity \"&nbsp;\" at byte offset 0")]
    [InlineData("&#xD800;", "Unsupported HTML entity \"&#xD800;\" at byte offset 0")]
    [InlineData("<b", "Unclosed start tag at byte offset 0")]
    [InlineData("<a href=\"x>y</a>", "Unclosed attribute value at byte offset 16")]
    public void Invalid_HTML_is_refused_with_Telegram_like_reasons(string html, string error)
    {
        var result = TelegramHtml.Parse(html);

        Assert.False(result.IsValid);
        Assert.Equal(error, result.Error);
        Assert.Equal(html, result.PlainText);
    }

    [Fact]
    public void Text_escaped_with_WebUtility_HtmlEncode_is_always_valid()
    {
        const string text = "Hạn <30/01> & \"quý I\" của 'Tổ' — 100% © ½";

        var result = TelegramHtml.Parse($"<b>{System.Net.WebUtility.HtmlEncode(text)}</b>");

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(text, result.PlainText);
    }
}
