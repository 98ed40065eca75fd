using System.Text.RegularExpressions;
using LetterPipeline.Core.Layout;
using LetterPipeline.Core.Model;

namespace LetterPipeline.Core.Parsing.Identity;

/// <summary>
/// The official id a document prints or implies: an Aanhangsel's "ah-tk-…", the Kamerstuk id of a print or of a
/// letter whose running footer or colophon names its Kamerstuk; else null.
/// </summary>
internal static partial class PublicationIdResolver
{
    /// <summary>The document's official id, or null when it prints and implies none.</summary>
    public static string? Resolve(DocumentHead head, IReadOnlyList<PageLines> pages)
    {
        if (head.Kind == LetterKind.Aanhangsel)
        {
            return head.Aanhangsel?.PublicationId;
        }

        if (head.Kamerstuk.Identity is { } identity)
        {
            return identity.Id;
        }

        // A colophon "kst-36450-6" at the foot of page 1.
        return pages.Take(1).SelectMany(p => p.Lines.Where(l => l.Baseline < p.Height * 0.12))
            .Select(l => Colophon().Match(l.Text)).FirstOrDefault(m => m.Success)?.Value;
    }

    [GeneratedRegex(@"^kst-\d{5}(?:-[0-9A-Z]+)?-\d+$")]
    private static partial Regex Colophon();
}
