using System.Reflection;
using System.Runtime.InteropServices;

namespace ContractHarness.Pact.Interop;

/// <summary>
/// Finds <c>libpact_ffi.so</c> for the <c>pact_ffi</c> imports, in order: <c>$PACT_FFI_LIB</c>; the folder of this
/// assembly (where the build copies it); <c>node_modules/@pact-foundation/pact-core-linux-x64-glibc/…</c> in each
/// parent of that folder and of the current directory. When none exists the runtime's default probing runs.
/// </summary>
internal static class PactFfiLibraryResolver
{
    internal const string LibraryName = "pact_ffi";
    internal const string FileName = "libpact_ffi.so";
    internal const string NodeModulesPath = "node_modules/@pact-foundation/pact-core-linux-x64-glibc/prebuilds/linux-x64/libpact_ffi.so";

    private static readonly Lock Gate = new();
    private static nint loaded;

    /// <summary>The file the engine was loaded from, once loaded through this resolver.</summary>
    public static string? LoadedFrom { get; private set; }

    /// <summary>Installs the resolver for this assembly.</summary>
    public static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(PactFfiLibraryResolver).Assembly, Resolve);

    /// <summary>The loaded engine, loading it if needed (used to check exported symbols).</summary>
    public static nint Load() => Resolve(LibraryName, typeof(PactFfiLibraryResolver).Assembly, null);

    /// <summary>Every place looked at, most preferred first.</summary>
    public static IEnumerable<string> Candidates()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PACT_FFI_LIB");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            yield return fromEnvironment;
        }

        var assemblyFolder = Path.GetDirectoryName(typeof(PactFfiLibraryResolver).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyFolder))
        {
            yield return Path.Combine(assemblyFolder, FileName);
        }

        foreach (var start in new[] { assemblyFolder, Directory.GetCurrentDirectory() })
        {
            for (var folder = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                yield return Path.Combine(folder.FullName, NodeModulesPath);
            }
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName)
        {
            return nint.Zero;
        }

        lock (Gate)
        {
            if (loaded != nint.Zero)
            {
                return loaded;
            }

            foreach (var candidate in Candidates())
            {
                if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
                {
                    LoadedFrom = Path.GetFullPath(candidate);
                    loaded = handle;
                    return handle;
                }
            }

            return nint.Zero;
        }
    }
}
