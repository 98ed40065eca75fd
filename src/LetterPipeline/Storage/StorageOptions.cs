using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LetterPipeline.Storage;

/// <summary>The <c>Storage</c> section: where the ledger lives.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string Sqlite = "Sqlite";

    [Required] public string Provider { get; set; } = Sqlite;

    [Required] public string ConnectionString { get; set; } = "Data Source=output/ledger.db";
}

[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;

/// <summary>Only providers that are implemented may be named.</summary>
internal sealed class StorageProviderValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!string.Equals(options.Provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"Storage:Provider '{options.Provider}' is not supported; use '{StorageOptions.Sqlite}'.");
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
