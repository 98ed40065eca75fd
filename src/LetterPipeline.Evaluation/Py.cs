using System.Globalization;
using System.Numerics;
using System.Text;

namespace LetterPipeline.Evaluation;

/// <summary>
/// The few Python built-ins score.py applies to JSON values (see <see cref="PyJson"/>), with Python's meaning:
/// <c>str()</c> of null is "None", strings count code points, dictionary keys compare 1 == 1.0 == True.
/// Where Python would raise (a TypeError on a malformed file), these throw <see cref="InvalidDataException"/>.
/// </summary>
internal static class Py
{
    /// <summary>score.py's <c>g(d, key, default)</c>: the value when <paramref name="d"/> is a dict holding the key.</summary>
    public static object? Get(object? d, string key, object? @default = null) =>
        d is OrderedDictionary<string, object?> dict && dict.TryGetValue(key, out var value) ? value : @default;

    /// <summary><c>d[key]</c>: a missing key or a non-dict is an error, as in Python.</summary>
    public static object? Item(object? d, string key) =>
        d is OrderedDictionary<string, object?> dict
            ? dict.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"KeyError: '{key}'")
            : throw new InvalidDataException($"TypeError: {TypeName(d)} is not subscriptable by '{key}'");

    /// <summary><c>key in d</c> for a dict.</summary>
    public static bool Has(object? d, string key) =>
        d is OrderedDictionary<string, object?> dict ? dict.ContainsKey(key) : throw new InvalidDataException($"TypeError: 'in' on {TypeName(d)}");

    /// <summary><c>bool(v)</c>.</summary>
    public static bool Truthy(object? v) => v switch
    {
        null => false,
        bool b => b,
        BigInteger i => !i.IsZero,
        double d => d != 0,
        string s => s.Length > 0,
        List<object?> l => l.Count > 0,
        OrderedDictionary<string, object?> d => d.Count > 0,
        _ => true,
    };

    /// <summary><c>v or fallback</c>.</summary>
    public static object? Or(object? v, object? fallback) => Truthy(v) ? v : fallback;

    /// <summary><c>str(v)</c> for scalars; containers are not used as text by score.py's contract.</summary>
    public static string Str(object? v) => v switch
    {
        null => "None",
        true => "True",
        false => "False",
        BigInteger i => i.ToString(CultureInfo.InvariantCulture),
        double d => PyFloat.Repr(d),
        string s => s,
        _ => throw new InvalidDataException($"str() of a {TypeName(v)} is not supported by this port of score.py"),
    };

    /// <summary>Iterating a value: a list's items, a dict's keys, a string's code points.</summary>
    public static IEnumerable<object?> Iterate(object? v) => v switch
    {
        List<object?> l => l,
        OrderedDictionary<string, object?> d => d.Keys,
        string s => CodePoints(s),
        _ => throw new InvalidDataException($"TypeError: '{TypeName(v)}' object is not iterable"),
    };

    /// <summary><c>len(v)</c>.</summary>
    public static int Len(object? v) => v switch
    {
        List<object?> l => l.Count,
        OrderedDictionary<string, object?> d => d.Count,
        string s => s.EnumerateRunes().Count(),
        _ => throw new InvalidDataException($"TypeError: object of type '{TypeName(v)}' has no len()"),
    };

    /// <summary>A string's first <paramref name="count"/> code points: Python's <c>s[:count]</c>.</summary>
    public static string Take(string s, int count)
    {
        var end = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            if (count-- == 0)
            {
                break;
            }

            end += rune.Utf16SequenceLength;
        }

        return s[..end];
    }

    /// <summary>
    /// A value's identity as a dict key or in <c>==</c>: numbers by value across int, float and bool, strings by content.
    /// </summary>
    public static PyKey Key(object? v) => v switch
    {
        null => new PyKey('N', ""),
        bool b => new PyKey('n', b ? "1" : "0"),
        BigInteger i => new PyKey('n', i.ToString(CultureInfo.InvariantCulture)),
        double d when double.IsFinite(d) && Math.Floor(d) == d => new PyKey('n', new BigInteger(d).ToString(CultureInfo.InvariantCulture)),
        double d => new PyKey('f', d.ToString("R", CultureInfo.InvariantCulture)),
        string s => new PyKey('s', s),
        _ => throw new InvalidDataException($"TypeError: unhashable type: '{TypeName(v)}'"),
    };

    /// <summary><c>a == b</c> for scalars.</summary>
    public static bool Equal(object? a, object? b) => Key(a) == Key(b);

    /// <summary><c>str.isspace()</c> for one character: .NET's white space plus the information separators U+001C–U+001F.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    /// <summary><c>str.strip()</c>.</summary>
    public static string Strip(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && IsSpace(s[start]))
        {
            start++;
        }

        while (end > start && IsSpace(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    /// <summary><c>re.sub(r"\s+", replacement, s)</c> with Python's Unicode <c>\s</c>.</summary>
    public static string CollapseSpace(string s, string replacement)
    {
        var sb = new StringBuilder(s.Length);
        var inSpace = false;
        foreach (var c in s)
        {
            if (IsSpace(c))
            {
                if (!inSpace)
                {
                    sb.Append(replacement);
                }

                inSpace = true;
            }
            else
            {
                sb.Append(c);
                inSpace = false;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// <c>str.lower()</c>. .NET maps case one character to one; Python applies the full mapping, which differs
    /// unconditionally only for U+0130 (İ → i + combining dot). score.py lowers only the reference kind.
    /// </summary>
    public static string Lower(string s) => s.Replace("\u0130", "i\u0307", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>
    /// <c>str.upper()</c> with the full (one-to-many) mappings of Unicode's SpecialCasing.txt for Latin script
    /// (ß → SS, ligature ﬁ → FI, …). Greek and Armenian one-to-many mappings are left to .NET's simple
    /// mapping: dossier numbers do not contain them.
    /// </summary>
    public static string Upper(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                'ß' => "SS",
                'ŉ' => "ʼN",
                'ǰ' => "J\u030C",
                'ẖ' => "H\u0331",
                'ẗ' => "T\u0308",
                'ẘ' => "W\u030A",
                'ẙ' => "Y\u030A",
                'ẚ' => "Aʾ",
                'ﬀ' => "FF",
                'ﬁ' => "FI",
                'ﬂ' => "FL",
                'ﬃ' => "FFI",
                'ﬄ' => "FFL",
                'ﬅ' or 'ﬆ' => "ST",
                _ => c.ToString(),
            });
        }

        // The replacements are upper case already; the rest (surrogate pairs included) takes .NET's mapping.
        return sb.ToString().ToUpperInvariant();
    }

    private static IEnumerable<object?> CodePoints(string s)
    {
        foreach (var rune in s.EnumerateRunes())
        {
            yield return rune.ToString();
        }
    }

    private static string TypeName(object? v) => v switch
    {
        null => "NoneType",
        bool => "bool",
        BigInteger => "int",
        double => "float",
        string => "str",
        List<object?> => "list",
        OrderedDictionary<string, object?> => "dict",
        _ => v.GetType().Name,
    };
}

/// <summary>A scalar's hashable identity under Python's equality (see <see cref="Py.Key"/>).</summary>
internal readonly record struct PyKey(char Kind, string Value);
