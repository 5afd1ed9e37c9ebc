using ContractHarness.Pact.Consumer;

namespace ContractHarness.Pact.Tests.Support;

/// <summary>Records what the builders hand to the engine and plays a mock server whose verdict the test decides.</summary>
internal sealed class FakeConsumerDriver : IConsumerDriver
{
    public List<IReadOnlyList<InteractionDefinition>> Started { get; } = [];

    public bool Matches { get; set; } = true;

    public string MismatchesJson { get; set; } = "[]";

    public FakeMockServer? Last { get; private set; }

    public IMockServer Start(string consumer, string provider, IReadOnlyList<InteractionDefinition> interactions, PactConfig config)
    {
        Started.Add(interactions);
        Last = new FakeMockServer(Matches, MismatchesJson);
        return Last;
    }

    internal sealed class FakeMockServer(bool matches, string mismatches) : IMockServer
    {
        public Uri Uri { get; } = new("http://127.0.0.1:1/");

        public bool Disposed { get; private set; }

        public List<string> PactFilesWritten { get; } = [];

        public bool Matched() => matches;

        public string Mismatches() => mismatches;

        public string Logs() => "mock log";

        public void WritePactFile(string directory) => PactFilesWritten.Add(directory);

        public void Dispose() => Disposed = true;
    }
}
