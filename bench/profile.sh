#!/usr/bin/env bash
# Where the mock spends its time and memory under load, per scenario (GET, JSON Patch, Merge Patch, 409, 412,
# $select), on 127.0.0.1 only and bounded in time:
#   1. GC: the mock in-process (bench/InProcess serve) under each wrk round; allocated bytes per request, collections
#      and GC pause share, from the runtime's own counters.
#   2. CPU: the mock binary under each wrk round with `perf record -g` (JIT frames named through DOTNET_PerfMapEnabled);
#      the managed frames of the mock with the largest inclusive share, and the largest self shares.
#
#   bench/profile.sh [SCENARIO...]     scenarios: get patch hot merge conflict precondition select (default: all);
#                                      hot: every connection patches Contact/66 (one entity's lock, contended)
#   BENCH_DURATION (8) seconds measured per scenario after BENCH_WARMUP (6) seconds of warm-up; BENCH_TOP (25) frames.
#   BENCH_MOCK_ARGS: options for the mock in both steps (--journal-size N, --journal-body-bytes N).
# Writes bench/results/<timestamp>.profile.md. Needs wrk and perf (Debian: wrk, linux-perf); installs them if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
DURATION=${BENCH_DURATION:-8}
WARMUP=${BENCH_WARMUP:-6}
TOP=${BENCH_TOP:-25}
HOST=127.0.0.1
SCENARIOS=("$@")
[[ ${#SCENARIOS[@]} -eq 0 ]] && SCENARIOS=(get patch hot merge conflict precondition select)
declare -A SCRIPT=([get]=get.lua [patch]=patch.lua [hot]=patch.lua [merge]=merge.lua [conflict]=conflict.lua [precondition]=precondition.lua [select]=select.lua)
for s in "${SCENARIOS[@]}"; do [[ -n ${SCRIPT[$s]:-} ]] || { echo "bench/profile.sh: unknown scenario '$s'" >&2; exit 2; }; done

ART=$ROOT/bench/.artifacts
RESULTS=$ROOT/bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$RESULTS/$STAMP.profile.md
WORK=$(mktemp -d)
mkdir -p "$RESULTS"
export BENCH_WRK_DIR=$ROOT/bench/wrk

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v perf >/dev/null 2>&1 || need+=(linux-perf)
if [[ ${#need[@]} -gt 0 ]]; then
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "==> building Release into bench/.artifacts" >&2
for p in src/MockServer.Tool/ContractHarness.MockServer.Tool.csproj bench/InProcess/ContractHarness.Bench.InProcess.csproj; do
  dotnet build "$p" -c Release --artifacts-path "$ART" -nologo -v quiet -clp:ErrorsOnly >/dev/null
done
MOCK=$ART/bin/ContractHarness.MockServer.Tool/release/ContractHarness.MockServer.Tool
INPROC=$ART/bin/ContractHarness.Bench.InProcess/release/ContractHarness.Bench.InProcess

# shellcheck source=bench/lib.sh
source bench/lib.sh
wait_health() { wait_http "http://$HOST:$1/__admin/health" 60; } # the in-process server builds first
declare -A IDS=([hot]="BENCH_IDS=1 BENCH_FROM_ID=66") # the ids a scenario's script rotates over (default 1..100)
wrk_round() { # script port seconds → the BENCH line (SCENARIO picks the ids)
  # shellcheck disable=SC2086
  timeout $(($3 + 30)) env ${IDS[${SCENARIO:-none}]:-} wrk -t2 -c32 -d"$3s" --timeout 5s --latency -s "$ROOT/bench/wrk/$1" "http://$HOST:$2" 2>&1 | sed -n 's/^BENCH //p' | tail -1
}
field() { sed -n "s/.*\\b$1=\\([0-9.]*\\).*/\\1/p" <<<"$2"; }
report() { # data-file perf-report-args... (a report that cuts early or finds nothing is not an error)
  local data=$1; shift
  perf report -i "$data" "$@" --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' || true
}
tidy() { sed -E 's/class \[[^]]*\]//g; s/valuetype \[[^]]*\]//g; s/\[ContractHarness\.[A-Za-z]+\] //; s/\(.*\)/(…)/'; }

{
  echo "## Mock profile — $STAMP, commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo
  echo "cores (nproc): $(nproc); load average at start: $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c32, ${WARMUP} s warm-up, ${DURATION} s measured per scenario"
  echo
} >"$OUT"

# ---------------------------------------------------------------- 1. allocations and GC, per scenario
echo "==> GC figures per scenario (mock in-process)" >&2
PORT=$(free_port 5281)
mkfifo "$WORK/in"
# shellcheck disable=SC2086 # BENCH_MOCK_ARGS is a list of options
"$INPROC" serve --port "$PORT" ${BENCH_MOCK_ARGS:-} <"$WORK/in" >/dev/null 2>"$WORK/gc.err" &
PIDS+=($!)
exec 7>"$WORK/in"
wait_health "$PORT" || { cat "$WORK/gc.err" >&2; exit 1; }
stats() { echo stats >&7; sleep 0.3; grep '^GC ' "$WORK/gc.err" | tail -1; }
{
  echo "### Allocations and GC per request (workstation GC, as the mock runs)"
  echo
  echo "| scenario | req/s | allocated per request | gen0 / gen1 / gen2 collections | GC pause share of wall time | lock contentions per 1000 requests |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
} >>"$OUT"
for s in "${SCENARIOS[@]}"; do
  SCENARIO=$s
  wrk_round "${SCRIPT[$s]}" "$PORT" "$WARMUP" >/dev/null
  before=$(stats)
  line=$(wrk_round "${SCRIPT[$s]}" "$PORT" "$DURATION")
  after=$(stats)
  reqs=$(field requests "$line"); rps=$(field rps "$line"); us=$(field duration_us "$line")
  awk -v s="$s" -v reqs="${reqs:-0}" -v rps="${rps:-0}" -v us="${us:-1}" \
      -v a0="$(field allocated "$before")" -v a1="$(field allocated "$after")" \
      -v g00="$(field gen0 "$before")" -v g01="$(field gen0 "$after")" \
      -v g10="$(field gen1 "$before")" -v g11="$(field gen1 "$after")" \
      -v g20="$(field gen2 "$before")" -v g21="$(field gen2 "$after")" \
      -v p0="$(field pause_ms "$before")" -v p1="$(field pause_ms "$after")" \
      -v c0="$(field contentions "$before")" -v c1="$(field contentions "$after")" \
      'BEGIN { per = reqs > 0 ? (a1 - a0) / reqs : 0;
               printf "| %s | %.0f | %.1f KB | %d / %d / %d | %.1f%% | %.1f |\n", s, rps, per / 1024, g01 - g00, g11 - g10, g21 - g20, (p1 - p0) * 1000 / us * 100, (reqs > 0 ? (c1 - c0) * 1000 / reqs : 0) }' >>"$OUT"
done
echo quit >&7
exec 7>&-
echo >>"$OUT"

# ---------------------------------------------------------------- 2. CPU, per scenario
echo "==> CPU profile per scenario (perf record -g on the mock binary)" >&2
PORT=$(free_port 5291)
# shellcheck disable=SC2086
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 "$MOCK" --host "$HOST" --port "$PORT" ${BENCH_MOCK_ARGS:-} >/dev/null 2>&1 &
MOCK_PID=$!
PIDS+=("$MOCK_PID")
wait_health "$PORT" || { echo "bench/profile.sh: the mock did not answer" >&2; exit 1; }
for s in "${SCENARIOS[@]}"; do
  echo "==>   $s" >&2
  SCENARIO=$s
  wrk_round "${SCRIPT[$s]}" "$PORT" "$WARMUP" >/dev/null
  wrk_round "${SCRIPT[$s]}" "$PORT" $((DURATION + 2)) >"$WORK/$s.wrk" &
  wrk_pid=$!
  sleep 1
  perf record -F 499 -g -p "$MOCK_PID" -o "$WORK/$s.data" -- sleep "$DURATION" >/dev/null 2>&1 || true
  wait "$wrk_pid" || true
  set +o pipefail # the report pipelines below cut perf's output short on purpose
  {
    echo "### $s — $(field rps "$(cat "$WORK/$s.wrk")") req/s while sampled"
    echo
    echo "Share of the mock process's samples by module:"
    echo
    echo '```'
    report "$WORK/$s.data" --no-children --sort dso | head -8
    echo '```'
    echo
    echo "Mock and Contracts frames, inclusive share (children included):"
    echo
    echo '```'
    report "$WORK/$s.data" --children --sort sym | { grep -E 'ContractHarness\.(MockServer|Contracts)' || true; } | tidy | head -"$TOP"
    echo '```'
    echo
    echo "Largest self shares (any module):"
    echo
    echo '```'
    report "$WORK/$s.data" --no-children --sort sym | tidy | head -"$TOP"
    echo '```'
    echo
  } >>"$OUT"
  set -o pipefail
done
kill "$MOCK_PID" 2>/dev/null || true

cat "$OUT"
echo
echo "written to ${OUT#"$ROOT"/}"
