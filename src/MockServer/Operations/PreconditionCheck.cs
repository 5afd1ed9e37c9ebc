using ContractHarness.MockServer.Model;
using Microsoft.Extensions.Primitives;

namespace ContractHarness.MockServer.Operations;

/// <summary>
/// The conditional headers: <c>If-Unmodified-Since</c> compared with the entity's last-update stamp at one-second
/// resolution, as the real server does; <c>If-None-Match</c> and <c>If-Modified-Since</c> on GET. A date header
/// that is not a valid HTTP-date is ignored (RFC 9110 section 13.1.3/13.1.4).
/// </summary>
internal static class PreconditionCheck
{
    /// <summary>The <c>If-Unmodified-Since</c> instant, or null when absent or not an HTTP-date.</summary>
    public static DateTimeOffset? IfUnmodifiedSince(HttpRequest request) =>
        HttpDate.TryParse(request.Headers.IfUnmodifiedSince.ToString(), out var instant) ? instant : null;

    /// <summary>
    /// The 412 to answer when <paramref name="ifMatch"/> (an <c>If-Match</c> header) does not list the current
    /// version's tag, strongly compared; without one, when the entity changed after <paramref name="ifUnmodifiedSince"/>
    /// (RFC 9110 section 13.2.2: If-Match, when present, decides alone). Null when the update may go ahead.
    /// </summary>
    public static MockHttpException? Modified(EntityModel model, int id, StoredEntity current, DateTimeOffset? ifUnmodifiedSince, StringValues ifMatch = default)
    {
        if (ifMatch.Count > 0)
        {
            return current.Tag is { } tag && EntityTagList.Matches(ifMatch, tag.ETag, weakly: false)
                ? null
                : new MockHttpException(412, $"{model.Resource} Changed Since If-Match", "SoPreconditionFailedException",
                    $"{model.Entity} {id} is not the version If-Match names ({ifMatch}): its current ETag is {current.Tag?.ETag}.");
        }

        return ifUnmodifiedSince is { } since && current.LastUpdate > since
            ? MockErrors.PreconditionFailed(
                model.Resource,
                $"{model.Entity} {id} has changed since {HttpDate.Format(since)}: its {model.LastUpdateField} is {EntityStamp.Format(current.LastUpdate)} (UTC).")
            : null;
    }

    /// <summary>
    /// True when a GET can answer 304. <c>If-None-Match</c>, when present, decides alone (RFC 9110 section 13.2.2):
    /// the current version's tag is in its list. Otherwise <c>If-Modified-Since</c>: neither the entity's stamp nor
    /// the time this version was stored here is after it. The stamp alone would not do: a reset or a provider state
    /// puts back a version with an older stamp than the one the client holds, which is "not modified since" although
    /// the client's copy was replaced. Two versions stored within one second share their dates; the tag tells them
    /// apart.
    /// </summary>
    public static bool IsNotModified(HttpRequest request, StoredEntity current)
    {
        var headers = request.Headers;
        if (headers.IfNoneMatch.Count > 0)
        {
            return current.Tag is { } tag && EntityTagList.Matches(headers.IfNoneMatch, tag.ETag, weakly: true);
        }

        return headers.IfModifiedSince.Count > 0
            && HttpDate.TryParse(headers.IfModifiedSince.ToString(), out var since)
            && current.LastUpdate <= since
            && current.Tag is { } stored && stored.StoredAt <= since;
    }
}
