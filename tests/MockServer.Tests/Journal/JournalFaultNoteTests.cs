using ContractHarness.MockServer.Hosting;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Http.Admin;
using ContractHarness.MockServer.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ContractHarness.MockServer.Tests.Journal;

/// <summary>
/// The journal's <c>fault</c>: the note a step that bent the answer leaves under <see cref="FaultNote.ItemKey"/>.
/// The steps that write it (fault rules, <c>Prefer</c>) live elsewhere; here a handler of our own plays that part inside
/// the real <see cref="RequestPipeline"/>.
/// </summary>
public sealed class JournalFaultNoteTests : IDisposable
{
    private readonly MockContext _mock = MockLoader.Load(new SuperOfficeMockServerOptions { LogRequests = false });

    public void Dispose() => _mock.Dispose();

    [Fact]
    public async Task NoteInTheItems_IsTheEntrysFault()
    {
        await RunAsync("/api/v1/Contact/5", context =>
        {
            context.Items[FaultNote.ItemKey] = "f1: status 503";
            return ErrorResponse.WriteAsync(context, new MockHttpException(503, "Service Unavailable", "Fault", "Injected."));
        });

        var entry = _mock.Journal.Snapshot().Entries.Single();
        entry.Fault.Should().Be("f1: status 503");
        entry.Status.Should().Be(503);
        entry.Bodies.Response.ToText().Should().Contain("\"ErrorType\":\"Fault\"");
        JournalEndpoints.ToModel(_mock.Routes, entry).Fault.Should().Be("f1: status 503");
    }

    [Fact]
    public async Task ItemsWithoutANote_OrNoItemsAtAll_LeaveFaultNull()
    {
        await RunAsync("/api/v1/Contact/5", context =>
        {
            context.Items["something.else"] = "x";
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        await RunAsync("/api/v1/Contact/6", context =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });

        _mock.Journal.Snapshot().Entries.Select(e => e.Fault).Should().Equal(null, null);
    }

    private async Task RunAsync(string path, RequestDelegate handler)
    {
        var response = new InMemoryResponse();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature { Method = "GET", Path = path, Headers = new HeaderDictionary { ["Host"] = "127.0.0.1" } });
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(response);
        await new RequestPipeline(_mock, handler).InvokeAsync(new DefaultHttpContext(features));
        await response.CompleteAsync();
    }
}
