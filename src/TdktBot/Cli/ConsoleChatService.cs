using System.Globalization;
using Microsoft.Extensions.Hosting;
using TdktBot.Data.Entities;
using TdktBot.Messaging;
using TdktBot.Plans;

namespace TdktBot.Cli;

/// <summary>
/// The local chat of <c>dotnet run</c> when no messenger is configured: the user picks a unit and a role,
/// then talks to the bot in the terminal while the worker's reminders arrive in the same window.
/// </summary>
public sealed class ConsoleChatService(IConversation conversation, PlanStore plans, IHostApplicationLifetime lifetime, TextReader input, TextWriter output) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start-up (migrations, plan load, catch-up) finishes first, so the unit list is there.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        if (plans.Directory is not { } directory)
        {
            return;
        }

        await output.WriteLineAsync("Trò chuyện thử với bot ngay tại đây. Chọn đơn vị (gõ số rồi Enter):");
        for (var i = 0; i < directory.Units.Count; i++)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {i + 1,2}. {directory.Units[i].Name}"));
        }

        var unit = await AskNumberAsync(directory.Units.Count, stoppingToken) is { } n ? directory.Units[n - 1] : null;
        if (unit is null)
        {
            return;
        }

        await output.WriteLineAsync("Vai trò: 1) thủ trưởng đơn vị  2) cán bộ  3) văn phòng theo dõi kế hoạch. Enter để chọn 1 (hoặc 3 với văn phòng).");
        var role = await AskNumberAsync(3, stoppingToken, allowEmpty: true) switch
        {
            2 => ChatRole.Staff,
            3 => ChatRole.Office,
            1 => ChatRole.Head,
            _ => unit.IsOffice ? ChatRole.Office : ChatRole.Head,
        };
        var chat = await plans.EnsureConsoleChatAsync(unit.Name, role, stoppingToken);
        if (chat is null)
        {
            return;
        }

        await output.WriteLineAsync($"Bạn đang là {unit.Name}. Hỏi ví dụ «quý này có việc gì», gõ /help để xem hướng dẫn, /bang để mở bảng theo dõi trên trình duyệt, Ctrl+C để thoát.");
        await ConsoleConversation.RunAsync(conversation, chat.Address, unit.Name, input, output, prompt: true, stoppingToken);
    }

    private async Task<int?> AskNumberAsync(int max, CancellationToken ct, bool allowEmpty = false)
    {
        while (true)
        {
            await output.WriteAsync("> ");
            await output.FlushAsync(ct);
            var line = await input.ReadLineAsync(ct);
            if (line is null)
            {
                return null;
            }

            if (allowEmpty && string.IsNullOrWhiteSpace(line))
            {
                return 0;
            }

            if (int.TryParse(line.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max)
            {
                return n;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Hãy gõ một số từ 1 đến {max}."));
        }
    }
}
