using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace LetterPipeline.Core.Writing.Word;

/// <summary>The numbering part: one bulleted list definition that every list item uses.</summary>
internal static class WordNumbering
{
    public const int BulletList = 1;

    // A plain "•" in the text font rather than Word's Symbol-font private-use bullet (U+F0B7):
    // it renders the same in Word and LibreOffice and survives conversion to PDF as real text.
    private static readonly string[] Bullets = ["•", "–", "▪"];

    public static Numbering Create()
    {
        var definition = new AbstractNum { AbstractNumberId = 0, MultiLevelType = new MultiLevelType { Val = MultiLevelValues.HybridMultilevel } };
        for (var level = 0; level < Bullets.Length; level++)
        {
            var indent = 360 * (level + 1);
            definition.Append(new Level
            {
                LevelIndex = level,
                StartNumberingValue = new StartNumberingValue { Val = 1 },
                NumberingFormat = new NumberingFormat { Val = NumberFormatValues.Bullet },
                LevelText = new LevelText { Val = Bullets[level] },
                LevelJustification = new LevelJustification { Val = LevelJustificationValues.Left },
                PreviousParagraphProperties = new PreviousParagraphProperties
                {
                    Indentation = new Indentation { Left = indent.ToString(CultureInfo.InvariantCulture), Hanging = "360" },
                },
            });
        }

        return new Numbering(definition, new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = BulletList });
    }
}
