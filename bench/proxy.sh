#!/usr/bin/env bash
# bench/proxy.sh: what `--proxy` costs. Starts two mocks from the build `make mock` runs (native when it can be built):
# the tenant, and a second one with `--proxy` pointing at it, then sends the same load to each, interleaved: GET over
# ids 1..100 and JSON Patch PATCH, from one connection (the latency one request gains) and from 32 (throughput). The
# added latency is the proxied p50/p99 minus the direct one; req/s of both and their ratio. Both mocks and wrk share
# this machine's cores, so at 32 connections the proxy's checks and the tenant's work compete for the same CPU.
#
#   bench/proxy.sh                      # 10 s rounds after a 3 s warm-up, 2 rounds per row (the better one counts)
#   BENCH_DURATION=3 bench/proxy.sh     # shorter
#
# Installs wrk from Debian when it is missing, sends load to 127.0.0.1 only, stops both mocks on exit, prints a
# markdown table and writes it to bench/results/<timestamp>.proxy.md (the wrk output beside it, .proxy.log).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 BENCH_WRK_DIR=$ROOT/bench/wrk
HOST=127.0.0.1
DURATION=${BENCH_DURATION:-10}; WARMUP=${BENCH_WARMUP:-3}; ROUNDS=${BENCH_ROUNDS:-2}
RESULTS=$ROOT/bench/results; STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOG=$RESULTS/$STAMP.proxy.log OUT=$RESULTS/$STAMP.proxy.md
mkdir -p "$RESULTS" && : >"$LOG"
# shellcheck source=bench/lib.sh
source bench/lib.sh
say() { printf 'proxy: %s\n' "$*" | tee -a "$LOG" >&2; }

TENANT_PID= PROXY_PID=
cleanup() { for pid in $PROXY_PID $TENANT_PID; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

command -v wrk >/dev/null || { say "installing wrk (Debian package)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v curl >/dev/null || { say "needs curl"; exit 1; }
MOCK=$(tools/mock-publish.sh 2>>"$LOG")
say "mock: $MOCK"

TENANT_PORT=$(free_port 5291)
"$MOCK" --host "$HOST" --port "$TENANT_PORT" --quiet >>"$LOG" 2>&1 & TENANT_PID=$!
wait_health "$TENANT_PORT" || { say "the tenant did not start: see $LOG"; exit 1; }
PROXY_PORT=$(free_port $((TENANT_PORT + 1)))
"$MOCK" --host "$HOST" --port "$PROXY_PORT" --quiet --proxy "http://$HOST:$TENANT_PORT" >>"$LOG" 2>&1 & PROXY_PID=$!
wait_health "$PROXY_PORT" || { say "the proxy did not start: see $LOG"; exit 1; }

# The proxy must pass the tenant's answer and count nothing: a mock keeps its own contract.
COUNT=$(curl -fsS -o /dev/null -D - -H 'Authorization: Bearer bench' "http://$HOST:$PROXY_PORT/api/v1/Contact/66" | tr -d '\r' | sed -n 's/^X-Contract-Violations: //ip')
[[ "$COUNT" == "0" ]] || { say "expected X-Contract-Violations: 0 through the proxy, got '$COUNT'"; exit 1; }

# wrk → "rps p50_us p99_us non2xx" (args: port, script, connections, seconds)
load() {
  local threads=$(( $3 < 2 ? 1 : 2 )) out
  out=$(timeout $(($4 + 30)) wrk -t"$threads" -c"$3" -d"$4s" --timeout 5s -s "$ROOT/bench/wrk/$2" "http://$HOST:$1")
  printf -- '--- port %s %s c%s %ss\n%s\n' "$1" "$2" "$3" "$4" "$out" >>"$LOG"
  sed -n 's/^BENCH .*rps=\([0-9.]*\) p50_us=\([0-9]*\) p99_us=\([0-9]*\).*status=\([0-9]*\).*/\1 \2 \3 \4/p' <<<"$out"
}
# the better of ROUNDS rounds (by req/s), the two targets interleaved so background load hits both alike
best() { sort -k1,1nr | head -1; }

say "warm-up: $WARMUP s each"
for port in "$TENANT_PORT" "$PROXY_PORT"; do load "$port" get.lua 32 "$WARMUP" >/dev/null; load "$port" patch.lua 32 "$WARMUP" >/dev/null; done

ROWS=()
for script in get.lua patch.lua; do
  for connections in 1 32; do
    say "$script, $connections connection(s): $ROUNDS x $DURATION s each, direct and through the proxy"
    direct=() proxied=()
    for _ in $(seq "$ROUNDS"); do
      direct+=("$(load "$TENANT_PORT" "$script" "$connections" "$DURATION")")
      proxied+=("$(load "$PROXY_PORT" "$script" "$connections" "$DURATION")")
    done
    read -r d_rps d_p50 d_p99 d_bad <<<"$(printf '%s\n' "${direct[@]}" | best)"
    read -r p_rps p_p50 p_p99 p_bad <<<"$(printf '%s\n' "${proxied[@]}" | best)"
    ROWS+=("$(awk -v s="${script%.lua}" -v c="$connections" -v dr="$d_rps" -v d50="$d_p50" -v d99="$d_p99" -v db="$d_bad" \
      -v pr="$p_rps" -v p50="$p_p50" -v p99="$p_p99" -v pb="$p_bad" 'BEGIN {
        printf "| %s | %d | %.0f | %.0f | %.2f | %.0f / %.0f | %.0f / %.0f | %+.0f / %+.0f | %d / %d |",
          toupper(s), c, dr, pr, pr / dr, d50, d99, p50, p99, p50 - d50, p99 - d99, db, pb }')")
  done
done

VIOLATIONS=$(curl -fsS "http://$HOST:$PROXY_PORT/__admin/violations" | tr -d ' \n' | sed -n 's/.*"violations":\([0-9]*\).*/\1/p')
{
  echo "# --proxy cost, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(basename "$(dirname "$MOCK")")"
  echo
  echo "Tenant: a mock on 127.0.0.1:$TENANT_PORT; proxy: a mock with --proxy to it. wrk ${DURATION} s rounds, the better of $ROUNDS per row."
  echo "Latencies in µs (p50 / p99); added = proxied minus direct. Non-2xx answers: direct / proxied."
  echo
  echo "| request | connections | direct req/s | proxied req/s | ratio | direct p50 / p99 | proxied p50 / p99 | added p50 / p99 | non-2xx |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Violations the proxy counted over the whole run (the tenant is a mock, which keeps its contract): $VIOLATIONS"
} | tee "$OUT"
[[ "$VIOLATIONS" == "0" ]] || { say "the proxy counted violations of a mock's answers: see $LOG and /__admin/violations"; exit 1; }
