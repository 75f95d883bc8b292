using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Tests.Cli;
using TdktBot.Tests.Conversations;
using TdktBot.Messaging.Zalo;

namespace TdktBot.Tests.Reliability;

/// <summary>Defects the reliability suite found, each pinned down where it lived.</summary>
public sealed class DefectRegressionTests
{
    private const string OfficeUnit = "Phòng Văn hóa - Xã hội";

    /// <summary>
    /// "GUI ١٢" (Arabic-Indic digits) matched the broadcast decision's \d, then long.Parse threw: the engine logged an
    /// error and answered "bot gặp lỗi". Digits of other scripts are now just words the bot does not understand.
    /// </summary>
    [Theory]
    [InlineData("GUI ١٢")]
    [InlineData("HUYGUI ٣")]
    [InlineData("GUI ３")]
    [InlineData("/huygui ०७")]
    public async Task A_broadcast_decision_with_another_scripts_digits_is_not_an_error(string text)
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(OfficeUnit, ChatRole.Office, "9001");

        var reply = await bot.SayAsync(office, text, fromButton: true);
        var plain = await bot.SayAsync(office, "GUI 12", fromButton: true);

        Assert.DoesNotContain("bot gặp lỗi", reply.Text, StringComparison.Ordinal);
        Assert.NotEqual(ReplyTexts.BroadcastNotFound, reply.Text);
        Assert.Equal(ReplyTexts.BroadcastNotFound, plain.Text);
    }

    /// <summary>
    /// The same \d in the plan reader's date patterns: a date written with another script's digits ("30/6/٢٠٢٦",
    /// fullwidth "３０/６/２０２６") threw FormatException out of the importer. Such digits are now not a date, and
    /// ASCII dates read as before.
    /// </summary>
    [Theory]
    [InlineData("Trước ngày 30/6/٢٠٢٦")]
    [InlineData("ngày ٣٠ tháng ٦ năm ٢٠٢٦")]
    [InlineData("hạn ３０/６/２０２６")]
    [InlineData("trong tháng ٦ năm 2026")]
    public void A_date_in_another_scripts_digits_is_not_read_and_does_not_throw(string text)
    {
        Assert.Empty(TdktBot.Core.Plans.DueDateFinder.Find(text, 2026));
        Assert.NotEmpty(TdktBot.Core.Plans.DueDateFinder.Find("Trước ngày 30/6/2026", 2026));
    }

    /// <summary>
    /// Polly logs a timed-out attempt at Error level, although the retry after it usually succeeds; the bot's log then
    /// showed an error for every slow answer from Zalo. The Zalo pipeline's telemetry now calls a timeout a warning.
    /// </summary>
    [Fact]
    public void A_Zalo_timeout_is_logged_as_a_warning_and_other_events_keep_their_severity()
    {
        var settings = CliRun.Settings(new Dictionary<string, string?>
        {
            ["Zalo:BotToken"] = "12345:not-a-real-token",
            ["Zalo:ApiBaseUrl"] = "http://127.0.0.1:9",
        });
        using var provider = new ServiceCollection().AddLogging().AddZalo(settings).BuildServiceProvider();
        var severity = provider.GetRequiredService<IOptions<TelemetryOptions>>().Value.SeverityProvider;
        Assert.NotNull(severity);

        var context = ResilienceContextPool.Shared.Get();
        try
        {
            var source = new ResilienceTelemetrySource("ZaloClient-zalo", null, "Timeout");
            Assert.Equal(ResilienceEventSeverity.Warning, severity(new SeverityProviderArguments(source, new ResilienceEvent(ResilienceEventSeverity.Error, "OnTimeout"), context)));
            Assert.Equal(ResilienceEventSeverity.Warning, severity(new SeverityProviderArguments(source, new ResilienceEvent(ResilienceEventSeverity.Warning, "OnRetry"), context)));
            Assert.Equal(ResilienceEventSeverity.Error, severity(new SeverityProviderArguments(source, new ResilienceEvent(ResilienceEventSeverity.Error, "OnCircuitOpened"), context)));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
