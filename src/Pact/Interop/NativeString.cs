using System.Runtime.InteropServices;

namespace ContractHarness.Pact.Interop;

/// <summary>
/// Reads the strings the engine returns. The engine documents two kinds: strings the caller owns and must free with
/// <c>pactffi_string_delete</c> (verifier output, JSON and logs, log buffers) and strings it keeps (the version,
/// mock server mismatches and logs) that must never be freed. Every read goes through one of these two methods.
/// </summary>
internal static class NativeString
{
    /// <summary>Copies a string the caller owns, then frees it. Returns null for a null pointer.</summary>
    public static string? TakeOwned(nint value)
    {
        if (value == nint.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(value);
        }
        finally
        {
            NativeMethods.StringDelete(value);
        }
    }

    /// <summary>Copies a string the engine keeps. Returns null for a null pointer.</summary>
    public static string? CopyBorrowed(nint value) =>
        value == nint.Zero ? null : Marshal.PtrToStringUTF8(value);
}
