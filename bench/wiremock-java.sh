#!/usr/bin/env bash
# make bench-wiremock-java: both builds of the mock (the native one make mock runs, and the ReadyToRun JIT one of
# MOCK_AOT=0) against the WireMock 3.x standalone jar (npm package wiremock, on Java) serving the generated static
# mappings in contracts/wiremock, on 127.0.0.1 only:
#   GET   /api/v1/Contact/66  the same sample entity from all three;
#   PATCH /api/v1/Contact/66  from all 32 connections: the mock applies every JSON Patch (a fresh value each time) to
#                             the one entity, WireMock answers its canned 200 (no state).
# WireMock gets BENCH_JAVA_WARMUP (30) seconds of each scenario first, for the JVM's compiler; the native mock
# BENCH_WARMUP (5), the JIT mock twice that (its tiered compiler). Then BENCH_ROUNDS (5) rounds of wrk -t2 -c32 per
# scenario and server, interleaved with the order rotated every round. A ratio is taken within each round (the mock
# against the WireMock run next to it, so the machine's drift between rounds cancels out); the table gives the median
# of those ratios and their range, beside the median req/s of each server. WireMock runs with
# --no-request-journal (its journal grows without bound under load) and --disable-request-logging, its fastest settings. Table in bench/results/<stamp>.wiremock-java.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
HOST=127.0.0.1
DURATION=${BENCH_DURATION:-10}; WARMUP=${BENCH_WARMUP:-5}; JAVA_WARMUP=${BENCH_JAVA_WARMUP:-30}; ROUNDS=${BENCH_ROUNDS:-5}
RESULTS=$ROOT/bench/results; STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOG=$RESULTS/$STAMP.wiremock-java.log; OUT=$RESULTS/$STAMP.wiremock-java.md
mkdir -p "$RESULTS"
say() { echo "bench-wiremock-java: $*" >&2; }
# shellcheck source=bench/lib.sh
source bench/lib.sh

command -v wrk >/dev/null 2>&1 || { say "installing wrk (Debian package)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v java >/dev/null 2>&1 || { say "java is missing: make tools installs it"; exit 1; }
JAR=$(ls node_modules/wiremock/build/wiremock-standalone-*.jar 2>/dev/null | head -1)
[[ -n $JAR ]] || { say "no WireMock jar: run make tools"; exit 1; }
MOCK=$(tools/mock-publish.sh) # make mock's build: native where the C toolchain is, else it says why and gives the JIT one
JIT=$(MOCK_AOT=0 tools/mock-publish.sh)
SERVERS=(mock jit wiremock)

declare -A PID PORT RATES RATIOS
cleanup() { local s; for s in "${SERVERS[@]}"; do [[ -n ${PID[$s]:-} ]] && { kill "${PID[$s]}" 2>/dev/null || true; wait "${PID[$s]}" 2>/dev/null || true; }; done; }
trap cleanup EXIT
PORT[mock]=$(free_port 5301); PORT[jit]=$(free_port $((PORT[mock] + 1))); PORT[wiremock]=$(free_port $((PORT[jit] + 1)))
"$MOCK" --quiet --host "$HOST" --port "${PORT[mock]}" >>"$LOG" 2>&1 &
PID[mock]=$!
"$JIT" --quiet --host "$HOST" --port "${PORT[jit]}" >>"$LOG" 2>&1 &
PID[jit]=$!
java -jar "$JAR" --port "${PORT[wiremock]}" --bind-address "$HOST" --root-dir contracts/wiremock \
  --no-request-journal --disable-request-logging --disable-banner >>"$LOG" 2>&1 &
PID[wiremock]=$!
for s in "${SERVERS[@]}"; do
  wait_http "http://$HOST:${PORT[$s]}/api/v1/Contact/66" 60 || { say "$s did not answer GET Contact/66: see $LOG"; exit 1; }
done
# Every server must answer the bench's PATCH with a 200, or the comparison means nothing.
for s in "${SERVERS[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -H 'Content-Type: application/json-patch+json' -H 'Authorization: Bearer bench' \
    --data '[{"op":"replace","path":"/Department","value":"probe"}]' "http://$HOST:${PORT[$s]}/api/v1/Contact/66")
  [[ $code == 200 ]] || { say "$s answered $code to the bench's PATCH of Contact/66"; exit 1; }
done

# round SERVER SCRIPT SECONDS → req/s (wrk's BENCH line; non-2xx answers are counted in it and must be 0)
round() {
  local line; line=$(BENCH_IDS=1 BENCH_FROM_ID=66 wrk -t2 -c32 -d"$3s" --timeout 5s -s "bench/wrk/$2" "http://$HOST:${PORT[$1]}" 2>&1 | tee -a "$LOG" | sed -n 's/^BENCH //p')
  [[ $line == *" status=0" ]] || say "$1 $2: answers that were not 2xx ($line)"
  tr ' ' '\n' <<<"$line" | sed -n 's/^rps=//p'
}
say "warm-up: WireMock ${JAVA_WARMUP}s per scenario, the native mock ${WARMUP}s, the JIT mock $((2 * WARMUP))s"
for script in get.lua patch.lua; do
  round wiremock "$script" "$JAVA_WARMUP" >/dev/null; round mock "$script" "$WARMUP" >/dev/null; round jit "$script" $((2 * WARMUP)) >/dev/null
done
declare -A last
for r in $(seq "$ROUNDS"); do
  case $((r % 3)) in 1) order=(mock jit wiremock) ;; 2) order=(wiremock mock jit) ;; *) order=(jit wiremock mock) ;; esac
  for script in get.lua patch.lua; do
    for s in "${order[@]}"; do
      rate=$(round "$s" "$script" "$DURATION"); RATES[$s.$script]="${RATES[$s.$script]:-} $rate"; last[$s]=$rate
      say "round $r $script $s: $rate req/s"
    done
    for s in mock jit; do
      RATIOS[$s.$script]="${RATIOS[$s.$script]:-} $(awk -v a="${last[$s]}" -v b="${last[wiremock]}" 'BEGIN { if (b > 0) printf "%.3f", a / b }')"
    done
  done
