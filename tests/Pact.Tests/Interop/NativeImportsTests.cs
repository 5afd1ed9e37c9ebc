using System.Reflection;
using System.Runtime.InteropServices;
using ContractHarness.Pact.Interop;

namespace ContractHarness.Pact.Tests.Interop;

public partial class NativeImportsTests
{
    private static IEnumerable<string> DeclaredEntryPoints() =>
        typeof(NativeMethods).GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Select(m => m.GetCustomAttribute<LibraryImportAttribute>())
            .Where(a => a is not null)
            .Select(a => a!.EntryPoint!);

    [Fact]
    public void EveryDeclaredImport_IsExportedByTheLoadedEngine()
    {
        var library = PactFfiLibraryResolver.Load();
        library.Should().NotBe(nint.Zero, "the engine must load from one of: {0}", string.Join(", ", PactFfiLibraryResolver.Candidates()));

        var entryPoints = DeclaredEntryPoints().ToList();
        entryPoints.Should().HaveCountGreaterThan(30).And.OnlyHaveUniqueItems().And.OnlyContain(e => e.StartsWith("pactffi_"));
        var missing = entryPoints.Where(e => !NativeLibrary.TryGetExport(library, e, out _)).ToList();
        missing.Should().BeEmpty("an import of a missing symbol only fails when it is first called");
    }

    [Fact]
    public void Engine_IsVersion058_LoadedByTheResolver()
    {
        PactEngine.Version.Should().Be("0.5.8");
        PactEngine.LibraryPath.Should().NotBeNull().And.EndWith("libpact_ffi.so");
        File.Exists(PactEngine.LibraryPath).Should().BeTrue();
    }

    [Fact]
    public void Resolver_TriesEnvironmentThenAssemblyFolderThenNodeModulesUpwards()
    {
        var candidates = PactFfiLibraryResolver.Candidates().ToList();
        var assemblyFolder = Path.GetDirectoryName(typeof(NativeMethods).Assembly.Location)!;

        candidates.Should().Contain(Path.Combine(assemblyFolder, "libpact_ffi.so"));
        candidates.Should().Contain(c => c.EndsWith(PactFfiLibraryResolver.NodeModulesPath, StringComparison.Ordinal));
        candidates.IndexOf(Path.Combine(assemblyFolder, "libpact_ffi.so"))
            .Should().BeLessThan(candidates.FindIndex(c => c.EndsWith(PactFfiLibraryResolver.NodeModulesPath, StringComparison.Ordinal)));
        File.Exists(Path.Combine(assemblyFolder, "libpact_ffi.so")).Should().BeTrue("the build copies the engine next to the assemblies");
    }

    [Fact]
    public void DoNotTrack_IsSetInTheNativeEnvironment()
    {
        _ = PactEngine.Version; // runs the module initializer and loads the engine
        var value = Marshal.PtrToStringUTF8(GetEnv("PACT_DO_NOT_TRACK"));
        value.Should().Be("true", "the verifier reads it with libc getenv, which .NET's SetEnvironmentVariable does not reach");
    }

    [Fact]
    public void ThreadPoolMinimum_IsRaised()
    {
        _ = PactEngine.Version;
        ThreadPool.GetMinThreads(out var workers, out var io);
        workers.Should().BeGreaterThanOrEqualTo(ModuleSetup.MinimumThreads);
        io.Should().BeGreaterThanOrEqualTo(ModuleSetup.MinimumThreads);
    }

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint GetEnv(string name);
}
