namespace ContractHarness.Pact.Verifier;

/// <summary>How to fetch pacts from a Pact Broker, and whether to publish the results back.</summary>
public sealed class PactBrokerOptions
{
    internal string? Token { get; private set; }

    internal string? Username { get; private set; }

    internal string? Password { get; private set; }

    internal List<ConsumerVersionSelector> Selectors { get; } = [];

    internal bool Pending { get; private set; }

    internal DateOnly? WipPactsSince { get; private set; }

    internal List<string> ProviderTagList { get; } = [];

    internal string? Branch { get; private set; }

    internal PublishOptions? Publish { get; private set; }

    /// <summary>Authenticates with a bearer token.</summary>
    public PactBrokerOptions TokenAuthentication(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Token = token;
        return this;
    }

    /// <summary>Authenticates with a user name and password.</summary>
    public PactBrokerOptions BasicAuthentication(string username, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        Username = username;
        Password = password;
        return this;
    }

    /// <summary>Which consumer versions to verify (see docs.pact.io consumer version selectors).</summary>
    public PactBrokerOptions ConsumerVersionSelectors(params ConsumerVersionSelector[] selectors)
    {
        Selectors.AddRange(selectors);
        return this;
    }

    /// <summary>Verifies pending pacts too; their failures do not fail the run.</summary>
    public PactBrokerOptions EnablePending()
    {
        Pending = true;
        return this;
    }

    /// <summary>Includes work-in-progress pacts created since <paramref name="since"/> (implies pending).</summary>
    public PactBrokerOptions IncludeWipPactsSince(DateOnly since)
    {
        WipPactsSince = since;
        Pending = true;
        return this;
    }

    /// <summary>The provider's branch, used for pending and WIP calculations.</summary>
    public PactBrokerOptions ProviderBranch(string branch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        Branch = branch;
        return this;
    }

    /// <summary>The provider's tags (older alternative to branches).</summary>
    public PactBrokerOptions ProviderTags(params string[] tags)
    {
        ProviderTagList.AddRange(tags.Where(t => !string.IsNullOrWhiteSpace(t)));
        return this;
    }

    /// <summary>Publishes the verification results for <paramref name="providerVersion"/> (and its branch) to the broker.</summary>
    public PactBrokerOptions PublishResults(string providerVersion, string? branch = null, Uri? buildUri = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerVersion);
        Publish = new PublishOptions(providerVersion, branch ?? Branch, buildUri);
        return this;
    }

    /// <summary>Publishes only when <paramref name="condition"/> holds, e.g. on CI.</summary>
    public PactBrokerOptions PublishResults(bool condition, string providerVersion, string? branch = null, Uri? buildUri = null) =>
        condition ? PublishResults(providerVersion, branch, buildUri) : this;
}

/// <summary>What to publish with verification results.</summary>
internal sealed record PublishOptions(string ProviderVersion, string? Branch, Uri? BuildUri);
