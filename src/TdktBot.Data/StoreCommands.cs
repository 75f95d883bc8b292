using System.Globalization;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace TdktBot.Data;

/// <summary>
/// Plain SQL on a context's own connection, for the few small statements that run often or at every start (the
/// outbox's "anything due?", the plan import mark): EF Core would compile, cache and track for each of them.
/// </summary>
internal static class StoreCommands
{
    /// <summary>Whether <paramref name="query"/> (a SELECT, parameters named as written in it) finds any row.</summary>
    public static Task<bool> ExistsAsync(this TdktDbContext db, string query, IEnumerable<KeyValuePair<string, object>> parameters, CancellationToken ct) =>
        db.RunAsync($"SELECT EXISTS ({query});", parameters,
            async (command, token) => Convert.ToInt64(await command.ExecuteScalarAsync(token).ConfigureAwait(false), CultureInfo.InvariantCulture) != 0, ct);

    /// <summary>Runs <paramref name="sql"/> with <paramref name="parameters"/> (names as written in it) and hands the command to <paramref name="run"/>.</summary>
    public static async Task<T> RunAsync<T>(this TdktDbContext db, string sql, IEnumerable<KeyValuePair<string, object>> parameters,
        Func<DbCommand, CancellationToken, Task<T>> run, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                foreach (var (name, value) in parameters)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value;
                    command.Parameters.Add(parameter);
                }

                return await run(command, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
