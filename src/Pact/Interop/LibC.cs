using System.Runtime.InteropServices;

namespace ContractHarness.Pact.Interop;

/// <summary>
/// The one libc call needed: <c>setenv</c>. On Linux, <see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// changes only .NET's copy of the environment, so native code calling <c>getenv</c> never sees it.
/// </summary>
internal static partial class LibC
{
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    /// <summary>Sets a variable in the native process environment, and in .NET's view of it.</summary>
    public static void SetEnvironmentVariable(string name, string value)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = SetEnv(name, value, overwrite: 1);
        }

        Environment.SetEnvironmentVariable(name, value);
    }
}
