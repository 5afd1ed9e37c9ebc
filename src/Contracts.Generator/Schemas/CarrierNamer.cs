using System.Text.RegularExpressions;

namespace ContractHarness.Contracts.Generator.Schemas;

/// <summary>
/// Names the objects found in samples as carrier types. The pages name some carriers in the type cell
/// (<c>Associate</c>, <c>Person</c>, <c>TableRight</c>) and leave others blank; for those the rules, in order, are:
/// <list type="number">
/// <item>the type cell, when it names a type;</item>
/// <item>the description's "Carrier object for X";</item>
/// <item>the object's leading key <c>XId</c> when X ends with the property name (<c>Category</c> holding
/// <c>TicketCategoryId</c> is a <c>TicketCategory</c>);</item>
/// <item>the property name (or its singular for list items) when a type cell somewhere names that carrier;</item>
/// <item>an object with the same keys (three or more) as an object already named;</item>
/// <item>the property name (singular for list items), through the optional rename table in
/// <c>contracts/source/carriers.json</c>.</item>
/// </list>
/// Empty objects that no rule names stay open inline objects.
/// </summary>
internal static partial class CarrierNamer
{
    public static void NameAll(IReadOnlyList<ObjectOccurrence> occurrences, ISet<string> namedCarriers, IReadOnlyDictionary<string, string> renames)
    {
        foreach (var occurrence in occurrences)
        {
            occurrence.Name = FromDocumentation(occurrence, namedCarriers);
        }

        var bySignature = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var occurrence in occurrences.Where(o => o.Name is not null && o.Value.Count >= 3))
        {
            bySignature.TryAdd(occurrence.KeySignature, occurrence.Name!);
        }

        foreach (var occurrence in occurrences.Where(o => o.Name is null && o.Value.Count > 0))
        {
            if (occurrence.Value.Count >= 3 && bySignature.TryGetValue(occurrence.KeySignature, out var name))
            {
                occurrence.Name = name;
                continue;
            }

            occurrence.Name = Naming.Singular(occurrence.Property);
            if (occurrence.Value.Count >= 3)
            {
                bySignature.TryAdd(occurrence.KeySignature, occurrence.Name);
            }
        }

        foreach (var occurrence in occurrences.Where(o => o.Name is not null))
        {
            occurrence.Name = renames.GetValueOrDefault(occurrence.Name!, occurrence.Name!);
        }
    }

    private static string? FromDocumentation(ObjectOccurrence occurrence, ISet<string> namedCarriers)
    {
        if (!string.IsNullOrEmpty(occurrence.TypeCell) && !TableTypes.IsPrimitive(occurrence.TypeCell))
        {
            return occurrence.TypeCell;
        }

        if (occurrence.Description is { } description && CarrierObjectFor().Match(description) is { Success: true } match)
        {
            return match.Groups[1].Value;
        }

        var singular = Naming.Singular(occurrence.Property);
        var firstKey = occurrence.Value.Select(p => p.Key).FirstOrDefault();
        if (firstKey is { Length: > 2 } && firstKey.EndsWith("Id", StringComparison.Ordinal))
        {
            var stem = firstKey[..^2];
            if (stem.Equals(singular, StringComparison.OrdinalIgnoreCase))
            {
                return singular;
            }

            if (stem.EndsWith(singular, StringComparison.OrdinalIgnoreCase))
            {
                return stem;
            }
        }

        if (namedCarriers.Contains(occurrence.Property))
        {
            return occurrence.Property;
        }

        return namedCarriers.Contains(singular) ? singular : null;
    }

    [GeneratedRegex(@"Carrier object for (\w+)")]
    private static partial Regex CarrierObjectFor();
}