done

med() { tr ' ' '\n' <<<"${RATES[$1]}" | grep . | median; }
# ratio SERVER SCRIPT: the median of the per-round ratios to WireMock and their range (rounds where WireMock answered nothing are left out)
ratio() {
  local kept; kept=$(tr ' ' '\n' <<<"${RATIOS[$1.$2]:-}" | grep . || true)
  [[ -n $kept ]] || { echo n/a; return; }
  printf '%.2f (%s)' "$(median <<<"$kept")" "$(spread <<<"$kept" | awk -F'[.][.]' '{ printf "%.2f–%.2f", $1, $2 }')"
}
{
  echo "# The mock against WireMock 3.x (Java) on Contact/66, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "wrk -t2 -c32, ${DURATION} s rounds, ${ROUNDS} interleaved rounds; WireMock warmed ${JAVA_WARMUP} s per scenario. req/s: the median of each server's rounds."
  echo "A ratio: the median of the ratios taken within each round (range in brackets), so drift between rounds cancels out."
  echo "make mock's build: $MOCK. JIT mock (MOCK_AOT=0 make mock): $JIT. WireMock: $(basename "$JAR") on $(java -version 2>&1 | head -1)."
  echo
  echo "| scenario | make mock req/s | JIT mock req/s | WireMock req/s | make mock / WireMock | JIT / WireMock | target |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  echo "| GET Contact/66 | $(med mock.get.lua) | $(med jit.get.lua) | $(med wiremock.get.lua) | $(ratio mock get.lua) | $(ratio jit get.lua) | ≥ 3 |"
  echo "| PATCH Contact/66, 32 connections (mock: real JSON Patch; WireMock: canned) | $(med mock.patch.lua) | $(med jit.patch.lua) | $(med wiremock.patch.lua) | $(ratio mock patch.lua) | $(ratio jit patch.lua) | ≥ 3 |"
  echo
  echo "RSS after the rounds: make mock $(rss_mb "${PID[mock]}" VmRSS) MB (peak $(rss_mb "${PID[mock]}" VmHWM) MB), JIT mock $(rss_mb "${PID[jit]}" VmRSS) MB (peak $(rss_mb "${PID[jit]}" VmHWM) MB), WireMock $(rss_mb "${PID[wiremock]}" VmRSS) MB (peak $(rss_mb "${PID[wiremock]}" VmHWM) MB)."
} | tee "$OUT"
say "written to $OUT (raw wrk output: $LOG)"
