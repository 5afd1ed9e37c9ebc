using System.Runtime.InteropServices;

namespace ContractHarness.Pact.Interop;

/// <summary>The engine's reference to a pact under construction (<c>PactHandle</c>, a <c>uint16_t</c> by value).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct PactHandle(ushort Value);

/// <summary>The engine's reference to one interaction of a pact (<c>InteractionHandle</c>, a <c>uint32_t</c> by value).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct InteractionHandle(uint Value);

/// <summary>Which half of an HTTP interaction a header or body belongs to.</summary>
internal enum InteractionPart
{
    Request = 0,
    Response = 1,
}

/// <summary>Pact specification versions; V4 is 5.</summary>
internal enum PactSpecification
{
    Unknown = 0,
    V1 = 1,
    V1_1 = 2,
    V2 = 3,
    V3 = 4,
    V4 = 5,
}

/// <summary>The engine's log levels (<c>LevelFilter</c>).</summary>
internal enum LevelFilter
{
    Off = 0,
    Error = 1,
    Warn = 2,
    Info = 3,
    Debug = 4,
    Trace = 5,
}

/// <summary>
/// An opaque <c>VerifierHandle*</c>. Owning it as a <see cref="SafeHandle"/> guarantees exactly one
/// <c>pactffi_verifier_shutdown</c>, even when a caller forgets to dispose.
/// </summary>
internal sealed class VerifierSafeHandle : SafeHandle
{
    public VerifierSafeHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.VerifierShutdown(handle);
        return true;
    }
}
