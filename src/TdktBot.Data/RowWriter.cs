using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TdktBot.Data;

/// <summary>
/// Inserts many new rows of one entity with one prepared statement, inside the caller's transaction, reading column
/// names and value conversions (enums as text, instants as UTC milliseconds) from the EF model, so it follows every
/// migration. For the reminder sweep, which can write hundreds of thousands of rows at once: EF's change tracker costs
/// far more than the rows themselves there. Generated keys are read back into the entities when asked for.
/// Plain parameters, quoted names and RETURNING, as SQLite and PostgreSQL both read them. Synchronous: Microsoft.Data.Sqlite
/// runs every command synchronously anyway, and its async wrappers cost more per row than a small insert itself.
/// </summary>
public sealed class RowWriter<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private readonly DbCommand _command;
    private readonly List<(IProperty Property, IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter)> _columns = [];
    private readonly IProperty _key;
    private readonly bool _readKeys;

    /// <param name="readKeys">Whether <see cref="Insert"/> sets each row's generated key (INSERT … RETURNING), for rows that others refer to.</param>
    public RowWriter(TdktDbContext db, DbTransaction transaction, bool readKeys)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _key = entity.FindPrimaryKey()!.Properties.Single();
        _readKeys = readKeys;
        _command = transaction.Connection!.CreateCommand();
        _command.Transaction = transaction;
        foreach (var property in entity.GetProperties().Where(p => p != _key))
        {
            // Typed by the provider's mapping, as EF types its own: PostgreSQL prepares a statement only with typed parameters.
            var parameter = property.GetRelationalTypeMapping().CreateParameter(_command, "@p" + _columns.Count, null, property.IsNullable);
            _command.Parameters.Add(parameter);
            _columns.Add((property, property.GetGetter(), property.GetTypeMapping().Converter, parameter));
        }

        var columns = string.Join(", ", _columns.Select(c => Quote(c.Property.GetColumnName(table)!)));
        var values = string.Join(", ", _columns.Select(c => c.Parameter.ParameterName));
        _command.CommandText = $"INSERT INTO {Quote(table.Name)} ({columns}) VALUES ({values})" + (readKeys ? $" RETURNING {Quote(_key.GetColumnName(table)!)};" : ";");
        _command.Prepare();
    }

    /// <summary>Inserts one row, and sets its generated key on <paramref name="row"/> if the writer reads keys.</summary>
    public void Insert(TEntity row)
    {
        foreach (var (_, getter, converter, parameter) in _columns)
        {
            var value = getter.GetClrValue(row);
            parameter.Value = (converter is null || value is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }

        if (!_readKeys)
        {
            _command.ExecuteNonQuery();
            return;
        }

        var id = _command.ExecuteScalar();
        _key.PropertyInfo!.SetValue(row, Convert.ChangeType(id, _key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
