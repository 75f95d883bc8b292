using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using TdktBot.Testing;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Reminders;
using TdktBot.Core.Conversations;

namespace TdktBot.Benchmarks;

/// <summary>
/// One reminder sweep over many owed obligations (units × deadlines, each deadline with a reminder due at the
/// sweep's instant, one chat per unit), on a SQLite file migrated like production; no messenger. Timed: from the
/// moment the sweep has computed its reminders and starts saving until every reminder and delivery row is stored
/// (the first row the sweep hands to EF marks the start), and the whole sweep beside it. Baseline: the same number of
/// delivery rows (same columns, text and keys alike) inserted with Microsoft.Data.Sqlite in one transaction with
/// one prepared command, into a second store migrated the same way.
/// </summary>
internal static class FanoutScenario
{
    // A Tuesday at the reminder hour, in the commune's zone.
    private static readonly DateTimeOffset Now = new(2026, 3, 24, 8, 0, 30, TimeSpan.FromHours(7));

    public static async Task<Report> RunAsync(Size size)
    {
        var policy = Policy();
        var folder = BenchHost.NewFolder();
        try
        {
            var swept = Path.Combine(folder, "sweep.db");
            await SeedAsync(Options(swept), size, policy, withPlan: true);
            var (result, whole, computed, allocated) = await SweepAsync(Options(swept), policy);
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
            var obligations = Check(size, result);

            Delivery sample;
            await using (var db = new TdktDbContext(Options(swept)))
            {
                sample = await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).FirstAsync();
            }

            var raw = Path.Combine(folder, "raw.db");
            await SeedAsync(Options(raw), size, policy, withPlan: false);
            var baseline = RawInsert(raw, obligations, sample);

            var seconds = (whole - computed).TotalSeconds;
            var ratio = seconds / baseline.TotalSeconds;
            var report = new Report("fanout");
            report.Row("obligations", $"{obligations}", $"{obligations}", $"{size.Units} units × {size.Deadlines} deadlines, one chat each");
            report.Row("computed → stored, s", Report.Number(seconds, 3), Report.Number(baseline.TotalSeconds, 3),
                $"ratio {Report.Number(ratio, 2)} " + Report.Target(ratio <= 3, "≤ 3× raw insert"));
            report.Row("whole sweep, s", Report.Number(whole.TotalSeconds, 3), "", "loading what is owed, computing, storing");
            report.Row("rows written", $"{result.Reminders + result.Deliveries}", $"{obligations}", "reminders + deliveries vs deliveries only");
            report.Row("peak working set, MB", Report.Number(peakMb), "", Report.Target(peakMb < 300, "< 300 MB") + ", whole process");
            report.Row("allocated by the sweep, MB", Report.Number(allocated / 1048576.0), "", "GC.GetTotalAllocatedBytes");
            report.Json("obligations", obligations);
            report.Json("seconds", seconds);
            report.Json("baseline_seconds", baseline.TotalSeconds);
            report.Json("ratio", ratio);
            report.Json("sweep_seconds", whole.TotalSeconds);
            report.Json("peak_mb", peakMb);
            report.Json("allocated_mb", allocated / 1048576.0);
            return report;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The same sweep on a throwaway PostgreSQL (<c>fanout --store postgres</c>). Baseline: the very rows the sweep stored
    /// (reminders and deliveries, keys included) written by Npgsql's binary COPY into a second database seeded alike.
    /// </summary>
    public static async Task<Report> RunOnPostgresAsync(Size size)
    {
        var policy = Policy();
        using var postgres = new PostgresCluster();
        var swept = TdktStore.Options(postgres.CreateDatabase(), StoreProvider.Postgres);
        await SeedAsync(swept, size, policy, withPlan: true);
        var (result, whole, computed, allocated) = await SweepAsync(swept, policy);
        var obligations = Check(size, result);

        List<Reminder> reminders;
        List<Delivery> deliveries;
        await using (var db = new TdktDbContext(swept))
        {
            reminders = await db.Reminders.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
            deliveries = await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
        }

        var rawConnection = postgres.CreateDatabase();
        var raw = TdktStore.Options(rawConnection, StoreProvider.Postgres);
        await SeedAsync(raw, size, policy, withPlan: true);
        TimeSpan baseline;
        await using (var db = new TdktDbContext(raw))
        await using (var connection = new NpgsqlConnection(rawConnection))
        {
            await connection.OpenAsync();
            var watch = Stopwatch.StartNew();
            await using var transaction = await connection.BeginTransactionAsync();
            await CopyAsync(connection, db, reminders);
            await CopyAsync(connection, db, deliveries);
            await transaction.CommitAsync();
            baseline = watch.Elapsed;
        }

        var seconds = (whole - computed).TotalSeconds;
        var ratio = seconds / baseline.TotalSeconds;
        var rows = result.Reminders + result.Deliveries;
        var report = new Report("fanout-postgres");
        report.Row("obligations", $"{obligations}", $"{obligations}", $"{size.Units} units × {size.Deadlines} deadlines, one chat each");
        report.Row("computed → stored, s", Report.Number(seconds, 3), Report.Number(baseline.TotalSeconds, 3),
            $"ratio {Report.Number(ratio, 2)} " + Report.Target(ratio <= 2, "≤ 2× COPY of the same rows"));
        report.Row("whole sweep, s", Report.Number(whole.TotalSeconds, 3), "", "loading what is owed, computing, storing");
        report.Row("rows written", $"{rows}", $"{reminders.Count + deliveries.Count}", "reminders + deliveries, both sides");
        report.Row("rows per second", Report.Number(rows / seconds, 0), Report.Number(rows / baseline.TotalSeconds, 0), "");
        report.Row("allocated by the sweep, MB", Report.Number(allocated / 1048576.0), "", "GC.GetTotalAllocatedBytes");
        report.Json("obligations", obligations);
        report.Json("seconds", seconds);
        report.Json("baseline_seconds", baseline.TotalSeconds);
        report.Json("ratio", ratio);
        report.Json("sweep_seconds", whole.TotalSeconds);
        report.Json("allocated_mb", allocated / 1048576.0);
        return report;
    }

    /// <summary>One sweep at <see cref="Now"/>: its result, its whole time, when it started storing, and what it allocated.</summary>
    private static async Task<(SweepResult Result, TimeSpan Whole, TimeSpan Computed, long Allocated)> SweepAsync(
        DbContextOptions<TdktDbContext> store, ReminderPolicy policy)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var whole = Stopwatch.StartNew();

        // The sweep computes every row before it opens the transaction that stores them all.
        var computed = new StoreStarted(whole);
        var options = new DbContextOptionsBuilder<TdktDbContext>(store).AddInterceptors(computed).Options;
        SweepResult result;
        await using (var db = new TdktDbContext(options))
        {
            result = await new ReminderSweep(db, policy, NullLogger<ReminderSweep>.Instance).RunAsync(Now);
        }

        whole.Stop();
        return (result, whole.Elapsed, computed.At, GC.GetTotalAllocatedBytes() - allocated);
    }

