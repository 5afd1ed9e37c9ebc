using System.Collections.Concurrent;
using NJsonSchema;
using NJsonSchema.Validation;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.TestSupport;

/// <summary>
/// The schemas of <c>contracts/schemas</c> loaded with NJsonSchema (file <c>$ref</c>s resolved), for validating
/// entities and carriers by name: the reference validator of the tests (and of the schema benchmark), independent of
/// the one reader the product has (<see cref="CompiledSchemas"/>). It lives here, not in a product assembly, so that
/// the runtime library stays free of NJsonSchema (reflection, Newtonsoft) and the tests keep an outside opinion.
/// </summary>
public sealed class ContractSchemas
{
    private readonly string _directory;
    private readonly ConcurrentDictionary<string, Lazy<JsonSchema>> _schemas = new(StringComparer.Ordinal);

    public ContractSchemas(string schemasDirectory) => _directory = Path.GetFullPath(schemasDirectory);

    /// <summary>Names of every schema in the folder (entities and carriers).</summary>
    public IReadOnlyList<string> Names =>
        [.. Directory.GetFiles(_directory, "*.schema.json").Select(f => Path.GetFileName(f)[..^".schema.json".Length]).Order(StringComparer.Ordinal)];

    public JsonSchema Get(string name) =>
        _schemas.GetOrAdd(name, n => new Lazy<JsonSchema>(() => Load(n))).Value;

    /// <summary>Validates JSON text against the named schema; an empty list means valid.</summary>
    public IReadOnlyList<SchemaError> Validate(string name, string json) =>
        [.. Flatten(Get(name).Validate(json)).Select(e => new SchemaError(e.Path ?? "#", e.Kind.ToString(), e.ToString()))];

    private JsonSchema Load(string name)
    {
        var path = Path.Combine(_directory, name + ".schema.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No schema '{name}' in {_directory}.", path);
        }

        return JsonSchema.FromFileAsync(path).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Reduces NJsonSchema's nested errors (oneOf/anyOf branches, multi-type alternatives, array items) to the leaf
    /// errors that explain them. The branch that only says "null expected" is dropped: it is never the reason.
    /// </summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        var seen = new HashSet<(string?, ValidationErrorKind)>();
        foreach (var error in errors.SelectMany(Leaves))
        {
            if (seen.Add((error.Path, error.Kind)))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<ValidationError> Leaves(ValidationError error)
    {
        var children = error switch
        {
            ChildSchemaValidationError child => child.Errors.SelectMany(e => e.Value),
            MultiTypeValidationError multi => multi.Errors.SelectMany(e => e.Value),
            _ => null,
        };
        var reasons = children?.Where(e => e.Kind != ValidationErrorKind.NullExpected).ToList();
        return reasons is { Count: > 0 } ? reasons.SelectMany(Leaves) : [error];
    }
}
