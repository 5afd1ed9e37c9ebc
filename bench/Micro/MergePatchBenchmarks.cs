using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ContractHarness.MockServer.Patching;

namespace ContractHarness.Bench.Micro;

/// <summary>JSON Merge Patch (RFC 7396) on the Contact fixture: conversion to JSON Patch and direct application.</summary>
[MemoryDiagnoser]
public class MergePatchBenchmarks
{
    private byte[] _body = [];
    private JsonObject _contact = null!;
    private JsonObject _merge = null!;
    private JsonObject _nestedMerge = null!;

    [GlobalSetup]
    public void Setup()
    {
        _contact = Inputs.Fixture("ContactEntity");
        _body = """{"Department":"bench-department-1"}"""u8.ToArray();
        _merge = JsonNode.Parse(_body)!.AsObject();
        _nestedMerge = JsonNode.Parse("""{"Department":"Sales","Number2":null,"Emails":[{"Value":"a@example.com"}],"Name":"Bench AS"}""")!.AsObject();
    }

    [Benchmark(Description = "ToJsonPatch, 1 member")]
    public object ToJsonPatch() => MergePatch.ToJsonPatch(_merge, _contact); // object: the engine's types are internal

    [Benchmark(Description = "ToJsonPatch, 4 members incl. null and array")]
    public object ToJsonPatchFour() => MergePatch.ToJsonPatch(_nestedMerge, _contact); // object: the engine's types are internal

    [Benchmark(Description = "Parse body + ToJsonPatch + ApplyTo (PATCH merge path)")]
    public JsonNode? ParseConvertApply()
    {
        var merge = JsonNode.Parse(_body)!.AsObject();
        return MergePatch.ToJsonPatch(merge, _contact).ApplyTo(_contact);
    }

    [Benchmark(Description = "MergePatch.Apply (RFC 7396 direct)")]
    public JsonNode? Apply() => MergePatch.Apply(_contact, _merge);
}
