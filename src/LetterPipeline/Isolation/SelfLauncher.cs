using System.Diagnostics;

namespace LetterPipeline.Isolation;

/// <summary>
/// Starts this program again as another process (<c>letterpipe child</c>, or <c>letterpipe run</c> in tests),
/// whether it runs as a published app, under <c>dotnet run</c>, or as a library inside <c>dotnet test</c>.
/// </summary>
internal static class SelfLauncher
{
    private const string AppName = "letterpipe";

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var (fileName, prefix) = Command();
        var info = new ProcessStartInfo(fileName) { UseShellExecute = false };
        foreach (var argument in prefix.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static (string FileName, IReadOnlyList<string> Prefix) Command()
    {
        var processPath = Environment.ProcessPath;
        // Published app (apphost or single file) or `dotnet run`, which starts the apphost: run the same executable.
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == AppName)
        {
            return (processPath, []);
        }

        // Otherwise this assembly is hosted by the dotnet muxer (`dotnet letterpipe.dll`) or loaded into another
        // program (the test host): run our own .dll through the muxer.
        var assembly = typeof(SelfLauncher).Assembly.Location;
        if (string.IsNullOrEmpty(assembly))
        {
            throw new InvalidOperationException("Cannot locate letterpipe.dll to start a child process.");
        }

        return (Muxer(processPath), [assembly]);
    }

    private static string Muxer(string? processPath)
    {
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return processPath;
        }

        // Set by the SDK for `dotnet test` and `dotnet build`; otherwise trust PATH.
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";
    }
}
