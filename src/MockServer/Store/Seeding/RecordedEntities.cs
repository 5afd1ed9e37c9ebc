using System.Text.Json;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Store.Seeding;

/// <summary>
/// The entities of a recording folder (<see cref="RecordedFiles"/>), served at their ids as the pages' samples are at
/// theirs (<see cref="SeedData.WithRecorded"/>). An entity that breaks the contract is kept as it is (it is what the
/// tenant said) and listed in <see cref="Entries"/> with its violations; a file that is no JSON object, a name that is
/// no id, or a folder no route is named by stops the start (<see cref="ReplayFolderException"/>).
/// </summary>
internal sealed class RecordedEntities
{
    private readonly Dictionary<EntityModel, Dictionary<int, StoredEntity>> _byModel;

    private RecordedEntities(string folder, Dictionary<EntityModel, Dictionary<int, StoredEntity>> byModel, IReadOnlyList<RecordedEntry> entries)
    {
        Folder = folder;
        _byModel = byModel;
        Entries = entries;
    }

    /// <summary>The folder, as given.</summary>
    public string Folder { get; }

    /// <summary>Every recorded entity, by route and id, with what it breaks of the contract.</summary>
    public IReadOnlyList<RecordedEntry> Entries { get; }

    /// <summary>The recorded version of an id, or false.</summary>
    public bool TryGet(EntityModel model, int id, out StoredEntity entity)
    {
        entity = null!;
        return _byModel.TryGetValue(model, out var ids) && ids.TryGetValue(id, out entity!);
    }

    /// <summary>The recorded ids of a route.</summary>
    public IEnumerable<int> IdsOf(EntityModel model) => _byModel.TryGetValue(model, out var ids) ? ids.Keys : [];

    /// <exception cref="ReplayFolderException">The folder or one of its entities cannot be read.</exception>
    public static RecordedEntities Load(string folder, IReadOnlyList<EntityModel> models)
    {
        if (!Directory.Exists(folder))
        {
            throw new ReplayFolderException(folder, File.Exists(folder) ? "a file, not a folder" : "no such folder");
        }

        var byResource = models.ToDictionary(m => m.Resource, StringComparer.OrdinalIgnoreCase);
        var byModel = new Dictionary<EntityModel, Dictionary<int, StoredEntity>>();
        var entries = new List<RecordedEntry>();
        try
        {
            foreach (var directory in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(directory);
                if (RecordedFiles.IsHidden(name))
                {
                    continue;
                }

                var model = byResource.GetValueOrDefault(name) ?? throw new ReplayFolderException(
                    folder, $"{name}/ is named by no route of the contract ({string.Join(", ", models.Select(m => m.Resource))})");
                var ids = new Dictionary<int, StoredEntity>();
                foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
                {
                    if (!RecordedFiles.IsHidden(Path.GetFileName(file)))
                    {
                        var (id, entity, entry) = Read(folder, model, file);
                        if (!ids.TryAdd(id, entity))
                        {
                            throw new ReplayFolderException(folder, $"{name}/ holds two files of id {id}");
                        }

                        entries.Add(entry);
                    }
                }

                byModel[model] = ids;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not ReplayFolderException)
        {
            throw new ReplayFolderException(folder, $"cannot be read ({e.Message.TrimEnd('.')})", e);
        }

        return new RecordedEntities(folder, byModel, entries);
    }

    private static (int Id, StoredEntity Entity, RecordedEntry Entry) Read(string folder, EntityModel model, string file)
    {
        var name = $"{model.Resource}/{Path.GetFileName(file)}";
        if (!RecordedFiles.TryReadId(Path.GetFileName(file), out var id))
        {
            throw new ReplayFolderException(folder, $"{name} is not named <id>{RecordedFiles.Extension}");
        }

        try
        {
            var bytes = File.ReadAllBytes(file);
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                throw new InvalidDataException("it is not UTF-8 text");
            }

            var json = StoredEntityJson.Parse(bytes);
            var violations = EntityCheck.Violations(model, id, json, ContractViolation.Response);
            return (id, EntityWriter.Write(json, model), new RecordedEntry(model, id, file, violations));
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new ReplayFolderException(folder, $"{name} cannot be read as an entity ({e.Message.TrimEnd('.')})", e);
        }
    }
}

/// <summary>One recorded entity: its route, id, file and what it breaks of the contract (empty when nothing).</summary>
internal sealed record RecordedEntry(EntityModel Model, int Id, string File, IReadOnlyList<ContractViolation> Violations);
