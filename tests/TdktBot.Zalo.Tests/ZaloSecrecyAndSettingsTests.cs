using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TdktBot.Messaging;
using TdktBot.Testing;
using TdktBot.Messaging.Zalo;

namespace TdktBot.Zalo.Tests;

/// <summary>The token is in every request's URL: nothing logged or reported may contain it. Wrong settings are named at start.</summary>
public sealed class ZaloSecrecyAndSettingsTests
{
    private const string Secret = "Zq9SecretPartOfTheToken_x1y2z3";
    private static readonly FakeZaloOptions WithToken = new() { Token = "3141592653589793:" + Secret };

    [Fact]
    public async Task Nothing_logged_down_to_Trace_contains_the_token_even_when_everything_fails()
    {
        await using var bot = await ZaloBot.StartAsync(
            fake =>
            {
                fake.FailNext("getMe", 401);
                fake.DropNext("deleteWebhook");
                fake.FailNext("getUpdates", 502);
                fake.MalformedNext("getUpdates");
                fake.FailNext("sendMessage", 429, retryAfter: 1);
            },
            fakeOptions: WithToken);

        var reply = await bot.NextMessageAsync("u1", () => bot.Fake.SendText("u1", "xin chào"));
        var outcomes = new List<SendOutcome>();
        bot.Fake.FailNext("sendMessage", 502, times: 3);
        outcomes.Add(await bot.Channel.SendAsync(new OutgoingMessage("u1", "x"), CancellationToken.None));
        bot.Fake.MalformedNext("sendMessage");
        outcomes.Add(await bot.Channel.SendAsync(new OutgoingMessage("u1", "x"), CancellationToken.None));
        await bot.Host.StopAsync();

        // The failures were logged, the resilience pipeline's retries among them, so the check below read real error text.
        Assert.StartsWith("Đã nhận", reply.Text, StringComparison.Ordinal);
        Assert.Contains(bot.Log.Entries, e => e.Message.Contains("401", StringComparison.Ordinal));
        Assert.Contains(bot.Log.Entries, e => e.Category.StartsWith("Polly", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, bot.Log.Text, StringComparison.Ordinal);
        Assert.All(outcomes, o => Assert.IsType<SendOutcome.Transient>(o));
        Assert.All(outcomes, o => Assert.DoesNotContain(Secret, o.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_capture_would_see_the_token_if_an_HttpClient_logged_its_URL()
    {
        // The control: a client with the factory's default logging handlers does write the URL, token and all.
        await using var fake = await FakeZaloServer.StartAsync(WithToken);
        var log = new RecordingLog();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(log));
        services.AddHttpClient("plain");
        await using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("plain");

        using var response = await http.PostAsync(new Uri($"{fake.BaseUrl}/bot{fake.Token}/getMe"), null);

        Assert.Contains(Secret, log.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Zalo:BotToken", "abc def ghi", "Zalo:BotToken")]
    [InlineData("Zalo:ApiBaseUrl", "bot-api.zaloplatforms.com", "Zalo:ApiBaseUrl")]
    [InlineData("Zalo:Timeout", "00:00:02", "Zalo:Timeout")]
    [InlineData("Zalo:MessagesPerSecond", "0", "Zalo:MessagesPerSecond")]
    [InlineData("Zalo:BotLink", "zalo.me/123", "Zalo:BotLink")]
    [InlineData("Zalo:Mode", "Webhook", "Zalo:WebhookUrl")]
    [InlineData("Zalo:Mode", "Webhook", "Zalo:WebhookSecret")]
    public async Task A_wrong_setting_stops_the_start_and_is_named_without_the_token(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { ["Zalo:BotToken"] = "3141592653589793:" + Secret, [key] = value };
        using var host = ZaloBot.Build(settings, new RecordingConversation(), new RecordingLog());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith(named + " ", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, string.Join(' ', error.Failures), StringComparison.Ordinal);
        Assert.DoesNotContain("abc def", string.Join(' ', error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Zalos_own_server_posts_only_to_https_while_a_local_one_may_post_to_http()
    {
        var validation = new ZaloOptionsValidation();
        ZaloOptions Webhook(string api, string url) => new()
        {
            BotToken = "3141592653589793:" + Secret,
            ApiBaseUrl = api,
            Mode = MessengerMode.Webhook,
            WebhookUrl = url,
            WebhookSecret = "0123456789abcdef_-XY",
        };

        Assert.True(validation.Validate(null, Webhook(ZaloOptions.DefaultApiBaseUrl, "https://bot.example.org/zalo/webhook")).Succeeded);
        Assert.False(validation.Validate(null, Webhook(ZaloOptions.DefaultApiBaseUrl, "http://bot.example.org/zalo/webhook")).Succeeded);
        Assert.True(validation.Validate(null, Webhook("http://127.0.0.1:9000", "http://127.0.0.1:8081/zalo/webhook")).Succeeded);
    }

    [Fact]
    public void Without_a_token_Zalo_is_off_and_nothing_of_it_is_registered()
    {
        using var host = ZaloBot.Build(new Dictionary<string, string?>(), new RecordingConversation(), new RecordingLog());

        Assert.Null(host.Services.GetService<ZaloChannel>());
        Assert.Empty(host.Services.GetServices<IHostedService>());
    }
}
