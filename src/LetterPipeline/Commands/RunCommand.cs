using System.CommandLine;
using LetterPipeline.Worker;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LetterPipeline.Commands;

/// <summary><c>letterpipe run [--once] [--Section:Key=value ...]</c>: the inbox worker.</summary>
internal static class RunCommand
{
    public const int Interrupted = 130;

    public static Command Create()
    {
        var once = new Option<bool>("--once")
        {
            Description = "Do one pass over the inbox and exit: 0 all converted, 2 something quarantined or left for a later pass, 1 configuration error.",
        };
        var command = new Command("run", "Convert the inbox on a schedule (Schedule:Cron). Settings: appsettings.json, environment (Pipeline__Inbox) or --Pipeline:Inbox=<dir>.")
        {
            once,
        };
        // Everything else on the line is configuration, checked and then read by the host.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, _) => CommandSettings.Read(result, Console.Error) is { } settings
            ? RunAsync(result.GetValue(once), settings)
            : Task.FromResult(1));
        return SettingsHelp.Register(command);
    }

    private static async Task<int> RunAsync(bool once, string[] configuration)
    {
        using var host = WorkerHost.Build(configuration, scheduled: !once);
        if (WorkerHost.ConfigurationErrors(host) is { Count: > 0 } errors)
        {
            CommandSettings.WriteErrors(errors, Console.Error);
            return 1;
        }

        WorkerHost.LogStart(host, once);
        try
        {
            await host.StartAsync();
        }
        catch (Exception ex) when (ex is SqliteException or Npgsql.NpgsqlException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            // An unreachable ledger, a malformed connection string or a ledger folder that cannot be created.
            await Console.Error.WriteLineAsync($"letterpipe: cannot start: {ex.Message}");
            return 1;
        }

        if (!once)
        {
            // Ctrl+C or SIGTERM: Quartz lets the running pass finish its in-flight documents.
            await host.WaitForShutdownAsync();
            return 0;
        }

        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        try
        {
            var summary = await host.Services.GetRequiredService<InboxProcessor>().RunPassAsync(stopping);
            return summary.ExitCode;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return Interrupted;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException or Npgsql.NpgsqlException)
        {
            // The inbox vanished or the database went away after the start: nothing was converted, all is left undone.
            await Console.Error.WriteLineAsync($"letterpipe: the pass could not run: {ex.Message}");
            return 2;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
