namespace ContractHarness.Pact.Verifier;

/// <summary>The pact sources of <see cref="PactVerifier"/>.</summary>
public sealed partial class PactVerifier
{
    /// <summary>Verifies one pact file.</summary>
    public PactVerifier WithFileSource(FileInfo pactFile)
    {
        ArgumentNullException.ThrowIfNull(pactFile);
        return WithFileSource(pactFile.FullName);
    }

    /// <summary>Verifies one pact file.</summary>
    public PactVerifier WithFileSource(string pactFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pactFile);
        settings.Sources.Add(new FileSource(Path.GetFullPath(pactFile)));
        return this;
    }

    /// <summary>Verifies every pact in a folder whose provider is this verifier's provider.</summary>
    public PactVerifier WithDirectorySource(DirectoryInfo directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return WithDirectorySource(directory.FullName);
    }

    /// <summary>Verifies every pact in a folder whose provider is this verifier's provider.</summary>
    public PactVerifier WithDirectorySource(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        settings.Sources.Add(new DirectorySource(Path.GetFullPath(directory)));
        return this;
    }

    /// <summary>Verifies a pact fetched from a URL, with an optional bearer token or basic credentials.</summary>
    public PactVerifier WithUrlSource(Uri pactUri, string? token = null, string? username = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(pactUri);
        settings.Sources.Add(new UrlSource(pactUri, username, password, token));
        return this;
    }

    /// <summary>
    /// Verifies the pacts a Pact Broker selects for this provider, e.g.
    /// <c>.WithPactBrokerSource(url, o =&gt; o.TokenAuthentication(token).ConsumerVersionSelectors(ConsumerVersionSelector.ForMainBranch()).PublishResults(version, branch))</c>.
    /// </summary>
    public PactVerifier WithPactBrokerSource(Uri brokerUri, Action<PactBrokerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(brokerUri);
        var options = new PactBrokerOptions();
        configure?.Invoke(options);
        settings.Sources.Add(new BrokerSource(brokerUri, options));
        return this;
    }
}
