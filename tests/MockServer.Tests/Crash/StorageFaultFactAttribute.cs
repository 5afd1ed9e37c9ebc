using ContractHarness.TestSupport.Crash;

namespace ContractHarness.MockServer.Tests.Crash;

/// <summary>A test of one <see cref="StorageFaultScenario"/>, skipped with its reason when the fault cannot be caused on this machine.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFaultFactAttribute : FactAttribute
{
    public StorageFaultFactAttribute(Type scenario)
    {
        using var fault = (StorageFaultScenario)Activator.CreateInstance(scenario)!;
        Skip = fault.Unavailable;
    }
}
