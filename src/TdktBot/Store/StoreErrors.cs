using System.Net.Sockets;
using Npgsql;
using TdktBot.Data;

namespace TdktBot.Store;

/// <summary>What to tell a person when the store fails: the setting to check, the connection string without its password.</summary>
public static class StoreErrors
{
    /// <summary>A store error in Vietnamese, naming the settings that lead to the store (<paramref name="setting"/> for a connection given elsewhere).</summary>
    public static string Describe(StoreOptions store, Exception ex, string setting = StoreOptions.TdktKey)
    {
        var detail = (ex.InnerException ?? ex).Message;
        if (store.Provider == StoreProvider.Sqlite)
        {
            return $"Lỗi cơ sở dữ liệu: {detail} Hãy kiểm tra thư mục dữ liệu (Data:Folder, {StoreOptions.TdktKey}): có tồn tại, ghi được, "
                + "và không bị chương trình khác khóa.";
        }

        var connection = store.TdktConnectionString;
        return $"Lỗi cơ sở dữ liệu PostgreSQL ({setting} = «{Masked(connection)}»): {Reason(ex)} "
            + $"Chi tiết: {WithoutSecrets(detail, connection).TrimEnd('.')}. Hãy kiểm tra máy chủ PostgreSQL và {setting} (Host, Port, Database, Username, Password).";
    }

    /// <summary>
    /// A PostgreSQL <paramref name="connectionString"/> as it may be shown: its passwords replaced by ***. One that cannot be
    /// read is not shown at all, as a password may be anywhere in it.
    /// </summary>
    public static string Masked(string connectionString)
    {
        try
        {
            var parts = new NpgsqlConnectionStringBuilder(connectionString);
            parts.Password = parts.Password is null ? null : "***";
            parts.SslPassword = parts.SslPassword is null ? null : "***";
            return parts.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(không đọc được nên không hiển thị)";
        }
    }

    /// <summary><paramref name="text"/> with the passwords of <paramref name="connectionString"/> taken out, for messages a driver wrote.</summary>
    public static string WithoutSecrets(string text, string connectionString)
    {
        try
        {
            var parts = new NpgsqlConnectionStringBuilder(connectionString);
            return new[] { parts.Password, parts.SslPassword }.OfType<string>().Where(s => s.Length > 0)
                .Aggregate(text, (shown, secret) => shown.Replace(secret, "***", StringComparison.Ordinal));
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    private static string Reason(Exception ex) => Innermost<PostgresException>(ex) switch
    {
        { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
            "máy chủ từ chối đăng nhập: sai tên người dùng (Username) hoặc mật khẩu (Password).",
        { SqlState: PostgresErrorCodes.InvalidCatalogName } => "cơ sở dữ liệu (Database) không có, và người dùng không được tạo nó.",
        { SqlState: PostgresErrorCodes.InsufficientPrivilege } => "người dùng không đủ quyền trên cơ sở dữ liệu này.",
        null when Innermost<SocketException>(ex) is not null || Innermost<TimeoutException>(ex) is not null =>
            "không kết nối được máy chủ (Host, Port): máy chủ chưa chạy, sai địa chỉ, hoặc bị tường lửa chặn.",
        _ => "thao tác trên cơ sở dữ liệu không thành công.",
    };

    private static T? Innermost<T>(Exception? ex)
        where T : Exception
    {
        T? found = null;
        for (; ex is not null; ex = ex.InnerException)
        {
            found = ex as T ?? found;
        }

        return found;
    }
}
