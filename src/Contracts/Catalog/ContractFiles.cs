using System.Reflection;

namespace ContractHarness.Contracts.Catalog;

/// <summary>
/// Where the files of a contract set are read from: a folder on disk (<c>--contracts DIR</c>), or the copy of this
/// repository's <c>contracts/</c> embedded in this assembly, so a mock started from a package needs no folder. Files
/// are named by full path under <see cref="Root"/> either way; the embedded root is a path that names no folder on
/// disk and is never touched there (<c>/(embedded)/contracts</c>), so messages still show which file was meant.
/// </summary>
public abstract class ContractFiles
{
    /// <summary>Only the two kinds below exist.</summary>
    private protected ContractFiles()
    {
    }

    /// <summary>The contracts embedded in this assembly (the catalog, schemas, fixtures and OpenAPI document).</summary>
    public static ContractFiles Embedded { get; } = new EmbeddedFiles();

    /// <summary>The folder that holds the catalog (its <c>contracts/</c> folder).</summary>
    public abstract string Root { get; }

    /// <summary>The contract files of a folder on disk.</summary>
    public static ContractFiles Folder(string directory) => new FolderFiles(Path.GetFullPath(directory));

    /// <summary>Full path of a file named relative to <see cref="Root"/>, e.g. <c>PathOf("schemas")</c>.</summary>
    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    /// <summary>True when <paramref name="path"/> (a full path under <see cref="Root"/>) names a file of the set.</summary>
    public abstract bool Exists(string path);

    /// <summary>The bytes of a file of the set.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public abstract byte[] ReadAllBytes(string path);

    private sealed class FolderFiles(string root) : ContractFiles
    {
        public override string Root => root;

        public override bool Exists(string path) => File.Exists(path);

        public override byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);
    }

    private sealed class EmbeddedFiles : ContractFiles
    {
        private const string Prefix = "contracts/";

        private static readonly Assembly Assembly = typeof(ContractFiles).Assembly;

        private readonly HashSet<string> _names = new(Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)), StringComparer.Ordinal);

        public override string Root { get; } = Path.GetFullPath(Path.Combine(Path.DirectorySeparatorChar + "(embedded)", "contracts"));

        public override bool Exists(string path) => Name(path) is { } name && _names.Contains(name);

        public override byte[] ReadAllBytes(string path)
        {
            using var stream = Name(path) is { } name && _names.Contains(name) ? Assembly.GetManifestResourceStream(name) : null;
            if (stream is null)
            {
                throw new FileNotFoundException($"No file {path} among the embedded contracts.", path);
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }

        /// <summary>The resource name of a path under the root (<c>contracts/schemas/X.schema.json</c>), or null outside it.</summary>
        private string? Name(string path)
        {
            var relative = Path.GetRelativePath(Root, Path.GetFullPath(path));
            return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
                ? null
                : Prefix + relative.Replace(Path.DirectorySeparatorChar, '/');
        }
    }
}
