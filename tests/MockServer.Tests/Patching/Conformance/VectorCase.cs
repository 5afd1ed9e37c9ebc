using Xunit.Abstractions;

namespace ContractHarness.MockServer.Tests.Patching.Conformance;

/// <summary>
/// A serializable reference to one vector, so that each vector is its own test case with a readable name
/// (the vector's key and comment).
/// </summary>
public sealed class VectorCase : IXunitSerializable
{
    /// <summary>For the xunit deserializer only.</summary>
    [Obsolete("For xunit deserialization only.")]
    public VectorCase()
    {
        Key = string.Empty;
    }

    internal VectorCase(ConformanceVector vector)
    {
        Key = vector.Key;
        Name = vector.ToString();
    }

    /// <summary>The vector's table key (<c>file#index</c>).</summary>
    public string Key { get; private set; }

    private string? Name { get; set; }

    internal ConformanceVector Vector => ConformanceVectors.Find(Key)
        ?? throw new InvalidOperationException($"Vector {Key} no longer exists.");

    /// <inheritdoc />
    public void Deserialize(IXunitSerializationInfo info)
    {
        Key = info.GetValue<string>(nameof(Key));
        Name = info.GetValue<string>(nameof(Name));
    }

    /// <inheritdoc />
    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Key), Key);
        info.AddValue(nameof(Name), Name);
    }

    /// <inheritdoc />
    public override string ToString() => Name ?? Key;
}
