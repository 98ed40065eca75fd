using System.Text.RegularExpressions;
using LetterPipeline.Tests.Support;

namespace LetterPipeline.Tests.Commands;

/// <summary>
/// The mistakes a new user makes, run through the real program: each ends with exit 1 and a line that says what
/// is wrong (with the nearest valid name where there is one), never a .NET stack trace, type name or the whole help.
/// </summary>
public sealed partial class CliMistakesTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private readonly TempDir temp = new();

    public CliMistakesTests()
    {
        Directory.CreateDirectory(Path.Combine(temp.Path, "in"));
        File.Copy(Corpus.Pdfs("letters")[0], Path.Combine(temp.Path, "in", "letter.pdf"));
        File.WriteAllText(Path.Combine(temp.Path, "a-file"), "");
    }

    public static TheoryData<string[], string> Mistakes => new()
    {
        { ["run", "--onec"], "unknown option --onec; did you mean --once?" },
        { ["run", "--once", "--Pipline:Inbox=in"], "unknown setting Pipline:Inbox; did you mean Pipeline:Inbox?" },
        { ["run", "--once", "--Pipeline:Inbx=in"], "unknown setting Pipeline:Inbx; did you mean Pipeline:Inbox?" },
        { ["run", "--once", "--Pipeline:Inbox=in", "--Pipeline:DocumentTimeout=60"], "Pipeline:DocumentTimeout: '60' has no unit; write 60s for seconds" },
        { ["run", "--once", "--Pipeline:Inbox=in", "--Pipeline:Parallelism=many"], "Pipeline:Parallelism: 'many' is not a whole number" },
        { ["run", "--once", "--Pipeline:Inbox=missing"], "Pipeline:Inbox: folder 'missing' does not exist" },
        { ["convert", "in", "--outt", "out"], "unknown option --outt; did you mean --out?" },
        { ["convert", "in", "--outt", "x", "--out", "out"], "unknown option --outt; did you mean --out?" },
        { ["convert", "in", "--out", "a-file"], "cannot write to --out a-file: it is a file, not a folder." },
        { ["convert", "in", "--out", "a-file/out"], "cannot write to --out a-file/out:" },
        { ["convert", "nope.pdf", "--out", "out"], "no such file or folder: nope.pdf" },
        { ["convert", "in", "--out", "out", "--parallelism", "lots"], "--parallelism takes a whole number from 1 to 256; got 'lots'." },
        { ["refs", "top", "--since", "20x3"], "--since takes a year, a month or a day: 2023, 2023-05 or 2023-05-14; got '20x3'." },
        { ["refs", "top", "--limit", "abc"], "--limit takes a whole number" },
        { ["refs", "top", "--Storage:ConectionString=Data Source=x.db"], "did you mean Storage:ConnectionString?" },
        { ["status", "--formt", "json"], "unknown option --formt; did you mean --format?" },
        { ["status", "--Storage:ConnectionString=Data Source=missing/ledger.db"], "no ledger at" },
        { ["report", "--out", "r.html", "--dossiers", "x"], "for option '--dossiers': expected a whole number." },
        { ["retry"], "name the quarantined files to retry, or give --all-failed" },
        { ["reconvert", "--since", "banana"], "--since takes a year" },
        { ["convrt", "in"], "did you mean convert?" },
    };

    public void Dispose() => temp.Dispose();

    [Theory, MemberData(nameof(Mistakes))]
    public async Task Command_UserMistake_ExitsOneWithOneLineAndNoStackTrace(string[] arguments, string expected)
    {
        var (exit, output) = await WorkerProcess.RunAsync(temp.Path, Limit, arguments);

        Assert.True(exit == 1, $"exit {exit}\n{output}");
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), output);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", output, StringComparison.Ordinal);
        // The whole help is not a diagnosis.
        Assert.DoesNotContain("Options:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunHelp_ListsEverySettingWithItsDefault()
    {
        var (exit, output) = await WorkerProcess.RunAsync(temp.Path, Limit, "run", "--help");

        Assert.True(exit == 0, output);
        Assert.Matches(@"Pipeline:Inbox\s+samples\s+Folder scanned", output);
        Assert.Matches(@"Pipeline:DocumentTimeout\s+00:01:00\s+The time limit per document", output);
        Assert.Matches(@"Storage:ConnectionString\s+Data Source=output/ledger\.db", output);
        Assert.Matches(@"Cluster:LeaseTime\s+30s", output);
        Assert.Contains("a bare number is refused", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
