#!/usr/bin/env bash
# The cost of sessions (X-Mock-Session):
#  1. throughput: GET (ids 1..100) and JSON Patch (ids 1..100, fresh values) with wrk -t2 -c32, each request in one of
#     BENCH_SESSIONS (32) sessions in turn ("on"), against the same requests without a session ("off"), and against
#     requests without a session over as many distinct ids as the sessions change in all (32 × 100: the same working
#     set of changed entities, in the default world), on one mock, interleaved rounds with the order flipped every round; the median and the spread of each, and the server's
#     CPU time per request (user + system, from /proc/PID/stat): on a machine shared with other work the CPU a
#     request costs moves far less than the rate. With
#     BENCH_BASELINE_MOCK=path (another build of the mock, e.g. one without sessions), that program runs beside it and
#     gets the "off" rounds too, interleaved the same way.
#  2. memory: VmRSS of a fresh mock (a journal of one entry without bodies, so only the sessions grow) before and
#     after SESSIONS_N (1000) sessions that each change 10 Contacts, per session; and the managed heap a session
#     holds after full collections, measured in-process (bench/InProcess sessions).
#
#   bench/sessions.sh            3 rounds of 10 s, 5 s warm-up, 1000 sessions
#   bench/sessions.sh --short    2 rounds of 3 s, 1 s warm-up, 200 sessions (a sitting of about a minute)
#
# Builds Release into bench/.artifacts, installs wrk from Debian if it is missing, sends load to 127.0.0.1 only,
# prints a markdown table and writes it to bench/results/<timestamp>.sessions.md (wrk output in .sessions.log).
# Every server it starts is stopped on exit. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 BENCH_WRK_DIR=$ROOT/bench/wrk
DOTNET=${DOTNET:-dotnet}
ROUNDS=${BENCH_ROUNDS:-3} DURATION=${BENCH_DURATION:-10} WARMUP=${BENCH_WARMUP:-5} SESSIONS_N=${SESSIONS_N:-1000}
if [[ ${1:-} == --short ]]; then ROUNDS=2 DURATION=3 WARMUP=1 SESSIONS_N=200; fi
SESSIONS=${BENCH_SESSIONS:-32}
HOST=127.0.0.1
ART=$ROOT/bench/.artifacts RESULTS=$ROOT/bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOG=$RESULTS/$STAMP.sessions.log OUT=$RESULTS/$STAMP.sessions.md
mkdir -p "$RESULTS" "$ART" && : >"$LOG"
# shellcheck source=bench/lib.sh
source bench/lib.sh

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
say() { printf '==> %s\n' "$*" | tee -a "$LOG" >&2; }
start() { # port program args...: starts it, waits for its health, leaves its pid in STARTED
  local port=$1; shift
  "$@" --host "$HOST" --port "$port" --quiet >>"$LOG" 2>&1 &
  STARTED=$!
  PIDS+=("$STARTED")
  wait_health "$port" || { echo "the mock on port $port did not start: see $LOG" >&2; exit 1; }
}
declare -A PID_OF
HZ=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
round() { # port script sessions seconds [ids] → "req/s cpu-µs-per-request" (non-2xx answers are logged and fail the run)
  local out before after
  before=$(cpu_ticks "${PID_OF[$1]}")
  out=$(BENCH_IDS=${5:-100} BENCH_SESSIONS=$3 timeout $(($4 + 30)) wrk -t2 -c32 -d"$4s" --timeout 5s -s "$ROOT/bench/wrk/$2.lua" "http://$HOST:$1")
  after=$(cpu_ticks "${PID_OF[$1]}")
  printf -- '--- port %s %s sessions=%s ids=%s %ss, cpu ticks %s\n%s\n' "$1" "$2" "$3" "${5:-100}" "$4" "$((after - before))" "$out" >>"$LOG"
  local line
  line=$(sed -n 's/^BENCH requests=\([0-9]*\) .*rps=\([0-9.]*\).*status=\([0-9]*\).*/\1 \2 \3/p' <<<"$out")
  read -r requests rps bad <<<"$line"
  [[ $bad == 0 ]] || { echo "non-2xx answers in a $2 round (sessions=$3): see $LOG" >&2; exit 1; }
  awk -v r="$rps" -v n="$requests" -v t=$((after - before)) -v hz="$HZ" 'BEGIN { printf "%s %.1f", r, t / hz * 1e6 / n }'
}

