using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LetterPipeline.Storage;

/// <summary>The <c>Storage</c> section: where the ledger and the reference store live.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string Sqlite = "Sqlite";

    public const string Postgres = "Postgres";

    [Required, Description("Database of the ledger and the reference store: Sqlite or Postgres")] public string Provider { get; set; } = Sqlite;

    [Required, Description("SQLite (Data Source=…) or Npgsql connection string")] public string ConnectionString { get; set; } = "Data Source=output/ledger.db";

    public static bool IsPostgres(StorageOptions options) => string.Equals(options.Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the ledger is, for the log, without the password: "sqlite:/srv/out/ledger.db", "postgres://db:5432/letterpipe".</summary>
    public static string Describe(StorageOptions options)
    {
        if (IsPostgres(options))
        {
            var pg = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return $"postgres://{pg.Host}:{pg.Port}/{pg.Database}";
        }

        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        return "sqlite:" + (file is { Length: > 0 } && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal) ? Path.GetFullPath(file) : file);
    }
}

[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;

/// <summary>Only providers that are implemented may be named.</summary>
internal sealed class StorageProviderValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (StorageOptions.IsPostgres(options))
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException ex)
            {
                return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a PostgreSQL connection string: {ex.Message}");
            }
        }

        if (!string.Equals(options.Provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"Storage:Provider '{options.Provider}' is not supported; use '{StorageOptions.Sqlite}' or '{StorageOptions.Postgres}'.");
        }

        try
        {
            _ = new SqliteConnectionStringBuilder(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a SQLite connection string: {ex.Message}");
        }
    }
}
