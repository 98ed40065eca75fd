using System.Text;

namespace LetterPipeline.Evaluation.Tests;

public sealed class ReferenceKeyTests
{
    private static ReferenceKey Key(string json) => ReferenceKey.Of(PyJson.Parse(Encoding.UTF8.GetBytes(json.Replace('\'', '"'))));

    [Fact]
    public void Of_KamerstukWrittenDifferently_GivesTheSameKey()
    {
        Assert.Equal(Key("{'dossier': '36200-VII', 'number': '5'}"), Key("{'kind': 'Kamerstuk', 'dossier': '36 200-vii', 'number': ' 5 '}"));
    }

    [Fact]
    public void Of_HandelingenVergaderjaar_KeepsOnlyItsDigits()
    {
        Assert.Equal(
            Key("{'kind': 'handelingen', 'vergaderjaar': '2022-2023', 'number': '30', 'item': '12'}"),
            Key("{'kind': 'HANDELINGEN', 'vergaderjaar': '2022–2023', 'number': '30', 'item': '12'}"));
    }

    [Fact]
    public void Of_HandelingenAndKamerstukWithSameNumbers_Differ()
    {
        Assert.NotEqual(Key("{'kind': 'handelingen', 'vergaderjaar': '', 'number': '30'}"), Key("{'dossier': '', 'number': '30'}"));
    }

    [Fact]
    public void Of_NullNumber_ReadsAsPythonsNone()
    {
        // str(None) is "None" in score.py: a null number equals another null number, not a missing one.
        Assert.Equal(Key("{'dossier': '1', 'number': null}"), Key("{'dossier': '1', 'number': 'None'}"));
        Assert.NotEqual(Key("{'dossier': '1', 'number': null}"), Key("{'dossier': '1'}"));
    }

    [Fact]
    public void Of_SharpS_UpperCasesToSS()
    {
        Assert.Equal("STRASSE", Key("{'dossier': 'straße', 'number': '1'}").First);
    }
}
