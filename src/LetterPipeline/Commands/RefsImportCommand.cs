using System.CommandLine;
using LetterPipeline.Storage;
using LetterPipeline.Tracking;

namespace LetterPipeline.Commands;

/// <summary><c>letterpipe refs import DIR</c>: records letters converted earlier from their JSON outputs.</summary>
internal static class RefsImportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("dir") { Description = "A folder of converted letters: every *.json under it is recorded (*.error.json and JSON that is no letter are skipped)." };
        var command = new Command("import", "Record letters converted earlier (by 'convert') into the reference store, by the worker's rules: importing twice changes nothing. Settings as for 'run': --Storage:ConnectionString=… after the arguments.")
        {
            folder,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            if (CommandSettings.Read(result, Console.Error) is not { } settings)
            {
                return 1;
            }

            var dir = result.GetValue(folder)!;
            if (!Directory.Exists(dir))
            {
                await Console.Error.WriteLineAsync($"letterpipe: no such folder: {dir}");
                return 1;
            }

            using var access = await StoreAccess.OpenForWritingAsync(settings, Console.Error, ct);
            return access is null ? 1 : await ImportAsync(access.Store, dir, TimeProvider.System, Console.Out, ct);
        });
        return SettingsHelp.Register(command, StorageOptions.SectionName);
    }

    internal static async Task<int> ImportAsync(IReferenceStore store, string dir, TimeProvider clock, TextWriter output, CancellationToken cancellationToken)
    {
        var summary = await new LetterImport(store, clock).ImportFolderAsync(dir, cancellationToken);
        foreach (var (file, reason) in summary.Skipped)
        {
            await output.WriteLineAsync($"{ResultWriter.Printable(file)}: skipped, {ResultWriter.Printable(reason)}");
        }

        await output.WriteLineAsync($"{summary.Recorded} letters recorded, {summary.Unchanged} already in the store, {summary.Skipped.Count} files skipped");
        return 0;
    }
}
