using Microsoft.Data.Sqlite;

namespace TdktBot.Data;

/// <summary>
/// The store's version for what conversations read: a single number in table <c>StoreVersion</c> that triggers move on
/// with every insert, update or delete in <see cref="WatchedTables"/>, in the writer's own transaction, whichever
/// process writes. Reading it costs one tiny prepared query on a connection kept open for it, so a reader can keep
/// its own copy of those tables and reload only when the number has moved. Thread-safe.
/// </summary>
public sealed class StoreVersion : IDisposable
{
    /// <summary>The tables a conversation's answers come from. A migration that rebuilds one must create its triggers again (a test checks them all).</summary>
    public static readonly IReadOnlyList<string> WatchedTables = ["Units", "Plans", "Targets", "Obligations", "Chats"];

    private readonly Lock _gate = new();
    private readonly string _connectionString;
    private SqliteConnection? _connection;
    private SqliteCommand? _read;

    public StoreVersion(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
    }

    public static string TriggerName(string table, string change) => $"StoreVersion_{table}_{change}";

    public static string TriggerSql(string table, string change) =>
        $"""CREATE TRIGGER "{TriggerName(table, change)}" AFTER {change} ON "{table}" BEGIN UPDATE "StoreVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;""";

    /// <summary>The current number; it only ever grows.</summary>
    public long Read()
    {
        lock (_gate)
        {
            if (_read is null)
            {
                _connection = new SqliteConnection(_connectionString);
                _connection.Open();
                _read = _connection.CreateCommand();
                _read.CommandText = """SELECT "Value" FROM "StoreVersion" WHERE "Id" = 1;""";
                _read.Prepare();
            }

            try
            {
                return (long)_read.ExecuteScalar()!;
            }
            catch
            {
                // A broken connection (the file replaced, say) is opened again next time rather than failing for ever.
                Close();
                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Close();
        }
    }

    private void Close()
    {
        _read?.Dispose();
        _read = null;
        _connection?.Dispose();
        _connection = null;
    }
}
