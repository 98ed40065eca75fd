using System.CommandLine;
using System.Text;
using LetterPipeline.Core.Writing;
using LetterPipeline.Storage;
using LetterPipeline.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace LetterPipeline.Commands;

/// <summary><c>letterpipe report --out report.html</c>: the reference store as one self-contained HTML page.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "The HTML file to write.", Required = true };
        var dossiers = new Option<int>("--dossiers") { Description = "How many of the most-cited dossiers get a table (the chart shows up to 8).", DefaultValueFactory = _ => 10 };
        var command = new Command("report", "Write one self-contained HTML page (no network): citations per month, the most-cited documents by name, who cites what, a table per dossier, the letters (sortable, filterable) and the failed or flagged ones. Settings as for 'run'.")
        {
            output,
            dossiers,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            if (CommandSettings.Read(result, Console.Error) is not { } settings)
            {
                return 1;
            }

            // The ledger too: its failed letters are listed, and a store filled by 'refs import' has none yet.
            using var access = await StoreAccess.OpenAsync(settings, Console.Error, new StoreWording("store", "convert letters with 'letterpipe run' first", "open the reference store"),
                async (services, token) =>
                {
                    await services.GetRequiredService<IReferenceStore>().MigrateAsync(token);
                    await services.GetRequiredService<ILedger>().MigrateAsync(token);
                }, ct);
            if (access is null)
            {
                return 1;
            }

            var failed = await access.Services.GetRequiredService<ILedger>().ListAsync(DocumentStatus.Failed, ct);
            return await WriteAsync(access.Store, result.GetValue(output)!, Math.Max(1, result.GetValue(dossiers)), TimeProvider.System, Console.Out, ct, failed);
        });
        return SettingsHelp.Register(command, StorageOptions.SectionName);
    }

    internal static async Task<int> WriteAsync(IReferenceStore store, string path, int dossiers, TimeProvider clock, TextWriter output, CancellationToken cancellationToken,
        IReadOnlyList<LedgerEntry>? failed = null)
    {
        var data = await ReportData.LoadAsync(store, dossiers, failed ?? [], clock.GetUtcNow(), cancellationToken);
        var html = HtmlReport.Render(data, chartDossiers: Math.Min(dossiers, 8));
        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(html)));
        await output.WriteLineAsync($"{Path.GetFullPath(path)}: {data.Groups.Count} letters ({data.Letters.Count} versions), {data.Dossiers.Count} dossiers");
        return 0;
    }
}
