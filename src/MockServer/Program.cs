var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/__admin/health", () => Results.Ok(new { status = "ok" }));
app.Run();
