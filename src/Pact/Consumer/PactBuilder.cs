namespace ContractHarness.Pact.Consumer;

/// <summary>Collects HTTP interactions until <see cref="VerifyAsync"/> hands them to the engine.</summary>
internal sealed partial class PactBuilder(string consumer, string provider, PactConfig config, IConsumerDriver driver) : IPactBuilderV4
{
    private readonly List<InteractionDefinition> pending = [];
    private readonly Lock gate = new();

    public string Consumer { get; } = consumer;

    public string Provider { get; } = provider;

    public PactConfig Config { get; } = config;

    /// <summary>The interactions described since the last verification.</summary>
    internal IReadOnlyList<InteractionDefinition> Pending
    {
        get
        {
            lock (gate)
            {
                return [.. pending];
            }
        }
    }

    public IRequestBuilderV4 UponReceiving(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        var interaction = new InteractionDefinition(description);
        lock (gate)
        {
            // The engine replaces an interaction with the same description; mirror that here.
            pending.RemoveAll(i => i.Description == description);
            pending.Add(interaction);
        }

        return new RequestBuilder(interaction, Config.DefaultJsonSettings);
    }

    private InteractionDefinition[] TakePending()
    {
        lock (gate)
        {
            var taken = pending.ToArray();
            pending.Clear();
            return taken;
        }
    }
}
