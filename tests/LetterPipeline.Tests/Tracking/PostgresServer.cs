using System.Reflection;
using Npgsql;
using Xunit.Sdk;

namespace LetterPipeline.Tests.Tracking;

/// <summary>
/// The PostgreSQL server the tests use: <c>LETTERPIPE_TEST_POSTGRES</c> (set by .ci/services). Outside CI without it
/// the PostgreSQL cases are skipped with a visible reason; with <c>CI=true</c> they run and fail instead.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "LETTERPIPE_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string? SkipReason => ConnectionString is null && !IsCi
        ? $"No PostgreSQL server: set {Variable} (e.g. \"Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres\"); .ci/services starts one in CI."
        : null;

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A new, empty database on the server; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = ConnectionString
            ?? throw new InvalidOperationException($"CI=true but {Variable} is not set: .ci/services did not start PostgreSQL.");
        var name = "letterpipe_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE);", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>The theory row "postgres", skipped with a reason when no server is configured outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute() => Skip = PostgresServer.SkipReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["postgres"]];
}

/// <summary>A fact that needs the PostgreSQL server, skipped with a reason when none is configured outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresServer.SkipReason;
}
