using System.Text;
using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;

namespace ContractHarness.Contracts.Generator;

/// <summary>
/// <c>make drift VENDOR=file</c>: compares the generated contracts with a vendor description of the API, entity by
/// entity (matched by route) and carrier by carrier (paired where both sides reference one from the same property).
/// Prints the properties only one side has, type disagreements and enumeration disagreements. Only a type
/// disagreement fails: the vendor file is newer than the pages, so properties and members only it has are expected.
/// </summary>
internal sealed class DriftReport
{
    private readonly StringBuilder _text = new();
    private readonly List<DriftPair> _pairs = [];
    private readonly string _schemas;
    private readonly VendorDocument _vendor;

    private DriftReport(string contractsDirectory, VendorDocument vendor)
    {
        _schemas = Path.Combine(contractsDirectory, "schemas");
        _vendor = vendor;
    }

    public string Text => _text.ToString();

    /// <summary>Each entity and carrier compared (or not), in the order the text reports them: what <c>JUNIT=FILE</c> writes.</summary>
    public IReadOnlyList<DriftPair> Pairs => _pairs;

    /// <summary>The vendor document's name, as the report's first line gives it.</summary>
    public string VendorName { get; private init; } = string.Empty;

    public int TypeDisagreements { get; private set; }

    /// <summary>The exit code of <c>make drift</c>: 1 on a type disagreement, else 0.</summary>
    public int ExitCode => TypeDisagreements == 0 ? 0 : 1;

    public int EnumDisagreements { get; private set; }

    public int OnlyOurs { get; private set; }

    public int OnlyTheirs { get; private set; }

    /// <summary>Compares <c>contracts/</c> (its catalog and schemas) with the vendor document at <paramref name="vendorPath"/>.</summary>
    public static DriftReport Compare(string contractsDirectory, string vendorPath)
    {
        var vendor = VendorDocument.Read(vendorPath);
        var report = new DriftReport(contractsDirectory, vendor) { VendorName = Path.GetFileName(vendorPath) };
        report._text.AppendLine($"Drift between {contractsDirectory} and {Path.GetFileName(vendorPath)} ({vendor.Dialect}).");
        var pending = new Queue<(string Ours, string Theirs)>();
        var seen = new HashSet<(string, string)>();
        foreach (var endpoint in EndpointCatalog.Load(contractsDirectory).Endpoints.DistinctBy(e => e.Entity))
        {
            if (vendor.EntityOf(endpoint.Route, endpoint.Method) is { } theirs)
            {
                pending.Enqueue((endpoint.Entity, theirs));
                seen.Add((endpoint.Entity, theirs));
            }
            else
            {
                var missing = $"the vendor document has no 200 answer for {endpoint.Route}.";
                report._text.AppendLine($"{endpoint.Entity}: {missing}");
                report._pairs.Add(new DriftPair(endpoint.Entity, null, [], 0, NotCompared: missing));
            }
        }

        while (pending.TryDequeue(out var pair))
        {
            foreach (var next in report.ComparePair(pair.Ours, pair.Theirs).Where(seen.Add))
            {
                pending.Enqueue(next);
            }
        }

        report._text.AppendLine($"{report.TypeDisagreements} type disagreements, {report.EnumDisagreements} enumeration disagreements, " +
            $"{report.OnlyOurs} properties only ours, {report.OnlyTheirs} only the vendor's.");
        return report;
    }

    /// <summary>Reports one schema against one definition; returns the carrier pairs their properties name.</summary>
    private List<(string, string)> ComparePair(string ours, string theirs)
    {
        var pairs = new List<(string, string)>();
        var lines = new List<string>();
        var typesBefore = TypeDisagreements;
        var ourProperties = (JsonNode.Parse(File.ReadAllText(Path.Combine(_schemas, ours + ".schema.json")))?["properties"] as JsonObject) ?? [];
        var theirProperties = _vendor.Definition(theirs)?["properties"] as JsonObject ?? [];
        if (ourProperties.Count == 0)
        {
            _text.AppendLine($"{ours} = {theirs}: the pages show none of its fields (any object); not compared.");
            _pairs.Add(new DriftPair(ours, theirs, [], 0, NotCompared: "the pages show none of its fields (any object)."));
            return pairs;
        }

        foreach (var (name, schema) in ourProperties)
        {
            var match = theirProperties.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null)
            {
                lines.Add($"  only ours:   {name} ({string.Join(" | ", TypeShape.Of(schema, OurRef))})");
                OnlyOurs++;
                continue;
            }

            var ourShapes = TypeShape.Of(schema, OurRef);
            var their = TypeShape.Of(match.Value, _vendor.RefName)[0];
            var agreeing = ourShapes.FirstOrDefault(s => s.Agrees(their));
            if (agreeing is null)
            {
                lines.Add($"  type:        {name}: ours {string.Join(" | ", ourShapes)}, theirs {their}");
                TypeDisagreements++;
                continue;
            }

            if (EnumDifference(agreeing, their) is { } difference)
            {
                lines.Add($"  enum:        {name}: {difference}");
                EnumDisagreements++;
            }

            var (ourCarrier, theirCarrier) = agreeing.Kind == "array" ? (agreeing.Items?.Carrier, their.Items?.Carrier) : (agreeing.Carrier, their.Carrier);
            if (ourCarrier is not null && theirCarrier is not null)
            {
                pairs.Add((ourCarrier, theirCarrier));
            }
        }

        foreach (var (name, schema) in theirProperties.Where(p => !ourProperties.Any(o => string.Equals(o.Key, p.Key, StringComparison.OrdinalIgnoreCase))))
        {
            lines.Add($"  only theirs: {name} ({TypeShape.Of(schema, _vendor.RefName)[0]})");
            OnlyTheirs++;
        }

        _text.AppendLine(lines.Count == 0 ? $"{ours} = {theirs}: no drift." : $"{ours} = {theirs}:");
        foreach (var line in lines)
        {
            _text.AppendLine(line);
        }

        _pairs.Add(new DriftPair(ours, theirs, lines, TypeDisagreements - typesBefore));
        return pairs;
    }

    private static string? EnumDifference(TypeShape ours, TypeShape theirs)
    {
        var (a, b) = (ours.Kind == "array" ? ours.Items : ours, theirs.Kind == "array" ? theirs.Items : theirs);
        if (a?.Members is null && b?.Members is null)
        {
            return null;
        }

        if (a?.Members is null || b?.Members is null)
        {
            return a?.Members is null ? $"theirs is an enumeration ({string.Join(", ", b!.Members!)}), ours an open string"
                : $"ours is an enumeration ({string.Join(", ", a.Members)}), theirs an open string";
        }

        var onlyOurs = a.Members.Except(b.Members).ToList();
        var onlyTheirs = b.Members.Except(a.Members).ToList();
        return onlyOurs.Count + onlyTheirs.Count == 0 ? null
            : $"members only ours: {(onlyOurs.Count == 0 ? "none" : string.Join(", ", onlyOurs))}; only theirs: {(onlyTheirs.Count == 0 ? "none" : string.Join(", ", onlyTheirs))}";
    }

    private static string OurRef(string target) => target.EndsWith(".schema.json", StringComparison.Ordinal) ? target[..^".schema.json".Length] : target;
}

/// <summary>
/// One entity or carrier of a drift report: its lines (as printed, indented), how many are type disagreements (the
/// ones that fail), and why it was not compared when it was not.
/// </summary>
internal sealed record DriftPair(string Ours, string? Theirs, IReadOnlyList<string> Lines, int TypeDisagreements, string? NotCompared = null);
