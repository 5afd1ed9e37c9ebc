using ContractHarness.MockServer.Errors;
using ContractHarness.MockServer.Store;

namespace ContractHarness.MockServer.Preconditions;

/// <summary>
/// The conditional headers, compared with the entity's last-update stamp at one-second resolution. A header that
/// is not a valid HTTP-date is ignored (RFC 7232 section 3.3/3.4).
/// </summary>
internal static class PreconditionCheck
{
    /// <summary>The <c>If-Unmodified-Since</c> instant, or null when absent or not an HTTP-date.</summary>
    public static DateTimeOffset? IfUnmodifiedSince(HttpRequest request) =>
        HttpDate.TryParse(request.Headers.IfUnmodifiedSince.ToString(), out var instant) ? instant : null;

    /// <summary>The 412 to answer when the entity changed after <paramref name="ifUnmodifiedSince"/>, else null.</summary>
    public static MockHttpException? Modified(EntityModel model, int id, StoredEntity current, DateTimeOffset? ifUnmodifiedSince) =>
        ifUnmodifiedSince is { } since && current.LastUpdate > since
            ? MockErrors.PreconditionFailed(
                model.Resource,
                $"{model.Entity} {id} has changed since {HttpDate.Format(since)}: its {model.LastUpdateField} is {EntityStamp.Format(current.LastUpdate)} (UTC).")
            : null;

    /// <summary>True when a GET can answer 304: the entity has not changed after <c>If-Modified-Since</c>.</summary>
    public static bool IsNotModified(HttpRequest request, StoredEntity current) =>
        HttpDate.TryParse(request.Headers.IfModifiedSince.ToString(), out var since) && current.LastUpdate <= since;
}
