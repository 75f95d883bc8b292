using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TdktBot.Data;

/// <summary>
/// Copies every row of one store into another, empty one, keys and all, as the office moves from the SQLite file to a
/// PostgreSQL server (<c>store copy --to</c>). Both sides are the same EF model, so each provider converts its own
/// values; tables go in the order of their foreign keys, in one transaction on the target, so a copy that fails leaves
/// the target as empty as it was. The store's version row, which migrations create, is carried over, not inserted.
/// </summary>
public static class StoreCopy
{
    private const int Chunk = 2000;

    private static readonly MethodInfo CopyTable = typeof(StoreCopy).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo HasRows = typeof(StoreCopy).GetMethod(nameof(HasRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The tables of <paramref name="target"/> that already hold rows, by name; a copy goes only into a store where this is empty.</summary>
    public static async Task<IReadOnlyList<string>> FilledTablesAsync(TdktDbContext target, CancellationToken ct = default)
    {
        var filled = new List<string>();
        foreach (var entity in Tables(target.Model).Where(e => e.ClrType != typeof(Entities.StoreVersion)))
        {
            if (await (Task<bool>)HasRows.MakeGenericMethod(entity.ClrType).Invoke(null, [target, ct])!)
            {
                filled.Add(entity.GetTableName()!);
            }
        }

        return filled;
    }

    /// <summary>
    /// Copies every table of <paramref name="source"/> into <paramref name="target"/>, which must be migrated and empty
    /// (<see cref="FilledTablesAsync"/>), and returns the rows copied per table, in the order copied. Generated keys are kept,
    /// and PostgreSQL's identity sequences are moved past them, so new rows on the target never collide with copied ones.
    /// </summary>
    public static async Task<IReadOnlyList<(string Table, int Rows)>> CopyAsync(TdktDbContext source, TdktDbContext target, CancellationToken ct = default)
    {
        var copied = new List<(string, int)>();
        await using var transaction = await target.Database.BeginTransactionAsync(ct);
        foreach (var entity in Tables(source.Model))
        {
            var rows = await (Task<int>)CopyTable.MakeGenericMethod(entity.ClrType).Invoke(null, [source, target, ct])!;
            copied.Add((entity.GetTableName()!, rows));
        }

        if (target.Database.IsNpgsql())
        {
            foreach (var entity in Tables(target.Model))
            {
                await MoveSequenceAsync(target, entity, ct);
            }
        }

        await transaction.CommitAsync(ct);
        return copied;
    }

    private static async Task<bool> HasRowsAsync<T>(TdktDbContext db, CancellationToken ct)
        where T : class => await db.Set<T>().AnyAsync(ct);

    private static async Task<int> CopyTableAsync<T>(TdktDbContext source, TdktDbContext target, CancellationToken ct)
        where T : class
    {
        if (typeof(T) == typeof(Entities.StoreVersion))
        {
            // Migrations seed the row on both sides: the target takes the source's count, so it only ever grows.
            var version = await source.Versions.AsNoTracking().SingleAsync(ct);
            await target.Versions.ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, version.Value), ct);
            return 1;
        }

        var rows = 0;
        var batch = new List<T>(Chunk);
        await foreach (var row in source.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(row);
            if (batch.Count == Chunk)
            {
                rows += await SaveAsync(target, batch, ct);
            }
        }

        return rows + await SaveAsync(target, batch, ct);
    }

    private static async Task<int> SaveAsync<T>(TdktDbContext target, List<T> batch, CancellationToken ct)
        where T : class
    {
        var count = batch.Count;
        target.Set<T>().AddRange(batch);
        await target.SaveChangesAsync(ct);
        target.ChangeTracker.Clear();
        batch.Clear();
        return count;
    }

    private static async Task MoveSequenceAsync(TdktDbContext target, IEntityType entity, CancellationToken ct)
    {
        var key = entity.FindPrimaryKey()!.Properties;
        if (key.Count != 1 || key[0].ValueGenerated != ValueGenerated.OnAdd || key[0].ClrType != typeof(long))
        {
            return;
        }

        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var quotedTable = Quote(table.Name);
        var column = key[0].GetColumnName(table)!;

        // The next generated key follows the largest copied one (or starts at 1 on an empty table). The names come from the model.
        var sql = "SELECT setval(pg_get_serial_sequence({0}, {1}), COALESCE((SELECT MAX(" + Quote(column) + ") FROM " + quotedTable + "), 0) + 1, false)";
        await target.Database.ExecuteSqlRawAsync(sql, [quotedTable, column], ct);
    }

    /// <summary>The model's tables, each after those its foreign keys point to.</summary>
    private static List<IEntityType> Tables(IModel model)
    {
        var ordered = new List<IEntityType>();
        var pending = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).OrderBy(e => e.GetTableName(), StringComparer.Ordinal).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.First(e => e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || ordered.Contains(fk.PrincipalEntityType)));
            ordered.Add(ready);
            pending.Remove(ready);
        }

        return ordered;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

}
