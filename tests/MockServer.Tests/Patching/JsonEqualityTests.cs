using System.Text.Json.Nodes;
using ContractHarness.MockServer.Patching;
using static ContractHarness.MockServer.Tests.Patching.PatchJson;

namespace ContractHarness.MockServer.Tests.Patching;

public sealed class JsonEqualityTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1", "1e0")]
    [InlineData("100", "1e2")]
    [InlineData("100", "1E+2")]
    [InlineData("0.01", "1e-2")]
    [InlineData("0.5", "5E-1")]
    [InlineData("12.340", "1234e-2")]
    [InlineData("0", "-0")]
    [InlineData("0", "0.000e5")]
    [InlineData("-1.5", "-15e-1")]
    [InlineData("123456789012345678901234567890", "1.23456789012345678901234567890e29")]
    [InlineData("\"x\"", "\"x\"")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    [InlineData("{\"a\":1,\"b\":[1,{\"c\":null}]}", "{\"b\":[1.0,{\"c\":null}],\"a\":1}")]
    public void DeepEquals_EqualJson_IsTrue(string left, string right)
    {
        JsonEquality.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right)).Should().BeTrue();
        JsonEquality.DeepEquals(JsonNode.Parse(right), JsonNode.Parse(left)).Should().BeTrue();
    }

    [Theory]
    [InlineData("1", "2")]
    [InlineData("1", "-1")]
    [InlineData("1", "10")]
    [InlineData("1", "1.1")]
    [InlineData("1e2", "1e3")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567891")]
    [InlineData("0.1", "0.10000000000000001")]
    [InlineData("10", "\"10\"")]
    [InlineData("\"a\"", "\"A\"")]
    [InlineData("true", "false")]
    [InlineData("null", "false")]
    [InlineData("null", "0")]
    [InlineData("null", "\"\"")]
    [InlineData("[]", "{}")]
    [InlineData("[1,2]", "[2,1]")]
    [InlineData("[1]", "[1,1]")]
    [InlineData("{\"a\":1}", "{\"A\":1}")]
    [InlineData("{\"a\":1}", "{\"a\":1,\"b\":1}")]
    [InlineData("{\"a\":null}", "{}")]
    [InlineData("{\"a\":null}", "{\"b\":null}")]
    public void DeepEquals_DifferentJson_IsFalse(string left, string right)
    {
        JsonEquality.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right)).Should().BeFalse();
        JsonEquality.DeepEquals(JsonNode.Parse(right), JsonNode.Parse(left)).Should().BeFalse();
    }

    [Fact]
    public void DeepEquals_ParsedAndConstructedValues_CompareByValue()
    {
        JsonEquality.DeepEquals(JsonValue.Create(1), JsonNode.Parse("1.0")).Should().BeTrue();
        JsonEquality.DeepEquals(JsonValue.Create(2.5m), JsonNode.Parse("25e-1")).Should().BeTrue();
        JsonEquality.DeepEquals(JsonValue.Create(1L), JsonValue.Create(1.0)).Should().BeTrue();
        JsonEquality.DeepEquals(JsonValue.Create(1), JsonValue.Create(2)).Should().BeFalse();
        JsonEquality.DeepEquals(JsonValue.Create("x"), JsonNode.Parse("\"x\"")).Should().BeTrue();
        JsonEquality.DeepEquals(new JsonObject { ["a"] = 1 }, Parse("{'a':1.0}")).Should().BeTrue();
    }

    [Fact]
    public void DeepEquals_NullReferenceAndJsonNullValue_AreEqual()
    {
        var jsonNull = JsonValue.Create(System.Text.Json.JsonDocument.Parse("null").RootElement.Clone());

        JsonEquality.DeepEquals(null, jsonNull).Should().BeTrue();
        JsonEquality.DeepEquals(null, null).Should().BeTrue();
        JsonEquality.DeepEquals(null, JsonValue.Create(0)).Should().BeFalse();
    }

    [Fact]
    public void DeepEquals_CaseInsensitiveObject_StillComparesNamesExactly()
    {
        var options = new JsonNodeOptions { PropertyNameCaseInsensitive = true };
        var left = new JsonObject(options) { ["Name"] = 1 };
        var right = new JsonObject(options) { ["name"] = 1 };

        JsonEquality.DeepEquals(left, right).Should().BeFalse();
        JsonEquality.DeepEquals(left, new JsonObject(options) { ["Name"] = 1 }).Should().BeTrue();
    }
}
