using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.Pact.Schema;
using ContractHarness.Pact.Tests.Support;
using ContractHarness.Pact.Verifier;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;

namespace ContractHarness.Pact.Tests.Schema;

/// <summary>
/// A pact whose response body comes from <see cref="SchemaMatchers"/>, run through the engine both ways: the mock
/// answers the example, and the verifier accepts any provider answer of the same shape but rejects a wrong type.
/// </summary>
public class SchemaRoundTripTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Description = "a request for contact 66, answered in the shape of ContactEntity";
    private readonly TempDirectory pacts = new();
    private readonly SchemaFolder schemas = new();

    public async Task InitializeAsync()
    {
        var body = SchemaMatchers.FromSchemaFile(schemas.ContactSchema, SchemaFolder.ContactExample(), new SchemaMatcherOptions
        {
            Overrides = new Dictionary<string, object?> { ["Department"] = "Sales" },
        })!;
        var pact = ContactPact.NewPact(pacts.Path);
        pact.UponReceiving(Description)
            .Given("Contact 66 exists")
            .WithRequest(HttpMethod.Get, "/api/v1/Contact/66")
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(body);

        await pact.VerifyAsync(async context =>
        {
            using var client = new HttpClient { BaseAddress = context.MockServerUri };
            var answer = JsonNode.Parse(await client.GetStringAsync("/api/v1/Contact/66"))!;
            var expected = SchemaFolder.ContactExample();
            expected["Interests"]!.AsArray().RemoveAt(1); // an array's matcher keeps its first element as the template
            JsonNode.DeepEquals(answer, expected).Should().BeTrue($"the mock answers the example, not {answer.ToJsonString()}");
        });
    }

    public Task DisposeAsync()
    {
        pacts.Dispose();
        schemas.Dispose();
        return Task.CompletedTask;
    }

    private static JsonObject SameShapeOtherValues() => JsonNode.Parse("""
        {"ContactId":4711,"Name":"Another company","Department":"Sales",
         "UpdatedDate":"2026-11-22T10:00:00","CreatedDate":"2013-02-21T15:29:29.5607019+01:00",
         "NoMailing":true,"Rating":3,
         "Emails":[{"Value":"a@example.com","StrippedValue":"a@example.com","Description":null},
                   {"Value":"b@example.com","StrippedValue":"b@example.com","Description":null}],
         "UpdatedBy":{"AssociateId":12,"Name":"Grace","IsActive":false},
         "Category":{"Id":9,"Value":"Prospect"},
         "CustomFields":{"Other:9":"x","Other:10":"y"},
         "FieldProperties":{"Department":{"FieldRight":{"Mask":"READ"},"FieldType":"System.String","FieldLength":50}},
         "BounceEmails":["bounced@example.com"],
         "Interests":[],
         "PostalAddress":null,
         "Extra":2.25}
        """)!.AsObject();

    private async Task<PactVerificationResult> VerifyAgainst(JsonObject answer)
    {
        await using var provider = await TestProvider.StartAsync(app => app.MapGet("/api/v1/Contact/{id}", () => TestProvider.Json(answer)));
        return await new PactVerifier("SuperOfficeWebApi", new PactVerifierConfig { Outputters = [new XunitOutput(output)] })
            .WithHttpEndpoint(provider.Uri)
            .WithDirectorySource(pacts.Path)
            .WithProviderStateUrl(provider.StateUri)
            .ExecuteAsync();
    }

    [Fact]
    public async Task ProviderAnsweringOtherValuesOfTheSameTypes_Passes()
    {
        var result = await VerifyAgainst(SameShapeOtherValues());

        result.Passed.Should().BeTrue(result.Output);
        result.Interactions.Should().ContainSingle().Which.Description.Should().Be(Description);
    }

    [Theory]
    [InlineData("ContactId", "\"4711\"", "$.ContactId")]
    [InlineData("Rating", "\"high\"", "$.Rating")]
    [InlineData("NoMailing", "\"yes\"", "$.NoMailing")]
    [InlineData("UpdatedDate", "\"22.11.2026 10:00\"", "$.UpdatedDate")]
    [InlineData("Department", "\"Marketing\"", "$.Department")]
    [InlineData("Emails", "[{\"Value\":1,\"StrippedValue\":\"a\",\"Description\":null}]", "$.Emails[0].Value")]
    [InlineData("CustomFields", "{\"Other:9\":42}", "$.CustomFields['Other:9']")]
    [InlineData("UpdatedBy", "{\"AssociateId\":\"12\",\"Name\":\"Grace\",\"IsActive\":false}", "$.UpdatedBy.AssociateId")]
    public async Task ProviderAnsweringAWrongTypeOrAPinnedValue_Fails_NamingTheInteractionAndField(string field, string wrongJson, string path)
    {
        var answer = SameShapeOtherValues();
        answer[field] = JsonNode.Parse(wrongJson);

        var result = await VerifyAgainst(answer);

        result.Passed.Should().BeFalse($"{field} = {wrongJson} must not verify");
        var failure = result.Failures.Should().ContainSingle().Subject;
        failure.Description.Should().Be(Description);
        failure.Failures.Should().Contain(f => f.Contains(path, StringComparison.Ordinal), string.Join(Environment.NewLine, failure.Failures));
    }
}
