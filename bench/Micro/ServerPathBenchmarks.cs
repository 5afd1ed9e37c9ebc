using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ContractHarness.MockServer.Hosting;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;
using ContractHarness.MockServer.Patching;
using ContractHarness.MockServer;

namespace ContractHarness.Bench.Micro;

/// <summary>
/// The mock's own code for one request, without HTTP: a PATCH's body parse and update of a stored Contact (the
/// partial path that parses, validates and re-serialises only the touched members), and a <c>$select</c>
/// projection of the stored bytes. Nothing is stored, so every invocation starts from the same version.
/// </summary>
[MemoryDiagnoser]
public class ServerPathBenchmarks
{
    private static readonly byte[] JsonPatchBody = """[{"op":"replace","path":"department","value":"bench-department-1"}]"""u8.ToArray();
    private static readonly byte[] MergePatchBody = """{"Department":"bench-department-1","Number1":"42"}"""u8.ToArray();
    private static readonly byte[] FailingTestBody = """[{"op":"test","path":"/Name","value":"not the name"},{"op":"replace","path":"/Department","value":"x"}]"""u8.ToArray();

    private MockContext _mock = null!;
    private EntityChanges _updates = null!;
    private EntityModel _contact = null!;
    private StoredEntity _stored = null!;
    private JsonPatchDocument _parsed = null!;
    private PreparedPatch _prepared = null!;

    [GlobalSetup]
    public void Setup()
    {
        _mock = MockLoader.Load(new SuperOfficeMockServerOptions { ContractsDirectory = Inputs.ContractsDirectory, LogRequests = false });
        _updates = _mock.Changes;
        _contact = _mock.Store.Models.Single(m => m.Resource == "Contact");
        _stored = _mock.Store.Get(_contact, 1)!;
        _parsed = PatchErrors.Parse(JsonNode.Parse(JsonPatchBody), _contact, out _)!;
        _prepared = _updates.Prepare(_contact, 1, _parsed, null)!;
    }

    [GlobalCleanup]
    public void Cleanup() => _mock.Dispose();

    [Benchmark(Description = "PATCH JSON Patch, 1 replace: parse body + update stored Contact")]
    public int JsonPatch() =>
        _updates.Patch(_contact, 1, _stored, PatchErrors.Parse(JsonNode.Parse(JsonPatchBody), _contact, out _), null, null).Stored!.Utf8.Length;

    [Benchmark(Description = "PATCH as the server runs it: body bytes → JSON Patch → prepared → new version")]
    public int ServerJsonPatch()
    {
        PatchBody.Read(JsonPatchBody, "application/json-patch+json", _contact, out var patch, out _);
        var prepared = _updates.Prepare(_contact, 1, patch, null);
        return _updates.Patch(_contact, 1, _stored, patch, null, null, prepared: prepared).Stored!.Utf8.Length;
    }

    [Benchmark(Description = "before the lock: body bytes → JSON Patch, 1 replace")]
    public int ReadJsonPatch() => PatchBody.Read(JsonPatchBody, "application/json-patch+json", _contact, out var patch, out _) is null ? patch!.Operations.Count : -1;

    [Benchmark(Description = "lock hold, whole path: JSON Patch, 1 replace, parsed body → new version")]
    public int UnderLockWhole() => _updates.Patch(_contact, 1, _stored, _parsed, null, null).Stored!.Utf8.Length;

    [Benchmark(Description = "before the lock: prepare JSON Patch, 1 replace (shape, validate, serialize)")]
    public int Prepare() => _updates.Prepare(_contact, 1, _parsed, null)!.Values!.Length;

    [Benchmark(Description = "lock hold, prepared: preconditions + byte splice")]
    public int UnderLockPrepared() => _updates.Patch(_contact, 1, _stored, _parsed, null, null, prepared: _prepared).Stored!.Utf8.Length;

    [Benchmark(Description = "PATCH Merge Patch, 2 members: parse body + update stored Contact")]
    public int MergePatch() =>
        _updates.Patch(_contact, 1, _stored, null, JsonNode.Parse(MergePatchBody)!.AsObject(), null).Stored!.Utf8.Length;

    [Benchmark(Description = "PATCH failing test → 409 refusal")]
    public int FailingTest() =>
        _updates.Patch(_contact, 1, _stored, PatchErrors.Parse(JsonNode.Parse(FailingTestBody), _contact, out _), null, null).Refusal!.Status;

    [Benchmark(Description = "PATCH stale If-Unmodified-Since → 412 refusal")]
    public int Stale() =>
        _updates.Patch(_contact, 1, _stored, PatchErrors.Parse(JsonNode.Parse(JsonPatchBody), _contact, out _), null, DateTimeOffset.UnixEpoch).Refusal!.Status;

    [Benchmark(Description = "$select=Name,Department: parse + project the stored bytes")]
    public int Select() => SelectProjection.Parse("Name,Department", _contact, out _)!.Apply(_stored).Utf8.Length;
}
