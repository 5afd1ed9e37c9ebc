namespace ContractHarness.ProviderVerifier;

/// <summary>Nothing answers at the provider's base URL; the message is the one line to print (the engine did not run).</summary>
internal sealed class ProviderUnreachableException(string message) : Exception(message);
