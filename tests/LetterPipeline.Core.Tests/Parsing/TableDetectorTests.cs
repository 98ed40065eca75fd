using LetterPipeline.Core.Tests.Writing.Support;

namespace LetterPipeline.Core.Tests.Parsing;

/// <summary>Tables in real documents keep every cell, in reading order, as rows of cells.</summary>
public sealed class TableDetectorTests
{
    [Fact]
    public void Parse_BijlageTable_RowsOfCellsWithTheCellsMarker()
    {
        var letter = WordTestFiles.Parse("real-2", "kst-36450-6.pdf");

        var table = letter.Sections.SelectMany(s => s.Paragraphs).First(p => p.Table is not null);

        Assert.Equal(["Huidige taken", "Instellingsbesluit Adviescollege Toetsing Regeldruk Stcrt.2023, 3251)", "Voorgestelde taken",
            "Wetsvoorstel Instellingswet Adviescollege toetsing regeldruk", "Opmerking"], table.Table![0]);
        Assert.Equal("Adviseren regering over gevolgen van regeldruk van wetsvoorstellen en ontwerp algemene maatregelen van bestuur", table.Table[1][0]);
        Assert.Equal("Artikel 2, tweede lid, onderdeel a", table.Table[1][1]);
        // "… algemene maatregel van bestuur¹": the bijlage's own footnote, marked in the third cell.
        var marker = table.Markers.First(m => m.Number == "1");
        Assert.EndsWith("algemene maatregel van bestuur", table.Text[..marker.Offset], StringComparison.Ordinal);
        Assert.Equal(string.Join(' ', table.Table.SelectMany(r => r).Where(c => c.Length > 0)), table.Text);
    }

    [Fact]
    public void Parse_BesluitenlijstCommittees_OneRowPerCommittee()
    {
        var letter = WordTestFiles.Parse("real", "besluitenlijst-1.pdf");

        var table = letter.Sections.SelectMany(s => s.Paragraphs).First(p => p.Table is not null).Table!;

        Assert.Equal(["Volgcommissie(s):", "BuZa", "i.v.m. agendapunt", "24"], table[0]);
        Assert.Equal(["", "JUST", "i.v.m. agendapunt", "6, 9, 13, 20, 24, 27, 35"], table[4]);
        Assert.Equal(12, table.Count);
    }
}
