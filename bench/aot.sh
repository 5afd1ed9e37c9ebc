#!/usr/bin/env bash
# make bench-aot: the Native AOT mock against the ReadyToRun JIT mock, interleaved A/B because the machine is shared.
# Publishes both as `make mock` does (tools/mock-publish.sh), then on 127.0.0.1 only:
#   1. start-up: BENCH_STARTUP_RUNS spawns of each, alternating, spawn -> first 200 of /__admin/health (bench/Tools);
#   2. RSS of a fresh idle mock (1 s after its first answer) and after its first generated entity (GET Contact/1);
#      start and RSS for the native mock with
#      --entity-count 1000000 (ids are generated on first touch, so it should start and sit like the default);
#   3. BENCH_ROUNDS rounds; each round runs wrk -t2 -c32 GET (ids 1..100) and JSON Patch PATCH against both servers,
#      the order flipped every round; the median req/s counts and the spread (min..max) is shown;
#   4. RSS (VmRSS, VmHWM) after the load rounds.
# Table in bench/results/<UTC timestamp>.aot.md; wrk output beside it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
HOST=127.0.0.1
DURATION=${BENCH_DURATION:-10}; WARMUP=${BENCH_WARMUP:-5}; ROUNDS=${BENCH_ROUNDS:-3}; STARTUP_RUNS=${BENCH_STARTUP_RUNS:-5}
RESULTS=$ROOT/bench/results; ART=$ROOT/bench/.artifacts
STAMP=$(date -u +%Y%m%dT%H%M%SZ); LOG=$RESULTS/$STAMP.aot.log; OUT=$RESULTS/$STAMP.aot.md
mkdir -p "$RESULTS" "$ART"
export BENCH_WRK_DIR=$ROOT/bench/wrk
say() { echo "bench-aot: $*" >&2; }

