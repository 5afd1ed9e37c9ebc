using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContractHarness.Pact.Verifier;

/// <summary>
/// One Pact Broker consumer version selector, sent as JSON. Set the properties, or use the factory methods for the
/// common cases (<see cref="ForMainBranch"/>, <see cref="ForDeployedOrReleased"/>, <see cref="ForBranch"/>).
/// </summary>
public sealed record ConsumerVersionSelector
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The latest version from the consumer's main branch.</summary>
    public bool? MainBranch { get; init; }

    /// <summary>Versions from this branch.</summary>
    public string? Branch { get; init; }

    /// <summary>The version from the consumer branch matching the provider's branch.</summary>
    public bool? MatchingBranch { get; init; }

    /// <summary>The branch to fall back to when <see cref="Branch"/> has no pact.</summary>
    public string? FallbackBranch { get; init; }

    /// <summary>Versions currently deployed (in <see cref="Environment"/>, when set).</summary>
    public bool? Deployed { get; init; }

    /// <summary>Versions currently released (in <see cref="Environment"/>, when set).</summary>
    public bool? Released { get; init; }

    /// <summary>Versions deployed or released.</summary>
    public bool? DeployedOrReleased { get; init; }

    /// <summary>The environment of <see cref="Deployed"/> or <see cref="Released"/>.</summary>
    public string? Environment { get; init; }

    /// <summary>Only this consumer.</summary>
    public string? Consumer { get; init; }

    /// <summary>Versions with this tag.</summary>
    public string? Tag { get; init; }

    /// <summary>With <see cref="Tag"/> or <see cref="Branch"/>: only the latest.</summary>
    public bool? Latest { get; init; }

    /// <summary>The latest version from the consumer's main branch.</summary>
    public static ConsumerVersionSelector ForMainBranch() => new() { MainBranch = true };

    /// <summary>Versions deployed or released to any environment.</summary>
    public static ConsumerVersionSelector ForDeployedOrReleased() => new() { DeployedOrReleased = true };

    /// <summary>The latest version from <paramref name="branch"/>.</summary>
    public static ConsumerVersionSelector ForBranch(string branch) => new() { Branch = branch };

    /// <summary>The selector as the broker expects it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
