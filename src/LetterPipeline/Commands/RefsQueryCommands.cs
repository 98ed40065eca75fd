using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using LetterPipeline.Core.Citations;
using LetterPipeline.Core.Model;
using LetterPipeline.Storage;
using LetterPipeline.Tracking;

namespace LetterPipeline.Commands;

/// <summary>
/// The <c>refs</c> queries over the reference store: <c>cited-by</c>, <c>dossier</c>, <c>top</c>, <c>new</c> and
/// <c>export</c>. Each takes <c>--format table|json|csv</c> and, after its arguments, configuration overrides such
/// as <c>--Storage:ConnectionString=…</c>. Exit 0 on an answer (also an empty one), 1 on a usage or store error.
/// </summary>
internal static partial class RefsQueryCommands
{
    public static IEnumerable<Command> Create() => [CitedBy(), Dossier(), Top(), New(), Export()];

    private static Command CitedBy()
    {
        var query = new Argument<string[]>("id-or-citation")
        {
            Description = "A publication id (kst-36045-121, h-tk-20222023-30-12, stb-2023-123) or a citation as printed (\"Kamerstuk 36 045, nr. 121\", \"Stb. 2023, 123\").",
            Arity = ArgumentArity.OneOrMore,
        };
        return Query("cited-by", "The letters citing a document, oldest first: each letter once (its versions — letter, Kamerstuk print, copies — listed), with title, date, kinds, footnote, printed citation and the paths of its JSON and DOCX.", query, OutputFormat.Table,
            (input, format, store, output, error, ct) => CitedByAsync(Words(input, query), format, store, output, error, ct));
    }

    private static Command Dossier()
    {
        var dossier = new Argument<string[]>("dossier") { Description = "A dossier number: 36045, \"36 045\", 21501-02, 36200-IX.", Arity = ArgumentArity.OneOrMore };
        return Query("dossier", "Citations of a dossier per month of the citing letter (each letter once), and its most-cited documents by name.", dossier, OutputFormat.Table,
            (input, format, store, output, _, ct) => DossierAsync(Words(input, dossier), format, store, output, ct));
    }

    private static Command Top()
    {
        var limit = CommandOptions.Bounded("--limit", "How many documents.", 20, 1, 100_000);
        var since = new Option<DateOnly?>("--since")
        {
            Description = "Only citations by letters dated on or after this day: 2023-05-14, or 2023-05 and 2023 for the month's or year's first day; undated letters are left out.",
            CustomParser = result => DateArgument.Parse(result, "--since"),
        };
        var command = Query("top", "The most-cited documents by name: by citing letters (versions of one letter count once), then by citations.", null, OutputFormat.Table,
            (input, format, store, output, _, ct) => TopAsync(input.GetValue(limit), input.GetValue(since), format, store, output, ct));
        command.Options.Add(limit);
        command.Options.Add(since);
        return command;
    }

    private static Command New()
    {
        var letter = new Argument<string>("letter") { Description = "The letter: its file name (with or without extension), own publication id (kst-36045-145, ah-tk-20232024-1076) or SHA-256 (or its first 8+ characters)." };
        return Query("new", "The documents a letter cites that no letter dated before it cites.", letter, OutputFormat.Table,
            (input, format, store, output, error, ct) => NewAsync(input.GetValue(letter)!, format, store, output, error, ct));
    }

    private static Command Export()
    {
        var delimiter = new Option<string>("--delimiter")
        {
            Description = "CSV field separator: ',' (RFC 4180, the default), ';' (what Dutch Excel expects) or tab.",
            DefaultValueFactory = _ => ",",
        };
        delimiter.AcceptOnlyFromAmong(",", ";", "tab");
        var bom = new Option<bool>("--bom") { Description = "Start the CSV with a UTF-8 byte order mark, so Excel reads ë and – as UTF-8." };
        var command = Query("export", "Every reference occurrence with its letter and letter group, one row each (CSV by default).", null, OutputFormat.Csv,
            (input, format, store, output, _, ct) => ExportAsync(format, store, output, ct, new CsvStyle(input.GetValue(delimiter) is "," ? ',' : input.GetValue(delimiter) is ";" ? ';' : '\t', input.GetValue(bom))));
        command.Options.Add(delimiter);
        command.Options.Add(bom);
        return command;
    }

