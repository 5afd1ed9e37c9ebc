using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Operations.Coverage;

/// <summary>
/// The operations the catalog documents and the statuses each documents, the lists the OpenAPI document is generated
/// from: per route <c>GET</c> with the read statuses (a <c>HEAD</c> is its GET without the body, and counts as one), then
/// each update with its page statuses and server statuses. Named as the journal names them, <c>PATCH Contact/{id}</c>.
/// </summary>
internal sealed class CatalogOperations
{
    private const string Get = "GET";

    private readonly Dictionary<EntityModel, (string Method, int Index)[]> _byModel = [];

    private CatalogOperations(IReadOnlyList<CatalogOperation> all, int statuses) => (All, StatusCount) = (all, statuses);

    /// <summary>Every documented operation, route by route: GET first, then the updates.</summary>
    public IReadOnlyList<CatalogOperation> All { get; }

    /// <summary>How many (operation, status) pairs the catalog documents.</summary>
    public int StatusCount { get; }

    public static CatalogOperations From(IEnumerable<EntityModel> models)
    {
        var all = new List<CatalogOperation>();
        var methods = new Dictionary<EntityModel, List<(string, int)>>();
        var offset = 0;
        foreach (var model in models)
        {
            var own = methods[model] = [];
            void Add(string method, IEnumerable<int> statuses)
            {
                int[] sorted = [.. statuses.Distinct().Order()];
                own.RemoveAll(m => m.Item1 == method);
                own.Add((method, all.Count));
                all.Add(new CatalogOperation(NameOf(model, method), model, method, sorted, offset));
                offset += sorted.Length;
            }

            Add(Get, model.Endpoints.SelectMany(e => e.ReadResponses.Select(r => r.Status)));
            foreach (var endpoint in model.Endpoints)
            {
                Add(endpoint.Method.ToUpperInvariant(), endpoint.Responses.Concat(endpoint.ServerResponses).Select(r => r.Status));
            }
        }

        var operations = new CatalogOperations(all, offset);
        foreach (var (model, own) in methods)
        {
            operations._byModel[model] = [.. own];
        }

        return operations;
    }

    /// <summary>The operation's name as the journal shows it, e.g. <c>PATCH Contact/{id}</c>.</summary>
    public static string NameOf(EntityModel model, string method) => $"{method.ToUpperInvariant()} {model.Resource}/{{id}}";

    /// <summary>The index in <see cref="All"/> of <paramref name="method"/> on <paramref name="model"/>'s route (HEAD is GET's), or -1 when the catalog does not document it.</summary>
    public int IndexOf(EntityModel model, string method)
    {
        if (!_byModel.TryGetValue(model, out var own))
        {
            return -1;
        }

        var wanted = string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase) ? Get : method;
        foreach (var (name, index) in own)
        {
            if (string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }

        return -1;
    }
}

/// <summary>One documented operation: its name, route model, method, the statuses it documents (sorted) and where its counts start.</summary>
internal sealed record CatalogOperation(string Name, EntityModel Model, string Method, int[] Statuses, int Offset);
