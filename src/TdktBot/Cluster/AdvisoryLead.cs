using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TdktBot.Cluster;

/// <summary>
/// The lead on PostgreSQL: a session advisory lock held on a connection of its own. PostgreSQL frees it when that
/// connection ends, so a leader that dies (even SIGKILLed) frees it at once and a standby takes it at its next try; a
/// leader that can no longer reach the database stops leading at its next check, before anyone else can take over.
/// </summary>
public sealed partial class AdvisoryLead(string connectionString, string cluster, LeadOptions options, ILogger<AdvisoryLead> logger)
    : BackgroundService, ILead
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<CancellationToken> _won = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Held { get; private set; }

    public Task<CancellationToken> WaitAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return _won.Task.WaitAsync(ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await HoldAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The database is unreachable for a moment: whatever was led stops (done in HoldAsync), and it asks again.
                LogUnreachable(logger, error.GetType().Name, options.LeaseCheck);
            }

            await Task.Delay(options.LeaseCheck, stoppingToken);
        }
    }

    // Asks for the lock until it is given, then keeps checking the connection; returns (or throws) once the lead is lost.
    private async Task HoldAsync(CancellationToken stoppingToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Not from the pool: the lock lives exactly as long as this one connection.
            Pooling = false,
            ApplicationName = "tdkt-lead",
            KeepAlive = 5,
            CommandTimeout = Math.Max(1, (int)options.LeaseCheck.TotalSeconds),
        }.ConnectionString);
        await using (connection)
        {
            await connection.OpenAsync(stoppingToken);
            while (!await TryLockAsync(connection, stoppingToken))
            {
                await Task.Delay(options.LeaseCheck, stoppingToken);
            }

            using var lost = new CancellationTokenSource();
            Lead(lost.Token);
            LogLeading(logger, cluster);
            try
            {
                while (true)
                {
                    await Task.Delay(options.LeaseCheck, stoppingToken);
                    await using var check = new NpgsqlCommand("SELECT 1", connection);
                    await check.ExecuteScalarAsync(stoppingToken);
                }
            }
            finally
            {
                Standby();
                await lost.CancelAsync();
                if (!stoppingToken.IsCancellationRequested)
                {
                    LogLost(logger, cluster);
                }
            }
        }
    }

    private async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended(@key, 0))", connection);
        command.Parameters.AddWithValue("key", "tdkt:lead:" + cluster);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private void Lead(CancellationToken lost)
    {
        lock (_gate)
        {
            Held = true;
            _won.TrySetResult(lost);
        }
    }

    private void Standby()
    {
        lock (_gate)
        {
            Held = false;
            if (_won.Task.IsCompleted)
            {
                _won = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cụm {Cluster}: máy này dẫn (nhận tin bằng polling và gửi tin chờ).")]
    private static partial void LogLeading(ILogger logger, string cluster);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cụm {Cluster}: máy này thôi dẫn; chờ để nhận lại.")]
    private static partial void LogLost(ILogger logger, string cluster);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Không tới được cơ sở dữ liệu để giữ quyền dẫn ({Error}); thử lại sau {Wait}.")]
    private static partial void LogUnreachable(ILogger logger, string error, TimeSpan wait);
}
