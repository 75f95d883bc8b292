using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using TdktBot.Data;
using TdktBot.Store;

namespace TdktBot.Cli;

/// <summary><c>store copy --to</c>: moves the store as configured (the SQLite file by default) into an empty PostgreSQL database.</summary>
public sealed class StoreCommands(IConfiguration configuration, TextWriter output, TextWriter error)
{
    private const string ToOption = "--to";

    public async Task<int> CopyAsync(string to, CancellationToken ct)
    {
        var source = StoreOptions.From(configuration);
        var target = new StoreOptions { Provider = StoreProvider.Postgres, Tdkt = to };
        if (!IsPostgres(to))
        {
            error.WriteLine($"{ToOption} không phải chuỗi kết nối PostgreSQL đọc được; cần dạng "
                + "Host=127.0.0.1;Port=5432;Database=tdkt;Username=tdkt;Password=<mật khẩu>. Không chép gì.");
            return CliApp.InputError;
        }

        if (source.Provider == StoreProvider.Sqlite && SqliteFile(source.TdktConnectionString) is { } file && !File.Exists(file))
        {
            error.WriteLine($"Không có cơ sở dữ liệu để chép: tệp «{file}» chưa có (Data:Folder, {StoreOptions.TdktKey}). "
                + "Hãy chạy lệnh trong thư mục của bot hoặc chỉ đúng thư mục dữ liệu. Không chép gì.");
            return CliApp.InputError;
        }

        await using var from = new TdktDbContext(TdktStore.Options(source.TdktConnectionString, source.Provider));
        await TdktStore.MigrateAsync(from, ct);

        IReadOnlyList<(string Table, int Rows)> copied;
        try
        {
            await using var into = new TdktDbContext(TdktStore.Options(to, StoreProvider.Postgres));
            await TdktStore.MigrateAsync(into, ct);
            var filled = await StoreCopy.FilledTablesAsync(into, ct);
            if (filled.Count > 0)
            {
                error.WriteLine($"Cơ sở dữ liệu đích («{StoreErrors.Masked(to)}») đã có dữ liệu (bảng {string.Join(", ", filled)}). "
                    + "Chỉ chép vào một cơ sở dữ liệu trống, để không trộn hai kho; hãy tạo cơ sở dữ liệu mới (createdb) rồi chạy lại. Không chép gì.");
                return CliApp.InputError;
            }

            copied = await StoreCopy.CopyAsync(from, into, ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or DbUpdateException or InvalidOperationException { InnerException: NpgsqlException })
        {
            error.WriteLine(StoreErrors.Describe(target, ex, ToOption) + " Không chép gì.");
            return CliApp.InputError;
        }

        output.WriteLine($"Đã chép cơ sở dữ liệu sang PostgreSQL «{StoreErrors.Masked(to)}»:");
        foreach (var (table, rows) in copied)
        {
            output.WriteLine($"  {table}: {rows}");
        }

        output.WriteLine($"Để bot dùng cơ sở dữ liệu mới: đặt {StoreOptions.ProviderKey} = Postgres và {StoreOptions.TdktKey} = chuỗi kết nối vừa dùng, rồi khởi động lại bot.");
        return 0;
    }

    private static bool IsPostgres(string connection)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connection).Host);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return false;
        }
    }

    private static string? SqliteFile(string connection) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource is { Length: > 0 } file && file != ":memory:" ? Path.GetFullPath(file) : null;
}
