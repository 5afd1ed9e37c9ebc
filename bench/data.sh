#!/usr/bin/env bash
# The cost of `--data DIR` (SQLite, a commit per 200): JSON Patch PATCH/s with and without a data folder in one run,
# and start-up to the first answer of /__admin/health with a data folder that took 100,000 updates and with one
# holding 10,000 distinct changed Contacts.
#
#   bench/data.sh    5 s warm-up and 10 s rounds (BENCH_WARMUP / BENCH_DURATION change them)
#
# Builds Release into bench/.artifacts, installs wrk from Debian if it is missing, sends load to 127.0.0.1 only, keeps
# its data folders under bench/.artifacts/data (removed at the end), prints a markdown table and writes it to
# bench/results/<timestamp>.data.md. Every server it starts is stopped on exit. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 BENCH_WRK_DIR=$ROOT/bench/wrk
DOTNET=${DOTNET:-dotnet}
DURATION=${BENCH_DURATION:-10}; WARMUP=${BENCH_WARMUP:-5}; RUNS=${BENCH_STARTUP_RUNS:-5}
HOST=127.0.0.1 PORT=${BENCH_MOCK_PORT:-5191}
ART=$ROOT/bench/.artifacts RESULTS=$ROOT/bench/results DATA=$ROOT/bench/.artifacts/data
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOG=$RESULTS/$STAMP.data.log OUT=$RESULTS/$STAMP.data.md
mkdir -p "$RESULTS" "$ART" && : >"$LOG"
rm -rf "$DATA" && mkdir -p "$DATA"

