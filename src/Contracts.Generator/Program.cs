using ContractHarness.Contracts.Generator;
using ContractHarness.Contracts.Generator.Compat;
using ContractHarness.Contracts.Generator.Pages;
using ContractHarness.Contracts.Reporting;

// make contracts: `generate --source contracts/source --out contracts`; `check` exits 1 when contracts/ is stale;
// make drift: `drift --vendor FILE [--junit FILE]` exits 1 on a type disagreement with a vendor API description;
// make compat: `compat --base FILE [--head FILE] [--junit FILE]` exits 1 on a change that breaks a consumer.
var command = args.FirstOrDefault() ?? "help";
string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

string? Given(string name) => Option(name, string.Empty) is { Length: > 0 } value ? value : null;

var source = Option("--source", "contracts/source");
var output = Option("--out", "contracts");
try
{
    switch (command)
    {
        case "generate":
            var files = ContractGenerator.Write(source, output);
            Console.WriteLine($"Generated {files.Count} files in {Path.GetFullPath(output)} from {source}.");
            return 0;
        case "check":
            var stale = ContractGenerator.StaleFiles(source, output);
            foreach (var file in stale)
            {
                Console.Error.WriteLine($"out of date: {file}");
            }

            Console.WriteLine(stale.Count == 0 ? "contracts/ is up to date." : $"{stale.Count} files are stale: run 'make contracts'.");
            return stale.Count == 0 ? 0 : 1;
        case "drift":
            var vendor = Option("--vendor", string.Empty);
            if (vendor.Length == 0)
            {
                Console.Error.WriteLine("usage: ContractHarness.Contracts drift --vendor <swagger-or-openapi.json> [--out contracts] [--junit FILE]");
                return 2;
            }

            var report = DriftReport.Compare(output, vendor);
            Console.Write(report.Text);
            if (Given("--junit") is { } junit)
            {
                JUnitWriter.Write(junit, DriftJUnit.From(report));
                Console.WriteLine($"JUnit report: {junit}");
            }

            return report.ExitCode;
        case "compat":
            return CompatCommand.Run(Given, Console.Out, Console.Error);
        default:
            Console.WriteLine("usage: ContractHarness.Contracts generate|check [--source contracts/source] [--out contracts] | drift --vendor FILE [--out contracts] [--junit FILE] | compat --base FILE [--head FILE] [--junit FILE]");
            return command is "help" or "--help" or "-h" ? 0 : 2;
    }
}
catch (PageFormatException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
catch (Exception ex) when (ex is InvalidDataException or IOException or System.Text.Json.JsonException)
{
    // a broken enums.json, a vendor file that is missing or no API description: one line, no stack trace
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
