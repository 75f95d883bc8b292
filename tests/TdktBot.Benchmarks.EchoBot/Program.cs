using TdktBot.Benchmarks.EchoBot;

// Settings as the bot takes them from the environment (Telegram__BotToken, Telegram__ApiBaseUrl).
var token = Environment.GetEnvironmentVariable("Telegram__BotToken");
var baseUrl = Environment.GetEnvironmentVariable("Telegram__ApiBaseUrl");
if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(baseUrl))
{
    await Console.Error.WriteLineAsync("Set Telegram__BotToken and Telegram__ApiBaseUrl.");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var http = new HttpClient();
await EchoLoop.RunAsync(EchoLoop.Client(token, baseUrl, http), stop.Token);
return 0;
