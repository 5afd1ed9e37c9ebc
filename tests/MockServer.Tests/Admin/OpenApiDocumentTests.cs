using ContractHarness.Contracts.Catalog;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Http.Admin;
using Microsoft.AspNetCore.Http;

namespace ContractHarness.MockServer.Tests.Admin;

/// <summary>The pieces of the browser pages that a running mock does not show: a document without servers, a build without swagger-ui.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public void WithServer_ReplacesEveryServer_AndKeepsTheRestInOrder()
    {
        var source = """{"openapi":"3.0.3","info":{"title":"t"},"servers":[{"url":"http://a"},{"url":"http://b"}],"paths":{"/x":{}}}"""u8.ToArray();

        var written = JsonNode.Parse(OpenApiDocument.WithServer(source, "http://127.0.0.1:9"))!.AsObject();

        written.Select(p => p.Key).Should().Equal("openapi", "info", "servers", "paths");
        written["servers"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()).Should().Equal("http://127.0.0.1:9");
    }

    [Fact]
    public void WithServer_AddsServersAfterInfo_WhenTheDocumentHasNone()
    {
        var source = """{"openapi":"3.0.3","info":{"title":"t"},"paths":{}}"""u8.ToArray();

        var written = JsonNode.Parse(OpenApiDocument.WithServer(source, "http://localhost:5"))!.AsObject();

        written.Select(p => p.Key).Should().Equal("openapi", "info", "servers", "paths");
        written["servers"]![0]!["url"]!.GetValue<string>().Should().Be("http://localhost:5");
    }

    [Fact]
    public void For_AContractSetWithoutTheDocument_IsNull()
    {
        new OpenApiDocument(ContractFiles.Embedded, ContractFiles.Embedded.PathOf("no-such-openapi.json")).For("http://x").Should().BeNull();
    }

    [Theory]
    [InlineData("/docs")]
    [InlineData("/docs/swagger-ui-bundle.js")]
    [InlineData("/docs/license")]
    public async Task Docs_OfABuildWithoutSwaggerUi_Are503SayingHowToGetThem(string route)
    {
        var pages = new AdminPages(new OpenApiDocument(ContractFiles.Embedded, "unused"), swaggerUiBundled: false);
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = AdminEndpoints.Prefix + route;
        context.Response.Body = new MemoryStream();

        await pages.Find(context.Request, route, route)!(context);

        context.Response.StatusCode.Should().Be((int)HttpStatusCode.ServiceUnavailable);
        var body = JsonNode.Parse(Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()))!;
        body["ErrorType"]!.GetValue<string>().Should().Be("DocsNotBundled");
        body["ErrorMessage"]!.GetValue<string>().Should().Contain("npm ci").And.Contain("rebuild the mock");
    }

    [Fact]
    public async Task OwnPages_OfABuildWithoutSwaggerUi_StillWork()
    {
        var pages = new AdminPages(new OpenApiDocument(ContractFiles.Embedded, "unused"), swaggerUiBundled: false);
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Response.Body = new MemoryStream();

        await pages.Find(context.Request, "/", "")!(context);

        context.Response.StatusCode.Should().Be((int)HttpStatusCode.OK);
        context.Response.ContentType.Should().StartWith("text/html");
    }
}
