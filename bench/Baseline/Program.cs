// The baseline of `make bench`: a minimal Kestrel app that answers every entity GET with the same stored bytes,
// with no routing semantics, no store and no validation. Its GET rate is the floor the mock's ratios are taken to.
// Arguments: --port N (default 5090), --host H (default 127.0.0.1), --body FILE (default: the Contact fixture
// copied next to the binary; bench/run.sh passes the mock's own GET body so both serve the same byte count).
using System.Globalization;
using Microsoft.Extensions.Primitives;

var port = 5090;
var host = "127.0.0.1";
var bodyPath = Path.Combine(AppContext.BaseDirectory, "ContactEntity.json");
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
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}; use --port N [--host H] [--body FILE]");
            return 2;
    }
}

var body = File.ReadAllBytes(bodyPath);
var contentType = new StringValues("application/json; charset=utf-8");
var health = "{\"status\":\"ok\"}"u8.ToArray();

var builder = WebApplication.CreateSlimBuilder([]);
builder.Logging.ClearProviders();
builder.WebHost.UseKestrel(k => k.AddServerHeader = false);
builder.WebHost.UseUrls($"http://{host}:{port}");
var app = builder.Build();

app.MapGet("/__admin/health", (HttpContext context) => Write(context, health));
app.MapGet("/api/v1/{resource}/{id}", (HttpContext context) => Write(context, body));

app.Run();
return 0;

Task Write(HttpContext context, byte[] bytes)
{
    var response = context.Response;
    response.StatusCode = StatusCodes.Status200OK;
    response.Headers.ContentType = contentType;
    response.ContentLength = bytes.Length;
    return response.Body.WriteAsync(bytes).AsTask();
}
