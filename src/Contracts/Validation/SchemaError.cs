namespace ContractHarness.Contracts.Validation;

/// <summary>One validation failure: the JSON path of the offending value, the kind of failure and a readable text.</summary>
public sealed record SchemaError(string Path, string Kind, string Message);
