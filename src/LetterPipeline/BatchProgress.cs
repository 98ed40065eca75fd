using System.Globalization;

namespace LetterPipeline;

/// <summary>
/// How far a batch is, n of N, and which files are being worked on now; updated from parallel workers, read by
/// a progress bar or a periodic log line.
/// </summary>
internal sealed class BatchProgress(int total)
{
    private readonly Lock gate = new();
    private readonly List<string> current = [];
    private int done;
    private int notDone;

    public int Total => total;

    public void Started(string file)
    {
        lock (gate)
        {
            current.Add(file);
        }
    }

    /// <param name="succeeded">False when the file failed or was left for later; counted apart.</param>
    public void Finished(string file, bool succeeded)
    {
        lock (gate)
        {
            current.Remove(file);
            done++;
            notDone += succeeded ? 0 : 1;
        }
    }

    public int Done
    {
        get
        {
            lock (gate)
            {
                return done;
            }
        }
    }

    /// <summary>"12 of 40 done (1 not converted); now a.pdf, b.pdf".</summary>
    public string Describe()
    {
        lock (gate)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{done} of {total} done");
            if (notDone > 0)
            {
                text += string.Create(CultureInfo.InvariantCulture, $" ({notDone} not converted)");
            }

            return current.Count == 0 ? text : $"{text}; now {string.Join(", ", current)}";
        }
    }
}
