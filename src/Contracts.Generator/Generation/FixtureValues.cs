using System.Text.Json.Nodes;
using ContractHarness.Contracts.Generator.Schemas;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Contracts.Generator;

/// <summary>
/// Makes a page's sample entity into a fixture that keeps the schemas' rules, walking it with its schema:
/// <list type="bullet">
/// <item>a date-time with an offset (the samples carry <c>+01:00</c>/<c>+02:00</c>) becomes the same instant in UTC
/// without the offset (<c>2013-02-21T15:29:29.5607019+01:00</c> → <c>2013-02-21T14:29:29.5607019</c>), as the API
/// writes its stamps;</item>
/// <item>an array whose items are date-times by a vendor fact drops the sample's items that are no date-time
/// (<c>TicketPriority.NonDates</c> holds words in the sample);</item>
/// <item>a value outside an enumeration stops the generator: the page and the vendor's facts disagree.</item>
/// </list>
/// </summary>
internal sealed class FixtureValues(SchemaSet schemas)
{
    public JsonObject From(EntitySchema entity)
    {
        var fixture = entity.Page.SampleResponse!.Body!.DeepClone().AsObject();
        Walk(entity.Schema, fixture, entity.Name);
        return fixture;
    }

    private JsonNode? Walk(JsonObject schema, JsonNode? value, string path)
    {
        var branches = Branches(schema).ToList();
        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, member) in obj.ToList())
                {
                    var child = branches.Select(b => b["properties"]?[name] ?? b["additionalProperties"]).OfType<JsonObject>().FirstOrDefault();
                    if (child is not null && Walk(child, member, $"{path}/{name}") is var walked && !ReferenceEquals(walked, member))
                    {
                        obj[name] = walked;
                    }
                }

                return obj;
            case JsonArray array when branches.Select(b => b["items"]).OfType<JsonObject>().FirstOrDefault() is { } items:
                var dates = IsDateTime(items);
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (dates && array[i] is JsonValue item && item.TryGetValue<string>(out var text) && !DateTimeRule.IsMatch(text) && DateTimeRule.ToRule(text) is null)
                    {
                        array.RemoveAt(i);
                    }
                    else if (Walk(items, array[i], $"{path}/{i}") is var walked && !ReferenceEquals(walked, array[i]))
                    {
                        array[i] = walked;
                    }
                }

                return array;
            case JsonValue scalar when scalar.TryGetValue<string>(out var text):
                if (branches.Select(b => b["enum"]).OfType<JsonArray>().FirstOrDefault() is { } members && !members.Any(m => m!.GetValue<string>() == text))
                {
                    throw new InvalidDataException($"The sample {path} is \"{text}\", which is not a member of its enumeration ({VendorFacts.FileName}).");
                }

                return branches.Any(IsDateTime) && DateTimeRule.ToRule(text) is { } rule ? JsonValue.Create(rule) : value;
            default:
                return value;
        }
    }

    /// <summary>The schema and its <c>oneOf</c>/<c>anyOf</c> branches, with file references resolved to carriers.</summary>
    private IEnumerable<JsonObject> Branches(JsonObject schema)
    {
        var resolved = Resolve(schema);
        yield return resolved;
        foreach (var branch in (resolved["oneOf"] ?? resolved["anyOf"])?.AsArray().OfType<JsonObject>() ?? [])
        {
            yield return Resolve(branch);
        }
    }

    private JsonObject Resolve(JsonObject schema) =>
        schema["$ref"]?.GetValue<string>() is { } target && schemas.Carriers.TryGetValue(target[..^ShapeRenderer.RefSuffix.Length], out var carrier)
            ? carrier
            : schema;

    private static bool IsDateTime(JsonObject schema) => schema["pattern"]?.GetValue<string>() == DateTimeRule.Pattern;
}
