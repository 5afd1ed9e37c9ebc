using System.Text.Json.Nodes;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;
using ContractHarness.MockServer.Patching;
using ContractHarness.MockServer.Store;
using ContractHarness.MockServer.Store.Seeding;
using ContractHarness.MockServer.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ContractHarness.MockServer.Tests.Operations;

/// <summary>
/// A patch prepared before the entity's lock answers exactly what the whole-patch path under the lock answers: the
/// same bytes, or the same refusal; patches that need the stored version are not prepared.
/// </summary>
public sealed class PreparedPatchTests
{
    private static readonly EntityModel Contact = TestPaths.Models.Single(m => m.Resource == "Contact");
    private static readonly SeedData Seed = SeedData.Build(TestPaths.Models, 42, 3);
    private readonly EntityChanges _changes = new(Seed, new FakeTimeProvider(new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero)), ignorePreconditions: false);

    public static TheoryData<string> Prepared => new()
    {
        """[{"op":"replace","path":"/Department","value":"Sales"}]""",
        """[{"op":"replace","path":"department","value":"Sales"},{"op":"add","path":"/Number1","value":"42"}]""",
        """[{"op":"remove","path":"/Description"},{"op":"replace","path":"/Xstop","value":true}]""",
        """[{"op":"add","path":"/department","value":"x"},{"op":"remove","path":"/Domains"}]""",
        """[{"op":"replace","path":"/CreatedDate","value":"2024-05-01T12:00:00+02:00"}]""",
        """[{"op":"replace","path":"/Domains","value":["a.example","b.example"]}]""",
        """[{"op":"replace","path":"/UpdatedDate","value":"2000-01-01T00:00:00"},{"op":"replace","path":"/UpdatedBy","value":null}]""",
        """[{"op":"replace","path":"/Department","value":42}]""",
        """[{"op":"replace","path":"/CreatedDate","value":"yesterday"}]""",
        """[{"op":"replace","path":"/ContactId","value":7}]""",
        """[{"op":"replace","path":"/ContactId","value":66}]""",
        """{"Department":"Support","number1":"42"}""",
        """{"Department":null,"Domains":[]}""",
        """{"Department":7}""",
    };

    public static TheoryData<string> NotPrepared => new()
    {
        """[{"op":"test","path":"/Name","value":"x"},{"op":"replace","path":"/Department","value":"y"}]""",
        """[{"op":"add","path":"/Domains/-","value":"c.example"}]""",
        """[{"op":"replace","path":"/Nickname","value":"x"}]""",
        """[{"op":"replace","path":"/Department","value":"a"},{"op":"replace","path":"/department","value":"b"}]""",
        """[{"op":"replace","path":"","value":{}}]""",
        """[{"op":"replace","path":"/_Links","value":{}}]""",
        """{"Department":"a","ExtraFields":{"x":"y"}}""",
        """{"Nickname":"x"}""",
    };

    [Theory]
    [MemberData(nameof(Prepared))]
    public void Prepared_AnswersAsThePathUnderTheLock(string body)
    {
        foreach (var current in new[] { Seed.VersionOf(Contact, 66), Seed.VersionOf(Contact, 2) })
        {
            var id = current == Seed.VersionOf(Contact, 66) ? 66 : 2;
            var (patch, merge) = Parse(body);
            var prepared = _changes.Prepare(Contact, id, patch, merge);
            prepared.Should().NotBeNull();

            AssertSame(_changes.Patch(Contact, id, current, patch, merge, null, prepared: prepared), Whole(body, id, current));
        }
    }

    [Theory]
    [MemberData(nameof(NotPrepared))]
    public void NeedsTheStoredVersion_IsNotPrepared(string body)
    {
        var (patch, merge) = Parse(body);

        _changes.Prepare(Contact, 66, patch, merge).Should().BeNull();
    }

    [Fact]
    public void Prepared_StaleIfUnmodifiedSince_Is412BeforeItsOwnRefusal()
    {
        var (patch, merge) = Parse("""[{"op":"replace","path":"/Department","value":42}]""");
        var prepared = _changes.Prepare(Contact, 66, patch, merge)!;

        prepared.Refusal!.Status.Should().Be(400);
        _changes.Patch(Contact, 66, Seed.VersionOf(Contact, 66), patch, merge, DateTimeOffset.UnixEpoch, prepared: prepared).Refusal!.Status.Should().Be(412);
    }

    [Fact]
    public void Prepared_OnAVersionWithoutThePropertyItReplaces_TakesThePathUnderTheLock()
    {
        var sample = Seed.VersionOf(Contact, 66).ToJsonObject();
        sample.Remove("Department");
        var current = EntityWriter.Write(sample, Contact);
        var body = """[{"op":"replace","path":"/Department","value":"Sales"}]""";
        var (patch, merge) = Parse(body);
        var prepared = _changes.Prepare(Contact, 66, patch, merge)!;

        prepared.Fits(current).Should().BeFalse();
        var outcome = _changes.Patch(Contact, 66, current, patch, merge, null, prepared: prepared);
        outcome.Refusal!.Status.Should().Be(400, "replace needs the member (RFC 6902), as under the lock");
        AssertSame(outcome, Whole(body, 66, current));
    }

    private ChangeOutcome Whole(string body, int id, StoredEntity current)
    {
        var (patch, merge) = Parse(body);
        return _changes.Patch(Contact, id, current, patch, merge, null);
    }

    private static void AssertSame(ChangeOutcome prepared, ChangeOutcome whole)
    {
        if (whole.Refusal is { } refusal)
        {
            prepared.Refusal.Should().NotBeNull();
            (prepared.Refusal!.Status, prepared.Refusal.Message).Should().Be((refusal.Status, refusal.Message));
            return;
        }

        prepared.Refusal.Should().BeNull();
        System.Text.Encoding.UTF8.GetString(prepared.Stored!.Utf8).Should().Be(System.Text.Encoding.UTF8.GetString(whole.Stored!.Utf8));
        prepared.Stored.Properties.Should().Equal(whole.Stored.Properties);
        (prepared.Stored.LinksStart, prepared.Stored.LinksEnd).Should().Be((whole.Stored.LinksStart, whole.Stored.LinksEnd));
    }

    private static (JsonPatchDocument? Patch, JsonObject? Merge) Parse(string body) =>
        JsonNode.Parse(body) is JsonArray array ? (JsonPatchDocument.Parse(array), null) : (null, JsonNode.Parse(body)!.AsObject());
}
