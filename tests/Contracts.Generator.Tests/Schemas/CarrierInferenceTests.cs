using System.Text.Json.Nodes;
using ContractHarness.Contracts.Generator.Tests.Support;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Contracts.Generator.Tests.Schemas;

/// <summary>Carriers named and typed from the samples, including rows whose type cell is blank.</summary>
public class CarrierInferenceTests
{
    private static JsonObject Schema(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, name + ".schema.json")))!.AsObject();

    private static JsonObject Property(string schema, string property) => Schema(schema)["properties"]![property]!.AsObject();

    [Theory]
    [InlineData("DocumentEntity", "UpdatedBy", "Associate.schema.json")]          // blank type, same keys as Associate
    [InlineData("DocumentEntity", "Person", "Person.schema.json")]                // blank type, named elsewhere
    [InlineData("DocumentEntity", "Contact", "Contact.schema.json")]              // leading key ContactId
    [InlineData("DocumentEntity", "Sale", "Sale.schema.json")]                    // property name
    [InlineData("ContactRelationEntity", "CreatedBy", "Associate.schema.json")]   // "Carrier object for Associate"
    [InlineData("TicketEntity", "Category", "TicketCategory.schema.json")]        // leading key TicketCategoryId
    [InlineData("TicketEntity", "Status", "TicketStatus.schema.json")]
    [InlineData("TicketEntity", "OwnedBy", "Associate.schema.json")]
    [InlineData("TicketEntity", "TableRight", "TableRight.schema.json")]
    [InlineData("ContactEntity", "SupportPerson", "Person.schema.json")]          // named type cell, null sample
    [InlineData("ContactEntity", "FieldProperties", "FieldProperties.schema.json")]
    public void Entity_CarrierProperty_ReferencesTheInferredCarrier(string entity, string property, string expected) =>
        SchemaTableTests.RefOf(Property(entity, property)).Should().Be(expected);

    [Theory]
    [InlineData("ContactEntity", "Emails", "EntityElement.schema.json")]
    [InlineData("ContactEntity", "Phones", "EntityElement.schema.json")]
    [InlineData("ContactEntity", "Persons", "Person.schema.json")]
    [InlineData("TicketEntity", "SecondaryPersons", "Person.schema.json")]
    [InlineData("ProjectEntity", "Links", "Link.schema.json")]
    [InlineData("DocumentEntity", "Links", "Link.schema.json")]
    [InlineData("ProjectEntity", "ProjectMembers", "ProjectMember.schema.json")]
    public void Entity_ArrayOfCarriers_ItemsReferenceTheCarrier(string entity, string property, string expected) =>
        Property(entity, property)["items"]!["$ref"]!.GetValue<string>().Should().Be(expected);

    [Fact]
    public void Arrays_OfStrings_HaveStringItems()
    {
        Property("ContactEntity", "BounceEmails")["items"]!["type"]!.GetValue<string>().Should().Be("string");
        Property("TicketPriority", "NonDates")["items"]!["type"]!.GetValue<string>().Should().Be("string");
    }

    [Fact]
    public void Carriers_TypesComeFromTheSamples()
    {
        var associate = Schema("Associate")["properties"]!.AsObject();
        associate.Select(p => p.Key).Should().Contain(["AssociateId", "Name", "PersonId", "Type", "Deleted", "EjUserId", "UserName", "TableRight", "FieldProperties"]);
        associate["AssociateId"]!["type"]!.GetValue<string>().Should().Be("integer");
        associate["Deleted"]!["type"]!.GetValue<string>().Should().Be("boolean");

        Schema("Sale")["properties"]!["Amount"]!["type"]!.GetValue<string>().Should().Be("number");
        Schema("Sale")["properties"]!["SaleDate"]!["pattern"]!.GetValue<string>().Should().Be(DateTimeRule.Pattern);
        Schema("TableRight")["properties"]!.AsObject().Select(p => p.Key).Should().Equal("Mask", "Reason");
        Schema("FieldProperties")["additionalProperties"]!["$ref"]!.GetValue<string>().Should().Be("FieldProperty.schema.json");
        SchemaTableTests.RefOf(Schema("FieldProperty")["properties"]!["FieldRight"]!.AsObject()).Should().Be("FieldRight.schema.json");
    }

    [Theory]
    [InlineData("Business")]
    [InlineData("Country")]
    [InlineData("Category")]
    public void NamedCarrier_WithoutSample_AcceptsAnyObject(string carrier)
    {
        var schema = Schema(carrier);
        schema["type"]!.GetValue<string>().Should().Be("object");
        schema.ContainsKey("properties").Should().BeFalse();
    }
}