PID=
cleanup() { if [[ -n $PID ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$DATA"; }
trap cleanup EXIT
say() { printf '==> %s\n' "$*" | tee -a "$LOG" >&2; }
wait_health() { for _ in $(seq 1500); do curl -fsS -o /dev/null --max-time 1 "http://$HOST:$PORT/__admin/health" 2>/dev/null && return 0; sleep 0.02; done; return 1; }
start() { "$MOCK" --host "$HOST" --port "$PORT" --quiet "$@" >>"$LOG" 2>&1 & PID=$!; wait_health || { echo "the mock did not start: see $LOG" >&2; exit 1; }; }
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }
wrk_rps() { # seconds → requests/s of a JSON Patch round (rotating ids 1..100, fresh values), non-2xx answers on stderr
  local out
  out=$(timeout $(($1 + 30)) wrk -t2 -c32 -d"$1s" --timeout 5s -s "$ROOT/bench/wrk/patch.lua" "http://$HOST:$PORT")
  printf -- '--- wrk %ss\n%s\n' "$1" "$out" >>"$LOG"
  sed -n 's/^BENCH .*rps=\([0-9.]*\).*status=\([0-9]*\).*/\1 \2/p' <<<"$out"
}
patch_round() { # mock args... → "rps non2xx"
  start "$@"
  wrk_rps "$WARMUP" >/dev/null
  wrk_rps "$DURATION"
  stop
}

command -v wrk >/dev/null || { say "installing wrk (Debian package)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
say "building Release into bench/.artifacts"
for p in bench/Tools/ContractHarness.Bench.Tools.csproj src/MockServer.Tool/ContractHarness.MockServer.Tool.csproj; do
  "$DOTNET" build "$p" -c Release --artifacts-path "$ART" -nologo -v quiet -clp:ErrorsOnly >>"$LOG" 2>&1
done
MOCK=$ART/bin/ContractHarness.MockServer.Tool/release/ContractHarness.MockServer.Tool
TOOLS=$ART/bin/ContractHarness.Bench.Tools/release/ContractHarness.Bench.Tools

say "JSON Patch PATCH, in memory then --data ($WARMUP s warm-up, $DURATION s round each)"
read -r MEM_RPS MEM_BAD <<<"$(patch_round)"
read -r DATA_RPS DATA_BAD <<<"$(patch_round --data "$DATA/load")"
RATIO=$(awk -v a="$DATA_RPS" -v b="$MEM_RPS" 'BEGIN { printf "%.2f", a / b }')

# A data folder that took 100,000 acknowledged updates (JSON Patch, rotating ids 1..100, as the load round sends):
# the database keeps the last version of each entity, so start-up reads what changed, not how often.
say "100,000 updates into a data folder, then start-up to the first answer"
start --data "$DATA/updated"
UPDATES=0
while ((UPDATES < 100000)); do
  wrk_rps 5 >/dev/null
  # acknowledged = answered requests minus the non-2xx ones, from the round's summary line
  n=$(sed -n 's/^BENCH requests=\([0-9]*\) .*status=\([0-9]*\).*/\1 \2/p' "$LOG" | tail -1 | awk '{ print $1 - $2 }')
  UPDATES=$((UPDATES + n))
done
stop
startup() { "$TOOLS" startup --port "$PORT" --runs "$1" -- "$MOCK" --host "$HOST" --quiet "${@:2}" --port "$PORT" 2>>"$LOG" | tee -a "$LOG" | sed -n 's/^median_ms=\([0-9.]*\).*/\1/p'; }
rows() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from entities').fetchone()[0])" "$1/mock.db"; }
UPDATED_MS=$(startup "$RUNS" --data "$DATA/updated")
UPDATED_ROWS=$(rows "$DATA/updated")
MEMORY_MS=$(startup "$RUNS")

# Many distinct changed entities: 10,000 Contacts (Contact/1 as the mock answers it, ~9 KB, with its own id and
# Department), written in the earlier log format, so the first start imports them and later starts read SQLite.
say "start-up with 10,000 distinct stored Contacts (import, then SQLite)"
start
curl -fsS "http://$HOST:$PORT/api/v1/Contact/1" >"$DATA/contact.json"
stop
python3 - "$DATA/contact.json" "$DATA/distinct/updates.wal" <<'PY'
import json, os, sys
entity = json.load(open(sys.argv[1])); entity.pop("_Links", None)
os.makedirs(os.path.dirname(sys.argv[2]), exist_ok=True)
with open(sys.argv[2], "w") as log:
    for i in range(1, 10001):
        entity["ContactId"] = i; entity["Department"] = f"stored-{i}"
        log.write(json.dumps({"route": "/api/v1/Contact/{id}", "id": i, "value": entity}, separators=(",", ":")) + "\n")
PY
IMPORT_MS=$(startup 1 --entity-count 10000 --data "$DATA/distinct")
DISTINCT_MS=$(startup "$RUNS" --entity-count 10000 --data "$DATA/distinct")
DISTINCT_ROWS=$(rows "$DATA/distinct")
DISTINCT_MEMORY_MS=$(startup "$RUNS" --entity-count 10000)

{
  echo "# --data cost, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| measure | value | target | result |"
  echo "| --- | --- | --- | --- |"
  echo "| PATCH JSON Patch in memory (wrk -t2 -c32, ${DURATION} s; non-2xx $MEM_BAD) | $MEM_RPS req/s | | |"
  echo "| PATCH JSON Patch with --data (non-2xx $DATA_BAD) | $DATA_RPS req/s | ≥ 0.25 × in memory | $RATIO $(awk -v r="$RATIO" 'BEGIN { print (r >= 0.25 ? "PASS" : "FAIL") }') |"
  echo "| start-up, --data after $UPDATES updates ($UPDATED_ROWS rows in mock.db; median of $RUNS) | $UPDATED_MS ms | < 1000 ms | $(awk -v m="$UPDATED_MS" 'BEGIN { print (m < 1000 ? "PASS" : "FAIL") }') |"
  echo "| start-up, in memory (median of $RUNS) | $MEMORY_MS ms | | |"
  echo "| start-up, --data importing 10,000 Contacts (~9 KB each) from updates.wal (1 run) | $IMPORT_MS ms | | |"
  echo "| start-up, --data with those $DISTINCT_ROWS rows in mock.db (median of $RUNS) | $DISTINCT_MS ms | | |"
  echo "| start-up, --entity-count 10000 in memory (median of $RUNS) | $DISTINCT_MEMORY_MS ms | | |"
} | tee "$OUT"
