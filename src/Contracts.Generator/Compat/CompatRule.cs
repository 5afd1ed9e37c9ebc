namespace ContractHarness.Contracts.Generator.Compat;

/// <summary>One rule of <c>make compat</c>: its id (as printed), whether it breaks a consumer, and what it means.</summary>
internal sealed record CompatRule(string Id, bool Breaking, string Meaning);

/// <summary>
/// Every rule <c>make compat</c> applies, breaking ones first; docs/ci.md lists the same ids (a test holds the two
/// together). Requests and responses are judged from the consumer's side: a response may not start sending what a
/// consumer cannot read, a request may not start refusing what a consumer sends.
/// </summary>
internal static class CompatRules
{
    public static readonly CompatRule OperationRemoved = new("operation-removed", true, "an operation (method and path) is gone");
    public static readonly CompatRule StatusRemoved = new("status-removed", true, "an operation no longer documents a status it answered");
    public static readonly CompatRule ParameterRemoved = new("parameter-removed", true, "a parameter is gone");
    public static readonly CompatRule ParameterRequired = new("parameter-required", true, "a parameter is newly required (a new required one, or an optional one made required)");
    public static readonly CompatRule RequestBodyRequired = new("request-body-required", true, "the request body became required");
    public static readonly CompatRule MediaTypeRemoved = new("media-type-removed", true, "a request or response content type is gone");
    public static readonly CompatRule ResponseHeaderRemoved = new("response-header-removed", true, "a response no longer documents a header");
    public static readonly CompatRule PropertyRemoved = new("property-removed", true, "a property is gone (answers no longer carry it; requests that send it are refused)");
    public static readonly CompatRule RequestPropertyRequired = new("request-property-required", true, "a request property is newly required (not applied to PATCH bodies, which send only what changes)");
    public static readonly CompatRule ResponsePropertyOptional = new("response-property-optional", true, "a response property is no longer required: answers may leave it out");
    public static readonly CompatRule TypeChanged = new("type-changed", true, "a type changed: an answer may hold a type the consumer did not expect, or a request value of the old type is refused");
    public static readonly CompatRule ResponseNullAllowed = new("response-null-allowed", true, "a response value may now be null");
    public static readonly CompatRule RequestNullRefused = new("request-null-refused", true, "a request value may no longer be null");
    public static readonly CompatRule RequestEnumNarrowed = new("request-enum-narrowed", true, "a request enumeration lost members (or an open value became an enumeration)");

    public static readonly CompatRule OperationAdded = new("operation-added", false, "a new operation");
    public static readonly CompatRule StatusAdded = new("status-added", false, "an operation documents a new status");
    public static readonly CompatRule ParameterAdded = new("parameter-added", false, "a new optional parameter");
    public static readonly CompatRule ParameterOptional = new("parameter-optional", false, "a required parameter became optional");
    public static readonly CompatRule ParameterToSecurity = new("parameter-to-security", false, "a header parameter is gone, and a security scheme of the operation now names that header");
    public static readonly CompatRule RequestBodyOptional = new("request-body-optional", false, "the request body became optional");
    public static readonly CompatRule MediaTypeAdded = new("media-type-added", false, "a new request or response content type");
    public static readonly CompatRule ResponseHeaderAdded = new("response-header-added", false, "a response documents a new header");
    public static readonly CompatRule PropertyAdded = new("property-added", false, "a new property (optional in requests)");
    public static readonly CompatRule RequestPropertyOptional = new("request-property-optional", false, "a required request property became optional");
    public static readonly CompatRule ResponsePropertyRequired = new("response-property-required", false, "a response property became required: answers always carry it");
    public static readonly CompatRule TypeRelaxed = new("type-relaxed", false, "a type changed in the safe direction: a response type narrowed, a request type widened");
    public static readonly CompatRule ResponseNullRefused = new("response-null-refused", false, "a response value is no longer null");
    public static readonly CompatRule RequestNullAllowed = new("request-null-allowed", false, "a request value may now be null");
    public static readonly CompatRule RequestEnumWidened = new("request-enum-widened", false, "a request enumeration gained members");
    public static readonly CompatRule ResponseEnumNarrowed = new("response-enum-narrowed", false, "a response enumeration lost members");
    public static readonly CompatRule ResponseEnumWidened = new("response-enum-widened", false, "a response enumeration gained members: reported, not failed; consumers must tolerate members they do not know");

    public static IReadOnlyList<CompatRule> All { get; } =
    [
        OperationRemoved, StatusRemoved, ParameterRemoved, ParameterRequired, RequestBodyRequired, MediaTypeRemoved, ResponseHeaderRemoved,
        PropertyRemoved, RequestPropertyRequired, ResponsePropertyOptional, TypeChanged, ResponseNullAllowed, RequestNullRefused, RequestEnumNarrowed,
        OperationAdded, StatusAdded, ParameterAdded, ParameterOptional, ParameterToSecurity, RequestBodyOptional, MediaTypeAdded, ResponseHeaderAdded,
        PropertyAdded, RequestPropertyOptional, ResponsePropertyRequired, TypeRelaxed, ResponseNullRefused, RequestNullAllowed,
        RequestEnumWidened, ResponseEnumNarrowed, ResponseEnumWidened,
    ];
}