    private static int Check(Size size, SweepResult result)
    {
        var obligations = size.Units * size.Deadlines;
        if (result.Deliveries != obligations || result.Skipped != 0)
        {
            throw new InvalidOperationException($"The sweep stored {result.Deliveries} deliveries ({result.Skipped} skipped) for {obligations} obligations.");
        }

        return obligations;
    }

    /// <summary>Writes <paramref name="rows"/> with every column, keys included, by binary COPY, converting values as the EF model does.</summary>
    private static async Task CopyAsync<T>(NpgsqlConnection connection, TdktDbContext db, List<T> rows)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => (Name: p.GetColumnName(table)!, Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter)).ToList();
        var list = string.Join(", ", columns.Select(c => "\"" + c.Name + "\""));
        await using var import = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({list}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await import.StartRowAsync();
            foreach (var (_, getter, converter) in columns)
            {
                var value = getter.GetClrValue(row);
                value = converter is null || value is null ? value : converter.ConvertToProvider(value);
                if (value is null)
                {
                    await import.WriteNullAsync();
                }
                else
                {
                    await import.WriteAsync(value);
                }
            }
        }

        await import.CompleteAsync();
    }

    private static ReminderPolicy Policy()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("calendar.json", optional: false)
            .Build();
        using var services = new ServiceCollection().AddReminderPolicy(configuration).BuildServiceProvider();
        return services.GetRequiredService<ReminderPolicy>();
    }

    private static DbContextOptions<TdktDbContext> Options(string file) => TdktStore.Options($"Data Source={file}");

    /// <summary>When the sweep's first transaction started, on the whole sweep's stopwatch.</summary>
    private sealed class StoreStarted(Stopwatch whole) : DbTransactionInterceptor
    {
        public TimeSpan At { get; private set; }

        public override ValueTask<DbTransaction> TransactionStartedAsync(
            DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            if (At == TimeSpan.Zero)
            {
                At = whole.Elapsed;
            }

            return ValueTask.FromResult(result);
        }
    }

    /// <summary>
    /// Units with one chat each; with the plan, deadlines that each have a reminder slot at <see cref="Now"/> and
    /// one owed obligation per unit and deadline, scheduled from just before. Stored in chunks to keep memory low.
    /// </summary>
    private static async Task SeedAsync(DbContextOptions<TdktDbContext> options, Size size, ReminderPolicy policy, bool withPlan)
    {
        await using var db = new TdktDbContext(options);
        await TdktStore.MigrateAsync(db);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var created = Now.AddDays(-30);
        var units = new List<long>(size.Units);
        for (var first = 0; first < size.Units; first += 1000)
        {
            var chunk = Enumerable.Range(first, Math.Min(1000, size.Units - first))
                .Select(i => new UnitRecord { Name = $"Đơn vị thử {i + 1}" }).ToList();
            db.Units.AddRange(chunk);
            await db.SaveChangesAsync();
            db.Chats.AddRange(chunk.Select(u => new Chat
            {
                Channel = Messenger.Telegram,
                Address = (2_000_000 + u.Id).ToString(CultureInfo.InvariantCulture),
                UnitId = u.Id,
                CreatedAt = created,
            }));
            await db.SaveChangesAsync();
            units.AddRange(chunk.Select(u => u.Id));
            db.ChangeTracker.Clear();
        }

        if (!withPlan)
        {
            return;
        }

        // Due dates whose reminders include one at exactly the sweep's instant (7, 3, 1 or 0 days before).
        var today = DateOnly.FromDateTime(Now.Date);
        var dues = Enumerable.Range(0, 30).Select(today.AddDays)
            .Where(due => policy.UnitSlots(due).Any(s => s.At <= Now && Now - s.At < TimeSpan.FromMinutes(1)))
            .ToList();
        var plan = new PlanRecord { Year = 2026, Title = "Kế hoạch thử", LoadedAt = created };
        plan.Targets.AddRange(Enumerable.Range(1, size.Deadlines).Select(i => new PlanTarget
        {
            Kind = TargetKind.Deadline,
            Number = $"D{i}",
            Content = $"Báo cáo số {i}: nộp báo cáo kết quả thực hiện phong trào thi đua của đơn vị về Phòng Văn hóa - Xã hội",
            Due = dues[i % dues.Count],
        }));
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var targets = plan.Targets.Select(t => t.Id).ToList();
        db.ChangeTracker.Clear();

        foreach (var chunk in units.Chunk(500))
        {
            db.Obligations.AddRange(chunk.SelectMany(unit => targets.Select(target => new Obligation
            {
                TargetId = target,
                UnitId = unit,
                Status = ObligationStatus.Pending,
                ScheduleFrom = Now.AddMinutes(-1),
            })));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The baseline: <paramref name="rows"/> delivery rows like <paramref name="sample"/>, one transaction, one prepared INSERT.</summary>
    private static TimeSpan RawInsert(string file, int rows, Delivery sample)
    {
        using var connection = new SqliteConnection($"Data Source={file};Foreign Keys=True");
        connection.Open();
        var chats = new List<long>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id FROM Chats ORDER BY Id";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                chats.Add(reader.GetInt64(0));
            }
        }

        var watch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Deliveries (Key, Kind, ChatId, Text, ReminderId, BroadcastId, Buttons, Attachment, Status, Attempts, NotBefore, MessageId, Error, CreatedAt, SentAt)
            VALUES ($key, $kind, $chat, $text, NULL, NULL, $buttons, NULL, $status, 0, $notBefore, NULL, NULL, $created, NULL)
            """;
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var chat = insert.Parameters.Add("$chat", SqliteType.Integer);
        insert.Parameters.AddWithValue("$kind", sample.Kind);
        insert.Parameters.AddWithValue("$text", sample.Text);
        insert.Parameters.AddWithValue("$buttons", (object?)sample.Buttons ?? DBNull.Value);
        insert.Parameters.AddWithValue("$status", sample.Status.ToString());
        insert.Parameters.AddWithValue("$notBefore", sample.NotBefore.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$created", sample.CreatedAt.ToUnixTimeMilliseconds());
        insert.Prepare();
        for (var i = 0; i < rows; i++)
        {
            chat.Value = chats[i % chats.Count];
            key.Value = string.Create(CultureInfo.InvariantCulture, $"rem:{i + 1}:7d>{chat.Value}");
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return watch.Elapsed;
    }
}
