using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TdktBot.Operations;
using Telegram.Bot;

namespace TdktBot.Messaging.Telegram;

/// <summary>The Telegram services, registered only when Telegram:BotToken is set.</summary>
public static class TelegramHosting
{
    /// <summary>
    /// Telegram as an <see cref="IChatChannel"/> for the outbox, <see cref="IBotLinks"/> for invite links, and the
    /// receiver (polling) or the webhook server, as Telegram:Mode says. Needs an <see cref="IConversation"/> registered.
    /// Settings are checked when the host starts.
    /// </summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelegramOptions.Section);
        var settings = section.Get<TelegramOptions>() ?? new TelegramOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddOptions<TelegramOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidation>();

        // One HttpClient for the life of the bot, made here rather than by IHttpClientFactory: the token is part of every
        // request's URL, so nothing may log requests, and a client that lives this long renews its connections every few
        // minutes to follow DNS changes. (The factory, configured to do the same, only added its handlers to remove.)
        services.AddSingleton(_ => new TelegramHttp(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })));
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<TelegramHttp>().Client;

            // RetryThreshold 0: the client must not sleep on a 429 itself; the outbox sender paces and pauses the channel.
            return new TelegramBotClient(new TelegramBotClientOptions(o.BotToken!, o.ApiBaseUrl) { RetryThreshold = 0 }, http)
            {
                Timeout = o.Timeout,
            };
        });

        services.AddSingleton<TelegramBotInfo>();
        services.AddSingleton<IBotLinks>(sp => sp.GetRequiredService<TelegramBotInfo>());
        services.AddSingleton<TelegramChannel>();
        services.AddSingleton<IChatChannel>(sp => sp.GetRequiredService<TelegramChannel>());
        services.AddSingleton<Archive.IFileDownloads>(sp => sp.GetRequiredService<TelegramChannel>());
        services.AddSingleton<TelegramStartup>();
        services.TryAddSingleton<ChatAnswers>();
        services.AddBotMetrics();
        services.AddSingleton<TelegramUpdates>();
        services.TryAddSingleton<UpdateLedger>();
        if (settings.Mode == MessengerMode.Webhook)
        {
            services.AddSingleton<TelegramWebhook>();
            services.AddHostedService(sp => sp.GetRequiredService<TelegramWebhook>());
        }
        else
        {
            services.AddHostedService<TelegramReceiver>();
        }

        return services;
    }

    /// <summary>The bot client's HttpClient, owned by the container so it is disposed with it.</summary>
    private sealed class TelegramHttp(HttpClient client) : IDisposable
    {
        public HttpClient Client { get; } = client;

        public void Dispose() => Client.Dispose();
    }
}
