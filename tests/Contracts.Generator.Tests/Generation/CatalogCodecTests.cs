using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Generator.Tests.Support;

namespace ContractHarness.Contracts.Generator.Tests.Generation;

/// <summary>The catalog has one codec (a hand-written reader and writer): what goes out must come back the same.</summary>
public class CatalogCodecTests
{
    private static readonly string CommittedText = File.ReadAllText(Path.Combine(RepoPaths.Contracts, EndpointCatalog.FileName));

    [Fact]
    public void CommittedCatalog_ReadsBackToTheSameFile()
    {
        var catalog = EndpointCatalog.Load(RepoPaths.Contracts);

        catalog.Endpoints.Should().HaveCount(5);
        catalog.Endpoints.Should().Contain(e => e.RequestBody.Kind == RequestBodyKind.Entity).And.Contain(e => e.RequestBody.Kind == RequestBodyKind.Patch);
        catalog.ToJson().Should().Be(CommittedText);
    }

    [Fact]
    public void AbsentOptionalValues_AreLeftOutAndReadBackAsAbsent()
    {
        var catalog = EndpointCatalog.Load(RepoPaths.Contracts);
        var trimmed = catalog with { Comment = null, Endpoints = [catalog.Endpoints[0] with { UpdatedByField = null }] };

        var written = trimmed.ToJson();
        var read = Load(written);

        written.Should().NotContain("\"comment\"").And.NotContain("updatedByField");
        read.Comment.Should().BeNull();
        read.Endpoints.Should().ContainSingle().Which.UpdatedByField.Should().BeNull();
        read.ToJson().Should().Be(written);
    }

    [Fact]
    public void OptionalMembersAndUnknownProperties_AreAccepted()
    {
        var catalog = Edit(root =>
        {
            root.Remove("comment");
            root["endpoints"]![0]!.AsObject().Remove("updatedByField");
            root["endpoints"]![0]!.AsObject().Remove("serverResponses");
            root["endpoints"]![0]!.AsObject().Remove("readResponses");
            root["endpoints"]![1]!["addedLater"] = "ignored";
        });

        var loaded = Load(catalog);

        loaded.Comment.Should().BeNull();
        loaded.Endpoints[0].UpdatedByField.Should().BeNull();
        loaded.Endpoints[0].ServerResponses.Should().BeEmpty();
        loaded.Endpoints[0].ReadResponses.Should().BeEmpty();
        loaded.Endpoints[1].ServerResponses.Should().NotBeEmpty();
        loaded.Endpoints[1].UpdatedByField.Should().NotBeNull();
    }

    [Theory]
    [InlineData("route", "$.endpoints[2]: the required property 'route' is missing")]
    [InlineData("responses", "$.endpoints[2]: the required property 'responses' is missing")]
    [InlineData("fixtureId", "$.endpoints[2]: the required property 'fixtureId' is missing")]
    public void MissingRequiredProperty_IsReportedWithItsPath(string property, string expected)
    {
        var catalog = Edit(root => root["endpoints"]![2]!.AsObject().Remove(property));

        var load = () => Load(catalog);

        load.Should().Throw<InvalidDataException>().WithMessage($"*endpoints.json: {expected}.");
    }

    [Theory]
    [InlineData("fixtureId", "\"12\"", "$.endpoints[0].fixtureId: expected an int32")]
    [InlineData("route", "7", "$.endpoints[0].route: expected a string")]
    [InlineData("pathParameters", "{}", "$.endpoints[0].pathParameters: expected an array")]
    [InlineData("requestBody", "[]", "$.endpoints[0].requestBody: expected an object")]
    public void WrongType_IsReportedWithItsPath(string property, string json, string expected)
    {
        var catalog = Edit(root => root["endpoints"]![0]![property] = JsonNode.Parse(json));

        var load = () => Load(catalog);

        load.Should().Throw<InvalidDataException>().WithMessage($"*{expected}.");
    }

    [Fact]
    public void NestedProblems_NameTheirElement()
    {
        var catalog = Edit(root =>
        {
            root["endpoints"]![1]!["pathParameters"]![0]!["required"] = "yes";
        });

        var load = () => Load(catalog);

        load.Should().Throw<InvalidDataException>().WithMessage("*$.endpoints[1].pathParameters[0].required: expected true or false.");
    }

    [Fact]
    public void UnknownBodyKind_IsRefused()
    {
        var catalog = Edit(root => root["endpoints"]![3]!["requestBody"]!["kind"] = "form");

        var load = () => Load(catalog);

        load.Should().Throw<InvalidDataException>().WithMessage("*$.endpoints[3].requestBody.kind: 'form' is not a request body kind (patch, entity).");
    }

    [Theory]
    [InlineData("{\"endpoints\": [")]
    [InlineData("")]
    public void BrokenJson_IsInvalidData(string text)
    {
        var load = () => Load(text);

        load.Should().Throw<InvalidDataException>().WithMessage("*endpoints.json: not valid JSON:*");
    }

    private static string Edit(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(CommittedText)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static EndpointCatalog Load(string text)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine(EndpointCatalog.FileName), text);
        return EndpointCatalog.Load(temp.Path);
    }
}