    private delegate Task<int> QueryAction(System.CommandLine.ParseResult input, OutputFormat format, IReferenceStore store, TextWriter output, TextWriter error, CancellationToken cancellationToken);

    private static Command Query(string name, string description, Argument? argument, OutputFormat defaultFormat, QueryAction action)
    {
        var format = FormatOption(defaultFormat);
        var command = new Command(name, description + " Settings as for 'run': appsettings.json, environment, or --Storage:ConnectionString=… after the arguments.") { format };
        if (argument is not null)
        {
            command.Arguments.Add(argument);
        }

        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            // A multi-word argument also takes the --Section:Key=value tokens after it: those are configuration.
            var tokens = result.UnmatchedTokens
                .Concat(argument is Argument<string[]> words ? result.GetValue(words)!.Where(IsSetting) : [])
                .ToArray();
            if (CommandSettings.Read(result, tokens, Console.Error) is not { } configuration)
            {
                return 1;
            }

            using var access = await StoreAccess.OpenAsync(configuration, Console.Error, ct);
            return access is null ? 1 : await action(result, ParseFormat(result.GetValue(format)!), access.Store, Console.Out, Console.Error, ct);
        });
        return SettingsHelp.Register(command, StorageOptions.SectionName);
    }

    private static bool IsSetting(string token) => token.StartsWith("--", StringComparison.Ordinal);

    /// <summary>The words of a multi-word argument, joined, without the configuration tokens.</summary>
    private static string Words(System.CommandLine.ParseResult result, Argument<string[]> argument) =>
        string.Join(' ', result.GetValue(argument)!.Where(t => !IsSetting(t)));

    internal static Option<string> FormatOption(OutputFormat defaultFormat)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output: table (readable in a terminal), json or csv.",
            DefaultValueFactory = _ => defaultFormat.ToString().ToLowerInvariant(),
        };
        option.AcceptOnlyFromAmong("table", "json", "csv");
        return option;
    }

    internal static OutputFormat ParseFormat(string format) => Enum.Parse<OutputFormat>(format, ignoreCase: true);

    internal static async Task<int> CitedByAsync(string query, OutputFormat format, IReferenceStore store, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var ids = PublicationId().IsMatch(query.Trim())
            ? [query.Trim()]
            : CitationParser.Parse(query).Select(r => r.Id).Distinct().ToArray();
        if (ids.Length == 0)
        {
            await error.WriteLineAsync($"letterpipe: no publication id or citation recognised in '{ResultWriter.Printable(query)}'.");
            return 1;
        }

        var citations = await store.CitationsAsync(ids, cancellationToken);
        var letters = LetterVersions.Of(await store.LettersAsync(cancellationToken));
        var names = await PaperNames.LoadAsync(store, cancellationToken);
        Column[] columns =
        [
            new("id", "Cited"), new("letterDate", "Letter date"), new("letter", "Letter"), new("letterKinds", "Kinds"), new("title", "Title"),
            new("versions", "Versions", Numeric: true), new("footnote", "Fn", Numeric: true), new("citation", "Printed citation"),
            new("versionFiles", "Version files"), new("json", "JSON"), new("docx", "DOCX", Detail: true), new("letterGroup", "Letter group", Detail: true),
            new("url", "URL", Detail: true),
        ];
        // One row per cited document and citing letter; its versions, their outputs and the first version's footnote.
        var rows = citations
            .GroupBy(c => (c.Reference.Id, c.Letter.LetterGroup))
            .Select(g => (Citation: g.First(), Letter: letters[g.Key.LetterGroup]))
            .OrderBy(x => x.Letter.Date is null).ThenBy(x => x.Letter.Date).ThenBy(x => x.Letter.Name, StringComparer.Ordinal)
            .Select(x => Row(x.Citation.Reference.Id, Iso(x.Letter.Date), x.Letter.Name, x.Letter.Kinds, x.Letter.Title, x.Letter.Versions.Count,
                x.Citation.Reference.Footnote, x.Citation.Reference.Text, Joined(x.Letter.Versions.Select(v => v.File)),
                Joined(x.Letter.Versions.Select(v => v.JsonPath)), Joined(x.Letter.Versions.Select(v => v.DocxPath)), x.Letter.Group, x.Citation.Reference.Url))
            .ToList();
        var named = string.Join(", ", ids.Select(id => names.Of(id, citations.FirstOrDefault(c => c.Reference.Id == id)?.Reference.Dossier ?? DossierOf(id)) is { } name
            ? $"{id} ({ResultWriter.Printable(name.Text)})" : id));
        var table = new ResultTable($"Letters citing {named}: {citations.Count} citations in {rows.Count} letter{(rows.Count == 1 ? "" : "s")} ({citations.Select(c => c.Letter.Sha256).Distinct().Count()} versions)",
            columns, rows);
        ResultWriter.Write(output, format, [table]);
        return 0;
    }

    internal static async Task<int> DossierAsync(string dossier, OutputFormat format, IReferenceStore store, TextWriter output, CancellationToken cancellationToken)
    {
        var key = NormaliseDossier(dossier);
        var months = await store.MonthsAsync(key, cancellationToken);
        var documents = await store.DocumentsAsync(new DocumentQuery(Dossier: key), cancellationToken);
        var perMonth = new ResultTable($"Dossier {key}: citations per month of the citing letter",
            [new("month", "Month"), new("citations", "Citations", Numeric: true), new("letters", "Letters", Numeric: true)],
            months.Select(m => Row(m.Month ?? (format == OutputFormat.Table ? "undated" : null), m.Citations, m.Letters)).ToList());
        var names = await PaperNames.LoadAsync(store, cancellationToken);
        var title = names.Dossier(key) is { } dossierName ? $"Dossier {key} ({ResultWriter.Printable(dossierName)})" : $"Dossier {key}";
        perMonth = perMonth with { Title = title + ": citations per month of the citing letter (each letter once, however many versions)" };
        var mostCited = DocumentTable($"{title}: most-cited documents", documents, names);
        ResultWriter.Write(output, format, [perMonth, mostCited], ["months", "documents"]);
        return 0;
    }

    internal static async Task<int> TopAsync(int limit, DateOnly? since, OutputFormat format, IReferenceStore store, TextWriter output, CancellationToken cancellationToken)
    {
        var documents = await store.DocumentsAsync(new DocumentQuery(Since: since, Limit: limit), cancellationToken);
        var title = since is null ? $"Most-cited documents (top {limit})" : $"Most-cited documents since {Iso(since)} (top {limit})";
        ResultWriter.Write(output, format, [DocumentTable(title, documents, await PaperNames.LoadAsync(store, cancellationToken))]);
        return 0;
    }

    internal static async Task<int> NewAsync(string letter, OutputFormat format, IReferenceStore store, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var matches = await store.FindLettersAsync(letter, cancellationToken);
        if (matches.Count != 1)
        {
            await error.WriteLineAsync(matches.Count == 0
                ? $"letterpipe: no letter '{ResultWriter.Printable(letter)}' in the store (give a file name, publication id or SHA-256)."
                : $"letterpipe: '{ResultWriter.Printable(letter)}' matches {matches.Count} letters: {string.Join(", ", matches.Select(m => ResultWriter.Printable(m.File)))}.");
            return 1;
        }

        var target = matches[0];
        if (target.Date is null)
        {
            await error.WriteLineAsync($"letterpipe: {ResultWriter.Printable(target.File)} has no date (it prints none): no letter is known to be earlier, so every reference counts as new.");
        }

        var citations = await store.NewInAsync(target, cancellationToken);
        var table = new ResultTable(
            $"New in {ResultWriter.Printable(target.Name)} ({Iso(target.Date) ?? "undated"}): {citations.Count} of {target.References} references never cited by an earlier letter",
            [new("id", "Id"), new("kind", "Kind"), new("dossier", "Dossier"), new("number", "Nr", Numeric: true), new("date", "Date"),
             new("footnote", "Fn", Numeric: true), new("citation", "Printed citation"), new("url", "URL", Detail: true)],
            citations.Select(c => Row(c.Reference.Id, Kind(c.Reference.Kind), c.Reference.Dossier, c.Reference.Number, Iso(c.Reference.Date),
                c.Reference.Footnote, c.Reference.Text, c.Reference.Url)).ToList());
        ResultWriter.Write(output, format, [table]);
        return 0;
    }

    internal static async Task<int> ExportAsync(OutputFormat format, IReferenceStore store, TextWriter output, CancellationToken cancellationToken, CsvStyle? csv = null)
    {
        var citations = await store.CitationsAsync(null, cancellationToken);
        var table = new ResultTable($"{citations.Count} reference occurrences",
            [
                new("letterSha256", "Letter SHA-256", Detail: true), new("letterFile", "Letter file"), new("letterTitle", "Letter title"), new("letterKamerstuk", "Letter Kamerstuk"),
                new("letterKind", "Letter kind"), new("letterPublicationId", "Letter publication id"), new("letterGroup", "Letter group"),
                new("letterDate", "Letter date"), new("letterPages", "Pages", Numeric: true), new("pipelineVersion", "Pipeline", Detail: true), new("convertedAt", "Converted at"),
                new("position", "Pos", Numeric: true), new("kind", "Kind"), new("id", "Id"), new("dossier", "Dossier"), new("number", "Nr"),
                new("vergaderjaar", "Vergaderjaar"), new("item", "Item"), new("date", "Date"), new("footnote", "Fn"), new("citation", "Printed citation"), new("url", "URL", Detail: true),
            ],
            citations.Select(c => Row(c.Letter.Sha256, c.Letter.File, c.Letter.Title, c.Letter.KamerstukId, c.Letter.Kind, c.Letter.PublicationId, c.Letter.LetterGroup, Iso(c.Letter.Date), c.Letter.Pages,
                c.Letter.PipelineVersion, c.Letter.ConvertedAt.ToString("O", CultureInfo.InvariantCulture), c.Position, Kind(c.Reference.Kind), c.Reference.Id,
                c.Reference.Dossier, c.Reference.Number, c.Reference.Vergaderjaar, c.Reference.Item, Iso(c.Reference.Date), c.Reference.Footnote,
                c.Reference.Text, c.Reference.Url)).ToList());
        ResultWriter.Write(output, format, [table], csv: csv);
        return 0;
    }

    /// <summary>"36 045" → "36045", "21 501-02" → "21501-02", "36200-ix" → "36200-IX": the form the citation parser stores.</summary>
    internal static string NormaliseDossier(string dossier) =>
        string.Concat(dossier.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    private static ResultTable DocumentTable(string title, IReadOnlyList<DocumentCount> documents, PaperNames names)
    {
        Column[] columns =
        [
            new("id", "Id"), new("name", "Name"), new("nameSource", "Named by", Detail: true), new("kind", "Kind"), new("dossier", "Dossier"), new("number", "Nr", Numeric: true),
            new("date", "Date"), new("letters", "Letters", Numeric: true), new("citations", "Citations", Numeric: true), new("firstCited", "First cited"),
            new("lastCited", "Last cited"), new("url", "URL", Detail: true),
        ];
        var rows = documents.Select(d => (Document: d, Name: names.Of(d.Id, d.Dossier)))
            .Select(x => Row(x.Document.Id, x.Name?.Text, PaperNames.Source(x.Name), Kind(x.Document.Kind), x.Document.Dossier, x.Document.Number, Iso(x.Document.Date),
                x.Document.Letters, x.Document.Citations, Iso(x.Document.FirstCited), Iso(x.Document.LastCited), x.Document.Url)).ToList();
        return new ResultTable(title, columns, rows);
    }

    private static object?[] Row(params object?[] cells) => cells;

    private static string? Joined(IEnumerable<string?> values) => values.OfType<string>().ToList() is { Count: > 0 } present ? string.Join("; ", present) : null;

    /// <summary>The dossier of a Kamerstuk id ("kst-21501-02-2586" → "21501-02"); null for other ids.</summary>
    private static string? DossierOf(string id) =>
        id.StartsWith("kst-", StringComparison.Ordinal) && id.LastIndexOf('-') is var last and > 4 ? id[4..last] : null;

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Kind(ReferenceKind kind) => kind.ToString().ToLowerInvariant();

    // kst-36045-121, kst-21501-02-2586, h-tk-20222023-30-12, ah-tk-20222023-512, stb-2023-123, stcrt-2021-12345,
    // trb-2022-45: the ids the citation parser makes.
    [GeneratedRegex(@"^(kst|h|ah|stb|stcrt|trb)-[0-9A-Za-z]+(-[0-9A-Za-z]+)*$")]
    private static partial Regex PublicationId();
}