command -v wrk >/dev/null || { say "installing wrk (Debian package)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v python3 >/dev/null || { echo "sessions.sh needs python3 for its client" >&2; exit 1; }
say "building Release into bench/.artifacts"
for p in src/MockServer/ContractHarness.MockServer.csproj bench/InProcess/ContractHarness.Bench.InProcess.csproj; do
  "$DOTNET" build "$p" -c Release --artifacts-path "$ART" -nologo -v quiet -clp:ErrorsOnly >>"$LOG" 2>&1
done
MOCK=$ART/bin/ContractHarness.MockServer/release/ContractHarness.MockServer
INPROCESS=$ART/bin/ContractHarness.Bench.InProcess/release/ContractHarness.Bench.InProcess

# --- 1. throughput -------------------------------------------------------------------------------------------
PORT=$(free_port "${BENCH_MOCK_PORT:-5281}")
WIDE=$((SESSIONS * 100))
start "$PORT" "$MOCK" --journal-body-bytes 0 --entity-count "$WIDE"
PID_OF[$PORT]=$STARTED
SERVERS=("this:$PORT")
if [[ -n ${BENCH_BASELINE_MOCK:-} ]]; then
  BASE_PORT=$(free_port $((PORT + 1)))
  start "$BASE_PORT" "$BENCH_BASELINE_MOCK" --journal-body-bytes 0 --entity-count "$WIDE"
  PID_OF[$BASE_PORT]=$STARTED
  SERVERS+=("baseline:$BASE_PORT")
fi

declare -A RPS CPU
say "warm-up: $WARMUP s of each scenario on each server"
for s in "${SERVERS[@]}"; do
  for script in get patch; do round "${s#*:}" "$script" 0 "$WARMUP" >/dev/null; done
done
for script in patch get; do # every session changes its 100 ids, the wide round its 3200, before anything is measured
  round "$PORT" "$script" "$SESSIONS" "$WARMUP" >/dev/null
  round "$PORT" "$script" 0 "$WARMUP" "$WIDE" >/dev/null
done

for ((r = 1; r <= ROUNDS; r++)); do
  for script in get patch; do
    cases=("this:$PORT:0:100" "this:$PORT:$SESSIONS:100" "wide:$PORT:0:$WIDE")
    [[ -n ${BASE_PORT:-} ]] && cases+=("baseline:$BASE_PORT:0:100")
    if ((r % 2 == 0)); then mapfile -t cases < <(printf '%s\n' "${cases[@]}" | tac); fi
    for c in "${cases[@]}"; do
      IFS=: read -r name port sessions ids <<<"$c"
      say "round $r/$ROUNDS: $script on $name, sessions=$sessions, ids=$ids, $DURATION s"
      read -r rps cpu <<<"$(round "$port" "$script" "$sessions" "$DURATION" "$ids")"
      RPS[$script.$name.$sessions]+="$rps "
      CPU[$script.$name.$sessions]+="$cpu "
    done
  done
done
cleanup; PIDS=()

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
row() { # script name sessions label
  local rps=${RPS[$1.$2.$3]} cpu=${CPU[$1.$2.$3]}
  printf '| %s | %.0f | %s | %.2f | %.1f | %s | %.2f |\n' "$4" \
    "$(med "$rps")" "$(tr ' ' '\n' <<<"$rps" | grep . | spread)" "$(awk -v a="$(med "$rps")" -v b="$(med "${RPS[$1.this.0]}")" 'BEGIN { print a / b }')" \
    "$(med "$cpu")" "$(tr ' ' '\n' <<<"$cpu" | grep . | spread)" "$(awk -v a="$(med "$cpu")" -v b="$(med "${CPU[$1.this.0]}")" 'BEGIN { print a / b }')"
}

# --- 2. memory -----------------------------------------------------------------------------------------------
say "memory: $SESSIONS_N sessions, 10 changed Contacts each"
MPORT=$(free_port $((PORT + 2)))
start "$MPORT" "$MOCK" --journal-size 1 --journal-body-bytes 0 --max-sessions $((SESSIONS_N + 1))
MPID=$STARTED
fill() { # from to: sessions s<from>..s<to-1>, each PATCHing Contact 1..10 (merge patch), four connections at once
  python3 - "$HOST" "$MPORT" "$1" "$2" <<'PY'
import http.client, sys, threading
host, port, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
failures = []
def work(part):
    c = http.client.HTTPConnection(host, port)
    for s in range(first + part, last, 4):
        for i in range(1, 11):
            body = ('{"Department":"s%d-%d"}' % (s, i)).encode()
            c.request("PATCH", "/api/v1/Contact/%d" % i, body, {"Content-Type": "application/merge-patch+json", "X-Mock-Session": "s%d" % s})
            r = c.getresponse(); r.read()
            if r.status != 200: failures.append((s, i, r.status))
threads = [threading.Thread(target=work, args=(p,)) for p in range(4)]
[t.start() for t in threads]; [t.join() for t in threads]
if failures: sys.exit("failed: %r" % failures[:5])
PY
}
PID_OF[$MPORT]=$MPID
round "$MPORT" get 0 2 >/dev/null # the code paths, as the load rounds warm them
fill 0 1 # one session: the seed cache and code every session shares
sleep 2
RSS_BEFORE=$(rss_mb "$MPID" VmRSS)
fill 1 $((SESSIONS_N + 1))
sleep 2
RSS_AFTER=$(rss_mb "$MPID" VmRSS)
LISTED=$(curl -fsS "http://$HOST:$MPORT/__admin/sessions" | python3 -c 'import json,sys; s=json.load(sys.stdin)["sessions"]; print(sum(1 for x in s if x["changedEntities"] == 10))')
[[ $LISTED == $((SESSIONS_N + 1)) ]] || { echo "expected $((SESSIONS_N + 1)) sessions with 10 changes each, the mock lists $LISTED" >&2; exit 1; }
PER_SESSION_KB=$(awk -v a="$RSS_AFTER" -v b="$RSS_BEFORE" -v n="$SESSIONS_N" 'BEGIN { printf "%.1f", (a - b) * 1024 / n }')
MANAGED=$("$INPROCESS" sessions --count "$SESSIONS_N" --changes 10 2>>"$LOG" | tee -a "$LOG")
MANAGED_KB=$(sed -n 's/.*managed_bytes_per_session=\([0-9]*\).*/\1/p' <<<"$MANAGED" | awk '{ printf "%.1f", $1 / 1024 }')
ENTITY_KB=$(curl -fsS -o /dev/null -w '%{size_download}' "http://$HOST:$MPORT/api/v1/Contact/1" | awk '{ printf "%.1f", $1 / 1024 }')

{
  echo "# sessions, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "wrk -t2 -c32, $ROUNDS rounds of $DURATION s (order flipped every round); \"in sessions\": each request names one of $SESSIONS sessions in turn,"
  echo "so they hold $WIDE changed Contacts in all, as the rounds over ids 1..$WIDE do in the default world."
  echo
  echo "| scenario | req/s (median) | rounds | / without a session | CPU µs per request (median) | rounds | / without a session |"
  echo "| --- | ---: | --- | ---: | ---: | --- | ---: |"
  row get this 0 "GET ids 1..100, without a session"
  row get this "$SESSIONS" "GET ids 1..100, in $SESSIONS sessions"
  row get wide 0 "GET ids 1..$WIDE, without a session"
  [[ -n ${BASE_PORT:-} ]] && row get baseline 0 "GET ids 1..100, baseline build ($BENCH_BASELINE_MOCK)"
  row patch this 0 "JSON Patch ids 1..100, without a session"
  row patch this "$SESSIONS" "JSON Patch ids 1..100, in $SESSIONS sessions"
  row patch wide 0 "JSON Patch ids 1..$WIDE, without a session"
  [[ -n ${BASE_PORT:-} ]] && row patch baseline 0 "JSON Patch ids 1..100, baseline build"
  echo
  echo "| memory of $SESSIONS_N sessions, 10 changed Contacts each (a Contact answers $ENTITY_KB KB) | value |"
  echo "| --- | ---: |"
  echo "| VmRSS before / after (MB) | $RSS_BEFORE / $RSS_AFTER |"
  echo "| VmRSS per session | $PER_SESSION_KB KB |"
  echo "| managed heap per session after full collections (in-process engine) | $MANAGED_KB KB |"
} | tee "$OUT"
