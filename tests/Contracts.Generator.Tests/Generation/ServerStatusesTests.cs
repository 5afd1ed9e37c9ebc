using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Generator.Catalog;
using ContractHarness.Contracts.Generator.Tests.Support;

namespace ContractHarness.Contracts.Generator.Tests.Generation;

/// <summary>The statuses the pages leave out, as the catalog records them beside the pages' own.</summary>
public class ServerStatusesTests
{
    private static readonly EndpointCatalog Catalog = EndpointCatalog.Load(RepoPaths.Contracts);

    [Fact]
    public void PatchOperations_AddWhatThePageDoesNotList()
    {
        var contact = Catalog.Endpoints[0];

        contact.Responses.Select(r => r.Status).Should().Equal(200, 404, 409, 412);
        contact.ServerResponses.Select(r => r.Status).Should().Equal(400, 401, 413, 415, 503);
        contact.ServerResponses.Single(r => r.Status == 400).Description.Should().Contain("'move' or 'copy'").And.Contain("primary key");
    }

    [Fact]
    public void PutRelation_AddsNotFound_AndNoConflict()
    {
        var relation = Catalog.Endpoints[3];

        relation.Responses.Select(r => r.Status).Should().Equal(200, 412, 400);
        relation.ServerResponses.Select(r => r.Status).Should().Equal([401, 404, 413, 415, 503], "a PUT has no 'test' operation to fail, and its page already lists 400");
    }

    [Fact]
    public void EveryRoute_HasTheStatusesOfItsGet()
    {
        Catalog.Endpoints.Should().OnlyContain(e => e.ReadResponses.Select(r => r.Status).SequenceEqual(new[] { 200, 304, 400, 401, 404, 503 }));
        Catalog.Endpoints[4].ReadResponses[0].Description.Should().Be("The TicketEntity.");
    }

    [Fact]
    public void StatusesThePageLists_AreNotRepeated()
    {
        ServerStatuses.ForUpdate(RequestBodyKind.Patch, "Widget", [200, 400, 415]).Select(r => r.Status).Should().Equal(401, 404, 409, 413, 503);
    }
}
