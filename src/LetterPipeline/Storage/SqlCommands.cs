using System.Data.Common;
using System.Globalization;

namespace LetterPipeline.Storage;

/// <summary>Parameterised commands on any ADO.NET connection, for the stores whose SQL is written once for both databases.</summary>
internal static class SqlCommands
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        // Microsoft.Data.Sqlite refuses a command without the connection's open transaction.
        command.Transaction = transaction;
#pragma warning disable CA2100 // SQL text is built from constants; values go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Runs a statement and returns the rows it changed.</summary>
    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The single number a <c>SELECT COUNT(*)</c> returns: SQLite and PostgreSQL both answer a 64-bit integer.</summary>
    public static async Task<long> CountAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