command -v wrk >/dev/null 2>&1 || { say "installing wrk (Debian package)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
say "publishing both builds"
AOT=$(tools/mock-publish.sh --aot-only)
JIT=$(MOCK_AOT=0 tools/mock-publish.sh)
dotnet build bench/Tools/ContractHarness.Bench.Tools.csproj -c Release --artifacts-path "$ART" -nologo -v quiet -clp:ErrorsOnly >&2
TOOLS=$ART/bin/ContractHarness.Bench.Tools/release/ContractHarness.Bench.Tools

PIDS=()
cleanup() { local pid; for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
# shellcheck source=bench/lib.sh
source bench/lib.sh

# 1. start-up, alternating
declare -A START=()
port=$(free_port 5281)
for ((i = 1; i <= STARTUP_RUNS; i++)); do
  for v in aot jit; do
    exe=$AOT; [[ $v == jit ]] && exe=$JIT
    ms=$("$TOOLS" startup --port "$port" --runs 1 -- "$exe" --quiet --port "$port" 2>>"$LOG" | sed -n 's/^median_ms=\([0-9.]*\).*/\1/p')
    START[$v]+="$ms "
  done
  ms=$("$TOOLS" startup --port "$port" --runs 1 -- "$AOT" --quiet --port "$port" --entity-count 1000000 2>>"$LOG" | sed -n 's/^median_ms=\([0-9.]*\).*/\1/p')
  START[aot1m]+="$ms "
done

# 2. idle RSS, 3. interleaved rounds, 4. RSS after load
declare -A PORT=() PID=() IDLE=() FIRST=() GET=() PATCH=()
port=$(free_port 5291)
"$AOT" --quiet --port "$port" --entity-count 1000000 >/dev/null 2>>"$LOG" &
pid=$!; PIDS+=("$pid")
wait_health "$port" || { say "aot mock with 1000000 ids did not answer"; exit 1; }
curl -fsS -o /dev/null "http://$HOST:$port/api/v1/Contact/999999"
sleep 1
IDLE[aot1m]=$(rss_mb "$pid" VmRSS)
kill "$pid"; wait "$pid" 2>/dev/null || true
next=$((port + 1))
for v in aot jit; do
  exe=$AOT; [[ $v == jit ]] && exe=$JIT
  PORT[$v]=$(free_port $next); next=$((PORT[$v] + 1))
  "$exe" --quiet --port "${PORT[$v]}" >/dev/null 2>>"$LOG" &
  PID[$v]=$!; PIDS+=("$!")
  wait_health "${PORT[$v]}" || { say "$v mock did not answer"; exit 1; }
  sleep 1
  IDLE[$v]=$(rss_mb "${PID[$v]}" VmRSS)
  curl -fsS -o /dev/null "http://$HOST:${PORT[$v]}/api/v1/Contact/1" # the first generated entity (the seed's code and data)
  sleep 1
  FIRST[$v]=$(rss_mb "${PID[$v]}" VmRSS)
done
rps() { # script port seconds
  wrk -t2 -c32 -d"$3s" --timeout 5s -s "bench/wrk/$1" "http://$HOST:$2" 2>&1 | tee -a "$LOG" | sed -n 's/^BENCH //p' | tr ' ' '\n' | sed -n 's/^rps=//p'
}
for v in aot jit; do rps get.lua "${PORT[$v]}" "$WARMUP" >/dev/null; rps patch.lua "${PORT[$v]}" "$WARMUP" >/dev/null; done
for ((r = 1; r <= ROUNDS; r++)); do
  order="aot jit"; ((r % 2 == 0)) && order="jit aot"
  for v in $order; do
    say "round $r: $v"
    echo "--- round $r $v" >>"$LOG"
    GET[$v]+="$(rps get.lua "${PORT[$v]}" "$DURATION") "
    PATCH[$v]+="$(rps patch.lua "${PORT[$v]}" "$DURATION") "
  done
done

row() { # name values...
  local name=$1; shift
  printf '| %s | %s | %s | %s | %s |\n' "$name" \
    "$(tr ' ' '\n' <<<"${!1}" | grep . | median)" "$(tr ' ' '\n' <<<"${!1}" | grep . | spread)" \
    "$(tr ' ' '\n' <<<"${!2}" | grep . | median)" "$(tr ' ' '\n' <<<"${!2}" | grep . | spread)"
}
a_start=${START[aot]}; j_start=${START[jit]}; a_get=${GET[aot]}; j_get=${GET[jit]}; a_patch=${PATCH[aot]}; j_patch=${PATCH[jit]}
ratio() { awk -v a="$(tr ' ' '\n' <<<"$1" | grep . | median)" -v j="$(tr ' ' '\n' <<<"$2" | grep . | median)" 'BEGIN { printf "%.2f", a / j }'; }
{
  echo "# Native AOT vs ReadyToRun JIT mock ($STAMP, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "wrk -t2 -c32, ${DURATION}s rounds x $ROUNDS (order flipped each round), ${WARMUP}s warm-up each; start-up: $STARTUP_RUNS spawns each, alternating."
  echo
  echo "| measure | AOT median | AOT spread | JIT median | JIT spread |"
  echo "| --- | --- | --- | --- | --- |"
  row "start -> first answer (ms)" a_start j_start
  row "GET req/s (ids 1..100)" a_get j_get
  row "JSON Patch PATCH req/s" a_patch j_patch
  echo "| RSS idle (MB) | ${IDLE[aot]} | | ${IDLE[jit]} | |"
  echo "| RSS after the first generated entity (GET Contact/1; MB) | ${FIRST[aot]} | | ${FIRST[jit]} | |"
  a1m_start=${START[aot1m]}
  printf '| --entity-count 1000000: start -> first answer (ms) | %s | %s | | |\n' \
    "$(tr ' ' '\n' <<<"$a1m_start" | grep . | median)" "$(tr ' ' '\n' <<<"$a1m_start" | grep . | spread)"
  echo "| --entity-count 1000000: RSS idle after GET of id 999999 (MB) | ${IDLE[aot1m]} | | | |"
  echo "| RSS after load (MB, VmRSS / VmHWM) | $(rss_mb "${PID[aot]}" VmRSS) / $(rss_mb "${PID[aot]}" VmHWM) | | $(rss_mb "${PID[jit]}" VmRSS) / $(rss_mb "${PID[jit]}" VmHWM) | |"
  echo
  echo "AOT/JIT: GET $(ratio "$a_get" "$j_get"), PATCH $(ratio "$a_patch" "$j_patch") (target: at least 0.90 each)."
} | tee "$OUT"
