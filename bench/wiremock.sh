#!/usr/bin/env bash
# make bench-wiremock: WireMock.Net carrying the contract (AddSuperOfficeContract) against WireMock.Net serving the
# generated static mapping of the same GET, on 127.0.0.1 only, interleaved because the machine is shared:
# BENCH_ROUNDS rounds of wrk -t2 -c32 GET /api/v1/Contact/66 against each, the order flipped every round; the median
# req/s counts. Then the RSS (VmRSS, VmHWM) of each server after its load rounds. Table in bench/results/<stamp>.wiremock.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
DURATION=${BENCH_DURATION:-10}; WARMUP=${BENCH_WARMUP:-5}; ROUNDS=${BENCH_ROUNDS:-3}
RESULTS=$ROOT/bench/results; ART=$ROOT/bench/.artifacts
STAMP=$(date -u +%Y%m%dT%H%M%SZ); LOG=$RESULTS/$STAMP.wiremock.log; OUT=$RESULTS/$STAMP.wiremock.md
mkdir -p "$RESULTS" "$ART"
say() { echo "bench-wiremock: $*" >&2; }

command -v wrk >/dev/null 2>&1 || { say "installing wrk (Debian package)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
dotnet build bench/WireMock/ContractHarness.Bench.WireMock.csproj -c Release --artifacts-path "$ART" -nologo -v quiet -clp:ErrorsOnly >&2
BIN=$ART/bin/ContractHarness.Bench.WireMock/release/ContractHarness.Bench.WireMock

declare -A PID PORT FEED RATES
PORT[contract]=${BENCH_PORT_CONTRACT:-5291}; PORT[static]=${BENCH_PORT_STATIC:-5292}
cleanup() { local m; for m in contract static; do [[ -n ${FEED[$m]:-} ]] && exec {FEED[$m]}>&- 2>/dev/null; [[ -n ${PID[$m]:-} ]] && { kill "${PID[$m]}" 2>/dev/null || true; wait "${PID[$m]}" 2>/dev/null || true; }; done; }
trap cleanup EXIT

for mode in contract static; do
  # The server runs until its standard input closes: a FIFO held open by this script.
  fifo=$ART/wiremock-$mode.fifo; rm -f "$fifo"; mkfifo "$fifo"
  "$BIN" "$mode" "${PORT[$mode]}" "$ROOT" <"$fifo" >>"$LOG" 2>&1 &
  PID[$mode]=$!
  exec {fd}>"$fifo"; FEED[$mode]=$fd
  url=http://127.0.0.1:${PORT[$mode]}/api/v1/Contact/66
  for _ in $(seq 100); do [[ $(curl -s -o /dev/null -w '%{http_code}' "$url" || true) == 200 ]] && break; sleep 0.1; done
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$url") == 200 ]] || { say "$mode: no 200 from $url"; exit 1; }
  wrk -t2 -c32 -d"${WARMUP}s" "$url" >>"$LOG"
done

rate() { wrk -t2 -c32 -d"${DURATION}s" --latency "http://127.0.0.1:${PORT[$1]}/api/v1/Contact/66" | tee -a "$LOG" | awk '/Requests\/sec/ {print $2}'; }
for round in $(seq "$ROUNDS"); do
  order=(contract static); (( round % 2 == 0 )) && order=(static contract)
  for mode in "${order[@]}"; do RATES[$mode]="${RATES[$mode]:-} $(rate "$mode")"; say "round $round $mode: ${RATES[$mode]##* } req/s"; done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
rss() { awk -v k="$2:" '$1 == k {printf "%.0f", $2/1024}' "/proc/$1/status"; }
C=$(median "${RATES[contract]}"); S=$(median "${RATES[static]}")
# The version the bench ran on, from the one place it is pinned.
WM=$(sed -n 's/.*"WireMock.Net.Minimal" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
{
  echo "| WireMock.Net.Minimal $WM, GET /api/v1/Contact/66 | req/s (median of $ROUNDS, ${DURATION} s each) | rounds | RSS after load (MB) | peak RSS (MB) |"
  echo "| --- | ---: | --- | ---: | ---: |"
  echo "| static mapping (contracts/wiremock/net) | $S | ${RATES[static]# } | $(rss "${PID[static]}" VmRSS) | $(rss "${PID[static]}" VmHWM) |"
  echo "| the contract (AddSuperOfficeContract) | $C | ${RATES[contract]# } | $(rss "${PID[contract]}" VmRSS) | $(rss "${PID[contract]}" VmHWM) |"
  echo
  awk -v c="$C" -v s="$S" 'BEGIN {printf "The contract is %.1f%% %s than the static mapping (target: at most 25%% slower).\n", (c > s ? c/s - 1 : 1 - c/s) * 100, (c > s ? "faster" : "slower")}'
} | tee "$OUT"
say "table in $OUT"
