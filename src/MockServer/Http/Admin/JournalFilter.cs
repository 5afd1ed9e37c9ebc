using System.Globalization;
using System.Text.RegularExpressions;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations.Sessions;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// The query of <c>GET /__admin/requests</c> and <c>/__admin/requests/count</c>: <c>method</c>, <c>path</c> (exact,
/// case-insensitive) or <c>pathPattern</c> (a .NET regular expression, with a match timeout), both against the path
/// without its query; <c>status</c> (<c>409</c>) or a class (<c>4xx</c>); <c>since</c> and <c>until</c> (ISO 8601,
/// inclusive); <c>session</c> (the requests of one session, compared exactly; empty for those of the default world);
/// <c>limit</c> (the list only). Anything else, a repeated parameter or a bad value is refused with a
/// 400 naming the parameter: a misspelt filter must not quietly match everything.
/// </summary>
internal sealed class JournalFilter
{
    /// <summary>How long one match of <c>pathPattern</c> may take; a pattern that takes longer is refused.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly string[] InstantFormats =
        ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"];

    private string? _method;
    private string? _path;
    private Regex? _pattern;
    private int _status;
    private int _statusClass;
    private DateTimeOffset? _since;
    private DateTimeOffset? _until;
    private bool _bySession;
    private string? _session;

    /// <summary>At most this many entries, newest first; null for all.</summary>
    public int? Limit { get; private set; }

    /// <summary>The filter of <paramref name="query"/>, or null and the 400 in <paramref name="refused"/>.</summary>
    public static JournalFilter? Parse(IQueryCollection query, bool allowLimit, out MockHttpException? refused)
    {
        var filter = new JournalFilter();
        foreach (var (name, values) in query)
        {
            var value = values.ToString();
            var error = values.Count > 1 ? $"is given {values.Count} times; give it once"
                : filter.Set(name.ToLowerInvariant(), value, allowLimit);
            if (error is not null)
            {
                refused = Invalid(name, error);
                return null;
            }
        }

        refused = filter._path is not null && filter._pattern is not null ? Invalid("path", "and 'pathPattern' exclude each other; give one") : null;
        return refused is null ? filter : null;
    }

    /// <summary>The 400 of a filter: the message names the parameter first.</summary>
    public static MockHttpException Invalid(string name, string problem) =>
        MockErrors.BadRequest($"Filter '{name}' {problem}.", "Invalid Filter");

    /// <summary>True when <paramref name="entry"/> passes every filter. A <c>pathPattern</c> slower than <see cref="MatchTimeout"/> throws <see cref="RegexMatchTimeoutException"/>.</summary>
    public bool Matches(JournalEntry entry)
    {
        if ((_method is not null && !entry.Method.Equals(_method, StringComparison.OrdinalIgnoreCase))
            || (_status != 0 && entry.Status != _status)
            || (_statusClass != 0 && entry.Status / 100 != _statusClass)
            || entry.Time < _since || entry.Time > _until
            || (_bySession && !string.Equals(entry.Session, _session, StringComparison.Ordinal)))
        {
            return false;
        }

        var path = PathOf(entry.Path);
        return (_path is null || path.Equals(_path, StringComparison.OrdinalIgnoreCase)) && (_pattern is null || _pattern.IsMatch(path));
    }

    /// <summary>A recorded path without its query.</summary>
    public static ReadOnlySpan<char> PathOf(string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? pathAndQuery : pathAndQuery.AsSpan(0, query);
    }

    /// <summary>Sets one parameter; the problem with its value, or null.</summary>
    private string? Set(string name, string value, bool allowLimit)
    {
        switch (name)
        {
            case "method":
                _method = value;
                return value.Length > 0 && value.All(char.IsAsciiLetter) ? null : $"must be an HTTP method such as PATCH, not '{value}'";
            case "path":
                _path = value;
                return value.StartsWith('/') ? null : $"must be a path starting with '/', such as /api/v1/Contact/5, not '{value}'";
            case "pathpattern":
                return SetPattern(value);
            case "status":
                return SetStatus(value);
            case "since":
                return SetInstant(value, out _since);
            case "until":
                return SetInstant(value, out _until);
            case "session":
                _bySession = true;
                _session = value.Length == 0 ? null : value;
                return value.Length == 0 || SessionName.Problem(value) is not { } problem ? null : $"{problem} (or empty for the requests without a session)";
            case "limit" when allowLimit:
                Limit = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit : null;
                return Limit is null ? $"must be a whole number from 1, not '{value}'" : null;
            case "limit":
                return "applies to the list, not to the count";
            default:
                return "is not a filter; use method, path or pathPattern, status, since, until, session" + (allowLimit ? ", limit" : string.Empty);
        }
    }

    private string? SetPattern(string value)
    {
        try
        {
            _pattern = new Regex(value, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"is not a .NET regular expression: {e.Message}";
        }
    }

    private string? SetStatus(string value)
    {
        if (value.Length == 3 && value[0] is >= '1' and <= '5' && value[1..].Equals("xx", StringComparison.OrdinalIgnoreCase))
        {
            _statusClass = value[0] - '0';
            return null;
        }

        _status = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and <= 599 ? status : 0;
        return _status == 0 ? $"must be a status from 100 to 599 such as 409, or a class such as 4xx, not '{value}'" : null;
    }

    private static string? SetInstant(string value, out DateTimeOffset? instant)
    {
        // A '+' of an offset arrives as a space when the client did not percent-encode it.
        var text = value.Replace(' ', '+');
        instant = DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        return instant is null ? $"must be an ISO 8601 instant such as 2026-11-22T10:00:00Z, not '{value}'" : null;
    }
}
