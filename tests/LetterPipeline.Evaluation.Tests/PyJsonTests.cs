using System.Numerics;
using System.Text;
using System.Text.Json;

namespace LetterPipeline.Evaluation.Tests;

public sealed class PyJsonTests
{
    private static object? Parse(string json) => PyJson.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parse_RepeatedKey_KeepsFirstPositionAndLastValue()
    {
        var d = Assert.IsType<OrderedDictionary<string, object?>>(Parse("""{"a": 1, "b": 2, "a": 3}"""));

        Assert.Equal(["a", "b"], d.Keys);
        Assert.Equal(new BigInteger(3), d["a"]);
    }

    [Fact]
    public void Parse_Numbers_IntegersStayExactAndFractionsBecomeDoubles()
    {
        var list = Assert.IsType<List<object?>>(Parse("[12345678901234567890, 1.0, 1e2, -0]"));

        Assert.Equal([BigInteger.Parse("12345678901234567890"), 1.0, 100.0, BigInteger.Zero], list);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsRejectedLikePython()
    {
        Assert.ThrowsAny<JsonException>(() => PyJson.Parse(Encoding.UTF8.GetPreamble().Concat("{}"u8.ToArray()).ToArray()));
    }

    [Fact]
    public void Dumps_NestedWithIndent_MatchesPythonLayout()
    {
        var value = new KeyValuePair<string, object>[]
        {
            new("summary", new KeyValuePair<string, object>[] { new("docs", 2L), new("title_acc", 0.5) }),
            new("per_doc", Array.Empty<KeyValuePair<string, object>>()),
            new("naïve", 1.0),
        };

        Assert.Equal("{\n \"summary\": {\n  \"docs\": 2,\n  \"title_acc\": 0.5\n },\n \"per_doc\": {},\n \"na\\u00efve\": 1.0\n}", PyJson.Dumps(value, indent: 1));
        Assert.Equal("{\"docs\": 2, \"title_acc\": 0.5}", PyJson.Dumps(value[0].Value));
    }
}
