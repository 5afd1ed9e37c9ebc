// The baseline of `make bench`: a minimal Kestrel app that answers every entity GET with the same stored bytes,
// with no routing semantics, no store and no validation. Its GET rate is the floor the mock's ratios are taken to.
// Arguments: --port N (default 5090), --host H (default 127.0.0.1), --body FILE (default: the Contact fixture
// copied next to the binary; bench/run.sh passes the mock's own GET body so both serve the same byte count),
// --bodies DIR (optional: DIR/<id>.json is served for that id, the --body bytes for any other id; bench/run.sh
// passes the mock's answers for Contact 1..100, so each request gets exactly the bytes the mock sends for it).
using System.Globalization;
using Microsoft.Extensions.Primitives;

var port = 5090;
var host = "127.0.0.1";
var bodyPath = Path.Combine(AppContext.BaseDirectory, "ContactEntity.json");
string? bodiesPath = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--port":
            port = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--host":
            host = args[i + 1];
            break;
        case "--body":
            bodyPath = args[i + 1];
            break;
        case "--bodies":
            bodiesPath = args[i + 1];
            break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}; use --port N [--host H] [--body FILE] [--bodies DIR]");
            return 2;
    }
}

var body = File.ReadAllBytes(bodyPath);
var byId = new Dictionary<int, byte[]>();
if (bodiesPath is not null)
{
    foreach (var file in Directory.EnumerateFiles(bodiesPath, "*.json"))
    {
        if (int.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            byId[id] = File.ReadAllBytes(file);
        }
    }
}

var contentType = new StringValues("application/json; charset=utf-8");
var health = "{\"status\":\"ok\"}"u8.ToArray();

var builder = WebApplication.CreateSlimBuilder([]);
builder.Logging.ClearProviders();
builder.WebHost.UseKestrel(k => k.AddServerHeader = false);
builder.WebHost.UseUrls($"http://{host}:{port}");
var app = builder.Build();

app.MapGet("/__admin/health", (HttpContext context) => Write(context, health));
app.MapGet("/api/v1/{resource}/{id}", (HttpContext context) => Write(context, byId.Count == 0 ? body : BodyFor(context)));

app.Run();
return 0;

byte[] BodyFor(HttpContext context) =>
    int.TryParse(context.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && byId.TryGetValue(id, out var bytes)
        ? bytes
        : body;

Task Write(HttpContext context, byte[] bytes)
{
    var response = context.Response;
    response.StatusCode = StatusCodes.Status200OK;
    response.Headers.ContentType = contentType;
    response.ContentLength = bytes.Length;
    return response.Body.WriteAsync(bytes).AsTask();
}
