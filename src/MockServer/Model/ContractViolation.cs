namespace ContractHarness.MockServer.Model;

/// <summary>
/// One way a request or an answer that passed the mock breaks the contract: which side (<see cref="Request"/> or
/// <see cref="Response"/>), where, and what is wrong. <see cref="Path"/> is a JSON Pointer into the body
/// (<c>/Associate/Type</c>; <c>/</c> for the whole body) or, outside the body, one of <c>status</c>, <c>method</c>,
/// <c>path:id</c>, <c>query:$select</c> and <c>header:Name</c>. A message never quotes a credential.
/// </summary>
internal sealed record ContractViolation(string Side, string Path, string Message)
{
    /// <summary>The client's request breaks the contract.</summary>
    public const string Request = "request";

    /// <summary>The tenant's answer breaks the contract.</summary>
    public const string Response = "response";

    /// <summary>The path of a violation about the whole body.</summary>
    public const string WholeBody = "/";

    /// <summary>The path of a violation about a header.</summary>
    public static string Header(string name) => "header:" + name;
}
