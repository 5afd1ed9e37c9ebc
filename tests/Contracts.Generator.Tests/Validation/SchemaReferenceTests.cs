using System.Text.Json.Nodes;
using ContractHarness.Contracts.Generator.Tests.Support;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Contracts.Generator.Tests.Validation;

/// <summary>
/// The references the one schema reader follows (sibling files, pointers into <c>definitions</c>, files in other
/// folders) and how it reports the ones it cannot follow; what the Pact side's schema matchers rely on too.
/// </summary>
public sealed class SchemaReferenceTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private void Write(string name, string json)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.Combine(name))!);
        File.WriteAllText(_folder.Combine(name), json);
    }

    [Fact]
    public void APointerIntoDefinitions_IsFollowed_AndValidated()
    {
        Write("Thing.schema.json", """
            {"type":"object","properties":{"Category":{"$ref":"#/definitions/Category"}},
             "definitions":{"Category":{"type":"object","additionalProperties":false,"properties":{"Id":{"type":"integer"}}}}}
            """);
        var schema = new CompiledSchemas(_folder.Path).Get("Thing");

        schema.Validate(JsonNode.Parse("""{"Category":{"Id":3}}""")).Should().BeEmpty();
        schema.Validate(JsonNode.Parse("""{"Category":{"Id":"three"}}""")).Should().ContainSingle()
            .Which.Should().Be(new SchemaError("/Category/Id", "TypeMismatch", "/Category/Id: expected an integer but found a string."));
    }

    [Fact]
    public void AFileAndPointer_InAnotherFolder_AreFollowedRelativeToTheReferrer()
    {
        Write("Thing.schema.json", """{"type":"object","properties":{"Owner":{"$ref":"shared/Parts.json#/definitions/Owner"}}}""");
        Write("shared/Parts.json", """{"definitions":{"Owner":{"type":"object","required":["Id"]}}}""");

        var errors = new CompiledSchemas(_folder.Path).Get("Thing").Validate(JsonNode.Parse("""{"Owner":{}}"""));

        errors.Should().ContainSingle().Which.Kind.Should().Be("PropertyRequired");
    }

    [Fact]
    public void AMissingReferencedFile_NamesTheFileAndItsReferrer()
    {
        Write("Broken.schema.json", """{"type":"object","properties":{"Owner":{"$ref":"Nobody.schema.json"}}}""");
        var schema = new CompiledSchemas(_folder.Path).Get("Broken");

        var validate = () => schema.Validate(JsonNode.Parse("""{"Owner":{}}"""));

        validate.Should().Throw<FileNotFoundException>().WithMessage("No schema file Nobody.schema.json in *(referenced from Broken.schema.json).");
    }

    [Fact]
    public void APointerToNothing_IsReportedWithTheFile()
    {
        Write("Thing.schema.json", """{"type":"object","properties":{"Category":{"$ref":"#/definitions/Nope"}}}""");
        var schema = new CompiledSchemas(_folder.Path).Get("Thing");

        var validate = () => schema.Validate(JsonNode.Parse("""{"Category":{}}"""));

        validate.Should().Throw<InvalidDataException>().WithMessage("Thing.schema.json: the reference '#/definitions/Nope' points to no schema object.");
    }

    [Fact]
    public void AKeywordTheValidatorCannotCheck_IsRefused_ExceptForReadersOfTheShape()
    {
        Write("Thing.schema.json", """{"type":"object","properties":{"Name":{"type":"string","minLength":3}}}""");

        var strict = () => new CompiledSchemas(_folder.Path).Get("Thing");
        var shape = CompiledSchemas.ReadFile(_folder.Combine("Thing.schema.json"), ignoreUnknownKeywords: true);

        strict.Should().Throw<NotSupportedException>().WithMessage("Thing.schema.json: the schema keyword 'minLength' is not supported*");
        shape.Properties.Should().ContainSingle().Which.Value.Types.Should().Be(SchemaTypes.String);
    }

    [Fact]
    public void AMissingSchema_IsNamedByItsName() =>
        new Func<SchemaNode>(() => new CompiledSchemas(_folder.Path).Get("Nothing")).Should().Throw<FileNotFoundException>()
            .WithMessage("No schema 'Nothing' in *.");
}
