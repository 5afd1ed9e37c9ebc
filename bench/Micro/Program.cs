// Micro-benchmarks of the mock's hot path (BenchmarkDotNet, allocations per operation via [MemoryDiagnoser]).
//   --quick   short job (1 launch, 3 warm-up, 5 measured iterations): a rough table in about a minute
//   --dry     one invocation of each benchmark: proves they run, measures nothing
//   anything else goes to BenchmarkDotNet (e.g. --filter *Patch*); with no --filter every benchmark runs.
// Benchmarks run in-process (InProcessEmitToolchain): no generated project is built, so the run reads nothing
// outside this binary's folder and does not compete with other builds of the repository.
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ContractHarness.Bench.Micro;

var quick = args.Contains("--quick");
var dry = args.Contains("--dry");
var rest = args.Where(a => a is not ("--quick" or "--dry")).ToList();
if (!rest.Any(a => a.StartsWith("--filter", StringComparison.Ordinal) || a == "-f"))
{
    rest.AddRange(["--filter", "*"]);
}

var job = dry ? Job.Dry : quick ? Job.ShortRun.WithIterationCount(5) : Job.Default;
var artifacts = Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts");
var config = ManualConfig.CreateEmpty()
    .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddLogger(ConsoleLogger.Default)
    .AddExporter(MarkdownExporter.GitHub)
    .WithArtifactsPath(artifacts)
    .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared))
    .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);

var summaries = BenchmarkSwitcher.FromAssembly(typeof(PatchBenchmarks).Assembly).Run([.. rest], config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
