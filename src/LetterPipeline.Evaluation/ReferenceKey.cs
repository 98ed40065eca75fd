using System.Text.RegularExpressions;

namespace LetterPipeline.Evaluation;

/// <summary>
/// score.py's <c>ref_key</c>: what makes two references the same. Kamerstukken by (dossier without spaces, upper case;
/// number); Handelingen and Aanhangsels by (kind, vergaderjaar digits, number, item). <see cref="Item"/> is null
/// for a Kamerstuk, so the two shapes never compare equal, as Python's 3- and 4-tuples do not.
/// </summary>
internal readonly partial record struct ReferenceKey(string Kind, string First, string Number, string? Item)
{
    public static ReferenceKey Of(object? reference)
    {
        var kindValue = Py.Or(Py.Get(reference, "kind", "kamerstuk"), "kamerstuk");
        var kind = Py.Lower(kindValue as string ?? throw new InvalidDataException("AttributeError: reference kind has no lower()"));
        if (kind is "handelingen" or "aanhangsel")
        {
            var vergaderjaar = NonDigits().Replace(Py.Str(Py.Get(reference, "vergaderjaar", "")), "");
            return new ReferenceKey(kind, vergaderjaar, NumberOf(reference), Py.Str(Py.Or(Py.Get(reference, "item", ""), "")));
        }

        var dossier = Py.Upper(Py.CollapseSpace(Py.Str(Py.Get(reference, "dossier", "")), ""));
        return new ReferenceKey("kamerstuk", dossier, NumberOf(reference), null);
    }

    private static string NumberOf(object? reference) => Py.Strip(Py.Str(Py.Get(reference, "number", "")));

    // Python's [0-9] is ASCII only.
    [GeneratedRegex("[^0-9]")]
    private static partial Regex NonDigits();
}
