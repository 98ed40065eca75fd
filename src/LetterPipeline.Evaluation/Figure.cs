using System.Globalization;

namespace LetterPipeline.Evaluation;

/// <summary>One figure as <c>eval</c> prints it, under the reference's name: a count, or a ratio rounded to 4 decimals.</summary>
public readonly record struct Figure(string Name, double Value, bool IsRatio)
{
    internal static Figure Count(string name, long value) => new(name, value, IsRatio: false);

    internal static Figure Of(string name, double ratio) => new(name, ratio, IsRatio: true);

    /// <summary>"12" for a count; "1.0" or "0.9847" for a ratio, as the reference scripts print them.</summary>
    public string FormattedValue => Value.ToString(IsRatio ? "0.0###" : "0", CultureInfo.InvariantCulture);
}

/// <summary>Something <c>eval</c> prints as a list of figures: a document's counts, or a folder's summary.</summary>
public interface IFigures
{
    /// <summary>The figures in the reference's order.</summary>
    IReadOnlyList<Figure> Figures { get; }
}
