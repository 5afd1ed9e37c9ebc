using ContractHarness.Pact.Interop;

namespace ContractHarness.Pact.Consumer;

/// <summary>Drives libpact_ffi: builds the pact with the engine's builder calls and starts its mock server.</summary>
internal sealed class NativeConsumerDriver : IConsumerDriver
{
    public static readonly NativeConsumerDriver Instance = new();

    private NativeConsumerDriver()
    {
    }

    public IMockServer Start(string consumer, string provider, IReadOnlyList<InteractionDefinition> interactions, PactConfig config)
    {
        EngineLog.EnsureInitialised(config.LogLevel);
        var pact = NativeMethods.NewPact(consumer, provider);
        try
        {
            EngineErrors.Check(NativeMethods.WithSpecification(pact, PactSpecification.V4), "pactffi_with_specification", "V4");
            foreach (var interaction in interactions)
            {
                Describe(pact, interaction);
            }

            var port = NativeMethods.CreateMockServerForTransport(pact, config.Host, config.Port, "http", null);
            if (port <= 0)
            {
                throw EngineErrors.Create("pactffi_create_mock_server_for_transport", $"mock server on {config.Host}:{config.Port}", port, readLastError: true);
            }

            return new NativeMockServer(pact, port, config.Host);
        }
        catch
        {
            _ = NativeMethods.FreePactHandle(pact);
            throw;
        }
    }

    private static void Describe(PactHandle pact, InteractionDefinition definition)
    {
        var interaction = NativeMethods.NewInteraction(pact, definition.Description);
        var where = $"interaction \"{definition.Description}\"";
        foreach (var state in definition.ProviderStates)
        {
            if (state.ParametersJson is null)
            {
                EngineErrors.Check(NativeMethods.Given(interaction, state.Name), "pactffi_given", $"{where}, state \"{state.Name}\"");
            }
            else
            {
                EngineErrors.CheckZero(NativeMethods.GivenWithParams(interaction, state.Name, state.ParametersJson), "pactffi_given_with_params", $"{where}, state \"{state.Name}\"");
            }
        }

        EngineErrors.Check(NativeMethods.WithRequest(interaction, definition.Method, definition.Path.Text), "pactffi_with_request", $"{where}, {definition.Method} {definition.Path.Text}");
        foreach (var (name, index, value) in Indexed(definition.Query))
        {
            EngineErrors.Check(NativeMethods.WithQueryParameter(interaction, name, index, value), "pactffi_with_query_parameter_v2", $"{where}, query {name}");
        }

        AddHeaders(interaction, InteractionPart.Request, definition.RequestHeaders, where);
        AddBody(interaction, InteractionPart.Request, definition.RequestBody, where);
        EngineErrors.Check(NativeMethods.ResponseStatus(interaction, definition.Status), "pactffi_response_status", $"{where}, status {definition.Status}");
        AddHeaders(interaction, InteractionPart.Response, definition.ResponseHeaders, where);
        AddBody(interaction, InteractionPart.Response, definition.ResponseBody, where);
    }

    private static void AddHeaders(InteractionHandle interaction, InteractionPart part, List<NamedValue> headers, string where)
    {
        foreach (var (name, index, value) in Indexed(headers))
        {
            EngineErrors.Check(NativeMethods.WithHeader(interaction, part, name, index, value), "pactffi_with_header_v2", $"{where}, {part} header {name}");
        }
    }

    private static void AddBody(InteractionHandle interaction, InteractionPart part, BodyDefinition? body, string where)
    {
        if (body is not null)
        {
            EngineErrors.Check(NativeMethods.WithBody(interaction, part, body.ContentType, body.Text), "pactffi_with_body", $"{where}, {part} body");
        }
    }

    /// <summary>Repeated names get increasing indexes, as the engine expects for multi-valued headers and parameters.</summary>
    private static IEnumerable<(string Name, nuint Index, string Value)> Indexed(IEnumerable<NamedValue> values)
    {
        var seen = new Dictionary<string, nuint>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var index = seen.GetValueOrDefault(value.Name);
            seen[value.Name] = index + 1;
            yield return (value.Name, index, value.Value.Text);
        }
    }
}
