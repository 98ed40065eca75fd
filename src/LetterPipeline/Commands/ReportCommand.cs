using System.CommandLine;
using System.Text;
using LetterPipeline.Core.Writing;
using LetterPipeline.Storage;
using LetterPipeline.Tracking;

namespace LetterPipeline.Commands;

/// <summary><c>letterpipe report --out report.html</c>: the reference store as one self-contained HTML page.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "The HTML file to write.", Required = true };
        var dossiers = new Option<int>("--dossiers") { Description = "How many of the most-cited dossiers get a table (the chart shows up to 8).", DefaultValueFactory = _ => 10 };
        var command = new Command("report", "Write one self-contained HTML page (no network): citations per month, a table per dossier, the letters processed. Settings as for 'run'.")
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

            using var access = await StoreAccess.OpenAsync(settings, Console.Error, ct);
            return access is null ? 1 : await WriteAsync(access.Store, result.GetValue(output)!, Math.Max(1, result.GetValue(dossiers)), TimeProvider.System, Console.Out, ct);
        });
        return SettingsHelp.Register(command, StorageOptions.SectionName);
    }

    internal static async Task<int> WriteAsync(IReferenceStore store, string path, int dossiers, TimeProvider clock, TextWriter output, CancellationToken cancellationToken)
    {
        var data = await ReportData.LoadAsync(store, dossiers, clock.GetUtcNow(), cancellationToken);
        var html = HtmlReport.Render(data, chartDossiers: Math.Min(dossiers, 8));
        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(html)));
        await output.WriteLineAsync($"{Path.GetFullPath(path)}: {data.Letters.Count} letters, {data.Dossiers.Count} dossiers");
        return 0;
    }
}
