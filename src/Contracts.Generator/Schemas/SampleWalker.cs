using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Generator.Schemas;

/// <summary>Walks sample JSON and records each value into a <see cref="ValueShape"/>, collecting object occurrences.</summary>
internal sealed class SampleWalker(ISet<string> mapProperties)
{
    public List<ObjectOccurrence> Occurrences { get; } = [];

    /// <summary>The entity whose sample is being walked; recorded on each object found.</summary>
    public string Source { get; set; } = string.Empty;

    public void Walk(JsonNode? value, string property, string? typeCell, string? description, ValueShape shape)
    {
        switch (value)
        {
            case null:
                shape.Null = true;
                break;
            case JsonArray array:
                shape.IsArray = true;
                shape.Items ??= new ValueShape();
                foreach (var item in array)
                {
                    Walk(item, Naming.Singular(property), null, null, shape.Items);
                }

                break;
            case JsonObject obj when mapProperties.Contains(property):
                shape.IsMap = true;
                shape.MapValues ??= new ValueShape();
                foreach (var member in obj)
                {
                    Walk(member.Value, Naming.Singular(property), null, null, shape.MapValues);
                }

                break;
            case JsonObject obj:
                var occurrence = new ObjectOccurrence(property, typeCell, description, obj, Source);
                Occurrences.Add(occurrence);
                shape.Objects.Add(occurrence);
                foreach (var member in obj)
                {
                    if (!occurrence.Members.TryGetValue(member.Key, out var memberShape))
                    {
                        memberShape = new ValueShape();
                        occurrence.Members[member.Key] = memberShape;
                        occurrence.MemberOrder.Add(member.Key);
                    }

                    Walk(member.Value, member.Key, null, null, memberShape);
                }

                break;
            case JsonValue scalar:
                Record(scalar, shape);
                break;
        }
    }

    private static void Record(JsonValue scalar, ValueShape shape)
    {
        switch (scalar.GetValueKind())
        {
            case JsonValueKind.True or JsonValueKind.False:
                shape.Boolean = true;
                break;
            case JsonValueKind.Number:
                if (scalar.TryGetValue<long>(out _))
                {
                    shape.Integer = true;
                }
                else
                {
                    shape.Number = true;
                }

                break;
            case JsonValueKind.String:
                shape.Strings++;
                if (Naming.LooksLikeDateTime(scalar.GetValue<string>()))
                {
                    shape.DateTimes++;
                }

                break;
        }
    }
}
