#!/usr/bin/env bash
# The BenchmarkDotNet micro-benchmarks of the mock's hot path (patch parsing and application, merge conversion,
# schema validation, $select projection, serialization, the server's own PATCH path), allocations per operation included.
#   bench/micro.sh            full BenchmarkDotNet job (several minutes)
#   bench/micro.sh --quick    short job, about a minute
#   bench/micro.sh --dry      one call of each benchmark: proves they run
#   extra arguments go to BenchmarkDotNet, e.g. bench/micro.sh --quick --filter '*Patch*'
# The results table is printed and also written under bench/results/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
ART=bench/.artifacts
dotnet build bench/Micro/ContractHarness.Bench.Micro.csproj -c Release --artifacts-path "$ART" -nologo -v quiet -clp:ErrorsOnly
mkdir -p bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
BIN=$ART/bin/ContractHarness.Bench.Micro/release
rm -rf "$BIN/BenchmarkDotNet.Artifacts"
"$BIN/ContractHarness.Bench.Micro" "$@" | tee "bench/results/$STAMP.micro.log"
for f in "$BIN"/BenchmarkDotNet.Artifacts/results/*-report-github.md; do
  [[ -e $f ]] && cp "$f" "bench/results/$STAMP.micro.md" && echo "written to bench/results/$STAMP.micro.md"
done
