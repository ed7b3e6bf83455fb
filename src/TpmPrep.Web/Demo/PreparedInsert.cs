using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using TpmPrep.Web.Data;

namespace TpmPrep.Web.Demo;

/// <summary>
/// One INSERT of an entity's row, built from the EF model (table, columns, value conversions, so it follows the
/// schema), prepared once and run for row after row in the context's current transaction. For seeding tens of
/// thousands of rows: SaveChanges sends each new row of a SQLite table as a command of its own, with its SQL
/// generated again every time, which takes minutes for a long history.
/// </summary>
internal sealed class PreparedInsert<T> : IAsyncDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly (IProperty Property, RelationalTypeMapping Mapping, DbParameter Parameter)[] _columns;
    private readonly bool _returnsKey;

    private PreparedInsert(DbCommand command, (IProperty, RelationalTypeMapping, DbParameter)[] columns, bool returnsKey)
    {
        _command = command;
        _columns = columns;
        _returnsKey = returnsKey;
    }

    /// <summary>An insert of every mapped column but a key the database generates, which the insert returns instead.</summary>
    public static async Task<PreparedInsert<T>> CreateAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Begin a transaction first: the rows are written in it.");
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = entityType.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated : null;
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        var columns = entityType.GetProperties()
            .Where(p => p != key && !p.IsShadowProperty() && p.GetColumnName(table) is not null)
            .Select((p, i) =>
            {
                var mapping = (RelationalTypeMapping)p.GetRelationalTypeMapping();
                var parameter = mapping.CreateParameter(command, sql.GenerateParameterName($"p{i}"), null, p.IsNullable);
                command.Parameters.Add(parameter);
                return (Property: p, Mapping: mapping, Parameter: parameter);
            })
            .ToArray();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter.ParameterName))})"
            + (key is null ? string.Empty : $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}");
        await command.PrepareAsync(cancellationToken);
        return new PreparedInsert<T>(command, columns, key is not null);
    }

    /// <summary>Writes <paramref name="row"/>; returns the key the database gave it, or null when the key is not generated.</summary>
    public async Task<object?> RunAsync(T row, CancellationToken cancellationToken)
    {
        foreach (var (property, mapping, parameter) in _columns)
        {
            var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
            parameter.Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
        }

        if (_returnsKey)
        {
            return await _command.ExecuteScalarAsync(cancellationToken);
        }

        await _command.ExecuteNonQueryAsync(cancellationToken);
        return null;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
