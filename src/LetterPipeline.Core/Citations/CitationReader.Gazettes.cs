using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Citations;

/// <summary>The rules for the official gazettes: Staatsblad, Staatscourant and Tractatenblad.</summary>
internal sealed partial class CitationReader
{
    // gazette      = gazette-name gazette-body { (";" | "en" | ",") gazette-body }
    // gazette-body = ["van"] YEAR [","] [nr] numbers [[","] pages] [date]   -- numbers: digits only
    // A year alone ("Stb. 2023") names no publication.
    private bool Gazette(List<CitedPaper> found)
    {
        var mark = pos;
        if (GazetteName() is not { } kind || !GazetteBody(found, kind))
        {
            pos = mark;
            return false;
        }

        while (true)
        {
            var next = pos;
            if (!((Punct(';') || Word("en") || Punct(',')) && GazetteBody(found, kind)))
            {
                pos = next;
                return true;
            }
        }
    }

    // gazette-name = "Stb" ["."] | "Staatsblad" | ("Stcrt" | "Stct") ["."] | "Staatscourant" | "Trb" ["."] | "Tractatenblad"
    private ReferenceKind? GazetteName()
    {
        if (Word("Staatsblad"))
        {
            return ReferenceKind.Staatsblad;
        }

        if (Word("Staatscourant"))
        {
            return ReferenceKind.Staatscourant;
        }

        if (Word("Tractatenblad"))
        {
            return ReferenceKind.Tractatenblad;
        }

        ReferenceKind? kind = Word("Stb") ? ReferenceKind.Staatsblad
            : Word("Stcrt") || Word("Stct") ? ReferenceKind.Staatscourant
            : Word("Trb") ? ReferenceKind.Tractatenblad
            : null;
        if (kind is not null)
        {
            Punct('.');
        }

        return kind;
    }

    private bool GazetteBody(List<CitedPaper> found, ReferenceKind kind)
    {
        var mark = pos;
        Word("van");
        if (Peek() is not { Kind: CitationTokenKind.Number } yearToken || PublicationId.Year(yearToken.Value) is not { } year)
        {
            pos = mark;
            return false;
        }

        pos++;
        Punct(',');
        var plural = false;
        _ = Nr(out plural);
        var numbers = new List<string>();
        if (!Numbers(numbers, plural, gazette: true))
        {
            pos = mark;
            return false;
        }

        OptionalPages();
        var date = OptionalDate();
        found.AddRange(numbers.Select(n => CitedPaper.Gazette(kind, year, n, date)));
        return true;
    }
}
