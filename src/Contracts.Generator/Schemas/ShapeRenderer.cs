using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Contracts.Generator.Schemas;

/// <summary>
/// Renders what the samples showed of a property as JSON Schema. Nullability follows the .NET carriers behind the
/// API: strings, lists, dictionaries and carriers may be null; numbers, booleans and date-times may not, unless a
/// sample shows a null. Maps whose values are carriers become carrier schemas of their own (<c>FieldProperties</c>).
/// </summary>
internal sealed class ShapeRenderer(SortedDictionary<string, JsonObject> carriers)
{
    public const string RefSuffix = ".schema.json";

    public static JsonObject Ref(string name) => new() { ["$ref"] = name + RefSuffix };

    public static JsonObject NullableRef(string name) =>
        new() { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, Ref(name)) };

    /// <summary>A property value: reference types are nullable.</summary>
    public JsonObject Property(string name, IReadOnlyList<ValueShape> shapes) => Render(name, shapes, nullable: true);

    /// <summary>A list item or dictionary value: nullable only where a sample shows a null.</summary>
    public JsonObject Element(string name, IReadOnlyList<ValueShape> shapes) => Render(name, shapes, nullable: false);

    public JsonObject Array(string name, IReadOnlyList<ValueShape> shapes)
    {
        var items = shapes.Select(s => s.Items).OfType<ValueShape>().ToList();
        return new JsonObject
        {
            ["type"] = new JsonArray("array", "null"),
            ["items"] = items.Any(i => i.SawAnything) ? Element(Naming.Singular(name), items) : new JsonObject(),
        };
    }

    public JsonObject Map(string name, IReadOnlyList<ValueShape> shapes)
    {
        var values = shapes.Select(s => s.MapValues).OfType<ValueShape>().ToList();
        var valueSchema = values.Any(v => v.SawAnything) ? Element(Naming.Singular(name), values) : new JsonObject();
        if (values.SelectMany(v => v.Objects).Any(o => o.Name is not null))
        {
            carriers[name] = new JsonObject
            {
                ["title"] = name,
                ["description"] = $"Dictionary of {Naming.Singular(name)} carriers keyed by name.",
                ["type"] = "object",
                ["additionalProperties"] = valueSchema,
            };
            return NullableRef(name);
        }

        return new JsonObject { ["type"] = new JsonArray("object", "null"), ["additionalProperties"] = valueSchema };
    }

    private JsonObject Render(string name, IReadOnlyList<ValueShape> shapes, bool nullable)
    {
        var sawNull = shapes.Any(s => s.Null);
        var alternatives = new List<JsonObject>();
        var names = shapes.SelectMany(s => s.Objects).Select(o => o.Name).OfType<string>().Distinct().ToList();
        if (names.Count > 0)
        {
            alternatives.AddRange(names.Select(Ref));
        }
        else if (shapes.Any(s => s.Objects.Count > 0))
        {
            alternatives.Add(Typed("object", nullable));
        }

        if (shapes.Any(s => s.IsArray))
        {
            alternatives.Add(Array(name, shapes));
        }

        if (shapes.Any(s => s.IsMap))
        {
            alternatives.Add(Map(name, shapes));
        }

        var strings = shapes.Sum(s => s.Strings);
        if (strings > 0)
        {
            alternatives.Add(strings == shapes.Sum(s => s.DateTimes)
                ? new JsonObject { ["type"] = sawNull ? new JsonArray("string", "null") : "string", ["pattern"] = DateTimeRule.Pattern }
                : Typed("string", nullable || sawNull));
        }

        if (shapes.Any(s => s.Number))
        {
            alternatives.Add(new JsonObject { ["type"] = sawNull ? new JsonArray("number", "null") : "number", ["format"] = "double" });
        }
        else if (shapes.Any(s => s.Integer))
        {
            alternatives.Add(new JsonObject { ["type"] = sawNull ? new JsonArray("integer", "null") : "integer", ["format"] = "int32" });
        }

        if (shapes.Any(s => s.Boolean))
        {
            alternatives.Add(Typed("boolean", sawNull));
        }

        return alternatives switch
        {
            [] => new JsonObject(),
            [{ } only] when only.ContainsKey("$ref") => nullable || sawNull ? NullableRef(names[0]) : only,
            [{ } only] => only,
            _ => new JsonObject { ["anyOf"] = new JsonArray([.. alternatives, .. nullable || sawNull ? new[] { new JsonObject { ["type"] = "null" } } : []]) },
        };
    }

    private static JsonObject Typed(string type, bool nullable) =>
        new() { ["type"] = nullable ? new JsonArray(type, "null") : type };
}
