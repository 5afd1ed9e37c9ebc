using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Http.Admin;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations.Sessions;
using Microsoft.AspNetCore.Http.Features;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// A request on its way to the <see cref="RequestJournal"/>, carried as a feature of its <see cref="HttpContext"/>:
/// the steps that read the body (<see cref="RequestBody"/>) and write the answer (<see cref="EntityResponse"/>,
/// <see cref="ErrorResponse"/>, the admin answers) hand it references to their bytes, and <see cref="Record"/> makes
/// the entry just before the response starts, so a client that has its answer always finds the request in the journal.
/// Nothing is copied unless a body is longer than the journal keeps, and no text is made until the journal is read.
/// Recording is also where the answer is counted for the coverage of the contract (all traffic's, and its session's):
/// the one place that sees every answer, with its status, as it starts.
/// </summary>
internal sealed class JournalExchange
{
    private static readonly Func<object, Task> RecordCallback = static state => ((JournalExchange)state).Record();

    private readonly MockContext _mock;
    private readonly HttpContext _context;
    private readonly long _started;
    private byte[]? _requestBody;
    private JournalBody _responseBody;
    private IReadOnlyList<ContractViolation>? _violations;
    private IReadOnlyList<SchemaError>? _errors;
    private SessionWorld? _session;
    private bool _aborted;
    private bool _recorded;

    private JournalExchange(MockContext mock, HttpContext context, long started)
    {
        _mock = mock;
        _context = context;
        _started = started;
    }

    /// <summary>Starts following <paramref name="context"/>: its entry is recorded when its response starts.</summary>
    public static void Begin(MockContext mock, HttpContext context, long started)
    {
        var exchange = new JournalExchange(mock, context, started);
        context.Features[typeof(JournalExchange)] = exchange;
        context.Response.OnStarting(RecordCallback, exchange);
    }

    /// <summary>The request's body as it was read (a reference to the same array).</summary>
    public static void RequestRead(HttpContext context, byte[] body)
    {
        if (Of(context) is { } exchange)
        {
            exchange._requestBody = body;
        }
    }

    /// <summary>
    /// The body the answer is about to be written from (call it before the response starts), and for a refused update
    /// every schema error it found (<see cref="Model.MockHttpException.Errors"/>).
    /// </summary>
    public static void Answering(HttpContext context, JournalBody body, IReadOnlyList<SchemaError>? errors = null)
    {
        if (Of(context) is { } exchange)
        {
            exchange._responseBody = body;
            exchange._errors = errors;
        }
    }

    /// <summary>The session the request is in (none: the default world's).</summary>
    public static void InSession(HttpContext context, SessionWorld session)
    {
        if (Of(context) is { } exchange)
        {
            exchange._session = session;
        }
    }

    /// <summary>What a proxied exchange breaks of the contract, both sides, every one (call it before the response starts).</summary>
    public static void Checked(HttpContext context, IReadOnlyList<ContractViolation> violations)
    {
        if (Of(context) is { } exchange)
        {
            exchange._violations = violations;
        }
    }

    /// <summary>
    /// Records an exchange the mock ends without an answer (a fault rule's <c>abort</c>): no response starts, so the
    /// <c>OnStarting</c> callback never runs; the entry carries status 0 and the fault note.
    /// </summary>
    public static void Aborted(HttpContext context)
    {
        if (Of(context) is { } exchange)
        {
            exchange._aborted = true;
            exchange.Record();
        }
    }

    /// <summary>The status the journal and the request log show: 0 for an exchange ended without an answer.</summary>
    public static int StatusOf(HttpContext context) =>
        Of(context) is { _aborted: true } ? 0 : context.Response.StatusCode;

    private Task Record()
    {
        if (_recorded)
        {
            return Task.CompletedTask; // an aborted exchange is recorded at once; a carrier that still starts a response adds nothing
        }

        _recorded = true;
        var request = _context.Request;
        var elapsed = _mock.Time.GetElapsedTime(_started).TotalMilliseconds;
        var keep = _mock.Journal.BodyBudget > 0; // a budget of 0 switches bodies off: nothing held, nothing to drop later
        var bodies = JournalBodies.None;
        if (_requestBody is not null || _responseBody.HasValue)
        {
            var requestTruncated = false;
            var requestBody = _requestBody is null || !keep ? default : JournalBody.Of(_requestBody).Kept(JournalEntry.BodyLimit, out requestTruncated);
            var responseTruncated = false;
            var responseBody = keep ? _responseBody.Kept(JournalEntry.BodyLimit, out responseTruncated) : default;
            bodies = keep ? new JournalBodies(requestBody, requestTruncated, responseBody, responseTruncated, _errors) : JournalBodies.Dropped;
        }

        var status = _aborted ? 0 : _context.Response.StatusCode;
        if (!_aborted)
        {
            Count(request, status);
        }

        _mock.Journal.Add(new JournalEntry(
            _mock.Time.GetUtcNow(), request.Method, request.Path.Value + request.QueryString.Value, status, Math.Round(elapsed, 3),
            Fault(), Headers(request.Headers))
        {
            Bodies = bodies,
            Violations = _violations,
            Session = _session?.Name,
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Counts the answer for the coverage when it answers a method an entity route serves: under its catalog
    /// operation (a HEAD under GET), or as undocumented (a status the operation does not document, a method the
    /// catalog does not describe). Admin requests and unknown routes are not counted.
    /// </summary>
    private void Count(HttpRequest request, int status)
    {
        var path = request.Path.Value;
        if (path is null || AdminEndpoints.Owns(path) || !_mock.Routes.TryMatch(path, out var route, out var id) || id.IsEmpty)
        {
            return;
        }

        var method = request.Method;
        var operation = _mock.Operations.IndexOf(route.Model, method);
        if (operation < 0 && !route.Serves(method))
        {
            return;
        }

        _mock.Coverage.Count(operation, route.Model, method, status);
        _session?.Coverage.Count(operation, route.Model, method, status);
    }

    /// <summary>What a fault rule or <c>Prefer</c> did to this answer, if anything (read without making the items dictionary).</summary>
    private string? Fault() =>
        _context.Features[typeof(IItemsFeature)] is IItemsFeature items && items.Items.TryGetValue(FaultNote.ItemKey, out var fault) ? fault?.ToString() : null;

    /// <summary>
    /// The exchange <paramref name="context"/> carries, or null. Through the collection's indexer by type: the native
    /// build resolves the generic <c>Get&lt;T&gt;</c> through a runtime lookup on every call, the indexer is a plain call.
    /// </summary>
    private static JournalExchange? Of(HttpContext context) => context.Features[typeof(JournalExchange)] as JournalExchange;

    /// <summary>The request's headers, credentials replaced by <see cref="JournalEntry.Redacted"/>.</summary>
    private static KeyValuePair<string, string>[] Headers(IHeaderDictionary headers)
    {
        var copy = new KeyValuePair<string, string>[headers.Count];
        var i = 0;
        foreach (var (name, value) in headers)
        {
            copy[i++] = new(name, JournalEntry.IsCredential(name) ? JournalEntry.Redacted : value.ToString());
        }

        return copy;
    }
}
