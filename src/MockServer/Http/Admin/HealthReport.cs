using ContractHarness.MockServer.Store.Persistence;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// <c>GET /__admin/health</c>: <c>Healthy</c>, or <c>Degraded</c> while the data folder refuses updates (its storage
/// failed and no try has worked since; reads are still answered), with the reason, since when and for how long. The
/// status code follows ASP.NET Core's health checks: 200 for <c>Healthy</c> and <c>Degraded</c>, 503 for
/// <c>Unhealthy</c> (which a running mock does not report: one that could not load answers every request 503).
/// </summary>
internal static class HealthReport
{
    public const string Healthy = "Healthy";
    public const string Degraded = "Degraded";
    public const string Unhealthy = "Unhealthy";

    public static HealthModel Of(MockContext mock)
    {
        var store = mock.Store;
        var fault = store.StorageFault;
        var now = mock.Time.GetUtcNow();
        return new HealthModel(
            fault is null ? Healthy : Degraded,
            fault is null ? null : $"Updates cannot be stored in {store.DataFile}: {fault.Cause.TrimEnd('.')}. They are refused with 503 and Retry-After; reads are answered from what was stored, and updates are stored again as soon as the storage works.",
            fault?.Since,
            fault is null ? null : Math.Round(Math.Max((now - fault.Since).TotalSeconds, 0), 3),
            mock.Options.Seed,
            mock.Options.EntityCount,
            mock.Options.RequireAuth,
            store.DataFile is not null,
            Storage(store.DataFile, fault),
            [.. store.Models.Select(m => new EndpointModel(m.Route, m.Entity, m.PrimaryKey, mock.Routes.AllowFor(m).Split(", "), store.Count(m), m.FixtureId))]);
    }

    /// <summary>The HTTP status for a health status, as ASP.NET Core's health checks map it.</summary>
    public static int StatusCode(string status) => status == Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;

    private static StorageModel? Storage(string? file, StorageFault? fault) =>
        file is null ? null : new StorageModel(file, fault is null, fault?.Cause, fault?.FailedTries ?? 0, fault?.NextTry);
}
