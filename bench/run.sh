#!/usr/bin/env bash
# `make bench`: load benchmarks of the mock server against a bare Kestrel baseline, on 127.0.0.1 only.
#
#   bench/run.sh            full run: 5 s warm-up, 10 s rounds (BENCH_DURATION / BENCH_WARMUP change them)
#   bench/run.sh --tiny     ~1 s rounds, 2 start-up runs, no ReadyToRun publish, no Pact timing: proves the harness
#   bench/run.sh --no-pact  full run without the Pact timings;  bench/run.sh --help  this text
#
# Full mode also compares the mock with WireMock.Net on the same requests (one hot entity's PATCH, GET of one id;
# bench/WireMock, interleaved) and appends bench/aot.sh's table (Native AOT against the JIT build: start, RSS idle,
# after the first generated entity and after load, GET and PATCH, a million ids); BENCH_WIREMOCK=0, BENCH_AOT=0 skip them.
#
# Builds Release into bench/.artifacts (apart from the other projects' bin/ and obj/), installs wrk from Debian if
# it is missing, measures start-up to first answer, runs bounded `wrk -t2 -c32 --latency` rounds (GET, JSON Patch,
# Merge Patch, 409, 412, $select, and GET in the first seconds after a fresh start) against the mock and GET against
# the baseline, reads the mock's RSS after the load, optionally times the Pact suites, then prints one markdown
# table and writes it to bench/results/<timestamp>.md. Every server it starts is stopped on exit. Exit code 1 only
# when the harness could not measure; missed targets show in the table, never in the exit code. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

MODE=full
PACT=auto
for arg in "$@"; do
  case "$arg" in
    --tiny) MODE=tiny ;;
    --no-pact) PACT=off ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
DOTNET=${DOTNET:-dotnet}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
if [[ $MODE == tiny ]]; then
  DURATION=${BENCH_DURATION:-1}; WARMUP=${BENCH_WARMUP:-1}; FIRST=${BENCH_FIRST:-1}; STARTUP_RUNS=${BENCH_STARTUP_RUNS:-2}
  R2R=${BENCH_R2R:-0}; [[ $PACT == auto ]] && PACT=off
  WIREMOCK=${BENCH_WIREMOCK:-0}; AOT=${BENCH_AOT:-0}
else
  DURATION=${BENCH_DURATION:-10}; WARMUP=${BENCH_WARMUP:-5}; FIRST=${BENCH_FIRST:-5}; STARTUP_RUNS=${BENCH_STARTUP_RUNS:-5}
  R2R=${BENCH_R2R:-1}; WIREMOCK=${BENCH_WIREMOCK:-1}; AOT=${BENCH_AOT:-1}
fi
for n in "$DURATION" "$WARMUP" "$FIRST" "$STARTUP_RUNS" "$THREADS" "$CONNECTIONS"; do
  [[ $n =~ ^[0-9]+$ && $n -ge 1 && $n -le 600 ]] || { echo "bench/run.sh: durations and counts must be integers in 1..600" >&2; exit 2; }
done
MOCK_EXTRA_ARGS=${BENCH_MOCK_ARGS:-}   # extra arguments for the mock, e.g. a contracts folder option
MOCK_PROJECT=${BENCH_MOCK_PROJECT:-src/MockServer.Tool/ContractHarness.MockServer.Tool.csproj}
MOCK_NAME=${BENCH_MOCK_NAME:-ContractHarness.MockServer.Tool}   # the assembly name of MOCK_PROJECT
HOST=127.0.0.1                         # every server and every request stays on loopback

ART=$ROOT/bench/.artifacts
RESULTS=$ROOT/bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$RESULTS/$STAMP.md
LOG=$RESULTS/$STAMP.log
mkdir -p "$RESULTS" "$ART"
: >"$LOG"
export BENCH_WRK_DIR=$ROOT/bench/wrk

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; printf '==> %s\n' "$*" >>"$LOG"; }
calc() { awk "BEGIN { printf \"%s\", ($1) }"; }
fmt_rps() { calc "$1" | awk '{ printf "%.0f", $1 }'; }

# ---------------------------------------------------------------- servers and ports
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
  done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
free_port() { # first free port from $1 upwards
  local p=$1
  while port_open "$p"; do p=$((p + 1)); done
  echo "$p"
}
wait_health() { # port, timeout in s
  local deadline=$((SECONDS + ${2:-30}))
  while ((SECONDS < deadline)); do
    curl -fsS -o /dev/null --max-time 1 "http://$HOST:$1/__admin/health" 2>/dev/null && return 0
    sleep 0.02
  done
  return 1
}
start_server() { # name exe args... ; sets SERVER_PID. Standard output (the mock's request lines) goes to /dev/null.
  local name=$1; shift
  "$@" >/dev/null 2>>"$RESULTS/$STAMP.$name.err" &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
}
stop_server() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
rss_mb() { awk -v k="$2:" '$1 == k { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo n/a; }

# ---------------------------------------------------------------- wrk
if ! command -v wrk >/dev/null 2>&1; then
  say "installing wrk (Debian package)"
  if [[ $(id -u) -eq 0 ]]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi

declare -A RPS P99 REQS ERRS STATUS
PROBLEMS=() # failures of the harness itself (not of a target): they make the exit code 1
# run_wrk KEY SCRIPT PORT SECONDS: one bounded round; results in RPS[KEY], P99[KEY] (ms), REQS, ERRS, STATUS
run_wrk() {
  local key=$1 script=$2 port=$3 secs=$4 out line kv
  out=$(timeout $((secs + 30)) env ${WRK_IDS:-} wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout 5s --latency \
        -s "$ROOT/bench/wrk/$script" "http://$HOST:$port" 2>&1) || true
  printf -- '--- %s (%s, %ss, port %s)\n%s\n' "$key" "$script" "$secs" "$port" "$out" >>"$LOG"
  line=$(sed -n 's/^BENCH //p' <<<"$out" | tail -1)
  if [[ -z $line ]]; then
    RPS[$key]=0; P99[$key]=n/a; REQS[$key]=0; ERRS[$key]=wrk-failed; STATUS[$key]=0
    PROBLEMS+=("wrk round '$key' gave no result (see ${LOG#"$ROOT"/})")
    return
  fi
  declare -A r=()
  for kv in $line; do r[${kv%%=*}]=${kv#*=}; done
  RPS[$key]=${r[rps]}
  P99[$key]=$(awk -v us="${r[p99_us]}" 'BEGIN { printf "%.2f", us / 1000 }')
  REQS[$key]=${r[requests]}
  ERRS[$key]=$((r[connect] + r[read] + r[write] + r[timeout]))
  STATUS[$key]=${r[status]}
}

# probe METHOD PATH [CONTENT-TYPE BODY [EXTRA-HEADER]]: prints the HTTP status of one request
probe() {
  local method=$1 path=$2 ctype=${3:-} body=${4:-} extra=${5:-}
  local args=(-s -o /dev/null -w '%{http_code}' --max-time 5 -X "$method" -H 'Authorization: Bearer bench' -H 'Accept: application/json')
  [[ -n $ctype ]] && args+=(-H "Content-Type: $ctype" --data-binary "$body")
  [[ -n $extra ]] && args+=(-H "$extra")
  curl "${args[@]}" "http://$HOST:$PORT_MOCK$path" || true
}

# ---------------------------------------------------------------- build
say "building Release into bench/.artifacts (mode: $MODE)"
build() { "$DOTNET" "$@" -c Release --artifacts-path "$ART" -nologo -v quiet -clp:ErrorsOnly >>"$LOG" 2>&1 || { tail -40 "$LOG" >&2; echo "bench/run.sh: '$DOTNET $*' failed" >&2; exit 1; }; }
build build bench/Tools/ContractHarness.Bench.Tools.csproj
build build bench/Baseline/ContractHarness.Bench.Baseline.csproj
build build "$MOCK_PROJECT"
INPROC=
if [[ $MOCK_NAME == ContractHarness.MockServer.Tool ]]; then
  build build bench/InProcess/ContractHarness.Bench.InProcess.csproj
  INPROC=$ART/bin/ContractHarness.Bench.InProcess/release/ContractHarness.Bench.InProcess
fi
TOOLS=$ART/bin/ContractHarness.Bench.Tools/release/ContractHarness.Bench.Tools
BASE_JIT=$ART/bin/ContractHarness.Bench.Baseline/release/ContractHarness.Bench.Baseline
MOCK_JIT=$ART/bin/$MOCK_NAME/release/$MOCK_NAME
MOCK_R2R=; BASE_R2R=
if [[ $R2R == 1 ]]; then
  say "publishing ReadyToRun variants (linux-x64, framework-dependent)"
  # The mock's publish is MOCK_AOT=0 make mock's: ReadyToRun for this machine's runtime.
  # (the mock's project sets PublishAot for make mock's native build: its JIT publish turns it off, as tools/mock-publish.sh does)
  build publish "$MOCK_PROJECT" --use-current-runtime --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true -o "$ART/publish/mock-r2r"
  build publish bench/Baseline/ContractHarness.Bench.Baseline.csproj --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$ART/publish/baseline-r2r"
  MOCK_R2R=$ART/publish/mock-r2r/$MOCK_NAME
  BASE_R2R=$ART/publish/baseline-r2r/ContractHarness.Bench.Baseline
fi

PORT_MOCK=$(free_port "${BENCH_MOCK_PORT:-5181}")
PORT_BASE=$(free_port $((PORT_MOCK + 1)))
PORT_START=$(free_port $((PORT_BASE + 1)))
# shellcheck disable=SC2206
MOCK_ARGS=(--host "$HOST" $MOCK_EXTRA_ARGS)

# ---------------------------------------------------------------- start-up
startup_ms() { # exe args... (the port is appended); prints the median or n/a
  local out rc=0
  out=$("$TOOLS" startup --port "$PORT_START" --runs "$STARTUP_RUNS" -- "$@" --port "$PORT_START" 2>&1) || rc=$?
  if [[ $rc == 0 ]]; then
    printf -- '--- startup %s\n%s\n' "$1" "$out" >>"$LOG"
    sed -n 's/^median_ms=\([0-9.]*\).*/\1/p' <<<"$out"
  else
    printf -- '--- startup %s FAILED (exit code %s)\n%s\n' "$1" "$rc" "$out" >>"$LOG"
    echo "start-up timing of ${1#"$ROOT"/} failed: $(tail -1 <<<"$out")" >>"$RESULTS/$STAMP.problems"
    echo n/a
  fi
}
say "start-up to first answer, median of $STARTUP_RUNS"
START_MOCK_JIT=$(startup_ms "$MOCK_JIT" "${MOCK_ARGS[@]}")
START_BASE_JIT=$(startup_ms "$BASE_JIT" --host "$HOST")
START_MOCK_R2R=n/a; START_BASE_R2R=n/a
if [[ -n $MOCK_R2R ]]; then
  START_MOCK_R2R=$(startup_ms "$MOCK_R2R" "${MOCK_ARGS[@]}")
  START_BASE_R2R=$(startup_ms "$BASE_R2R" --host "$HOST")
fi
INPROC_COLD=n/a; INPROC_WARM=n/a
if [[ -n $INPROC ]]; then
  if out=$("$INPROC" --runs $((STARTUP_RUNS + 1)) 2>&1); then
    printf -- '--- in-process start\n%s\n' "$out" >>"$LOG"
    INPROC_COLD=$(sed -n 's/^cold_ms=\([0-9.]*\).*/\1/p' <<<"$out")
    INPROC_WARM=$(sed -n 's/.*warm_median_ms=\([0-9.]*\).*/\1/p' <<<"$out")
  else
    printf -- '--- in-process start FAILED\n%s\n' "$out" >>"$LOG"
    PROBLEMS+=("in-process start failed: $(tail -1 <<<"$out")")
  fi
fi
# Load runs use the faster-starting variant for both servers.
MOCK=$MOCK_JIT; BASE=$BASE_JIT; VARIANT="JIT build"
if [[ -n $MOCK_R2R && $START_MOCK_R2R != n/a && ( $START_MOCK_JIT == n/a || $(calc "$START_MOCK_R2R < $START_MOCK_JIT") == 1 ) ]]; then
  MOCK=$MOCK_R2R; BASE=$BASE_R2R; VARIANT="ReadyToRun publish"
fi

# ---------------------------------------------------------------- the mock and the baseline under load
say "mock ($VARIANT) on $HOST:$PORT_MOCK; wrk -t$THREADS -c$CONNECTIONS, warm-up ${WARMUP}s, rounds ${DURATION}s"
start_server mock "$MOCK" "${MOCK_ARGS[@]}" --port "$PORT_MOCK"
MOCK_PID=$SERVER_PID
wait_health "$PORT_MOCK" 30 || { tail -20 "$RESULTS/$STAMP.mock.err" >&2; echo "bench/run.sh: the mock did not answer /__admin/health" >&2; exit 1; }
curl -s -o /dev/null --max-time 5 -X POST -H "Content-Type: application/json" "http://$HOST:$PORT_MOCK/__admin/reset" || true

# The baseline serves exactly the bytes the mock answers: for Contact/1 as one buffer (the fixture when the mock
# cannot answer), and, in its per-id variant, for each of Contact 1..100 (the ids the rounds rotate over).
BODY=$RESULTS/$STAMP.contact.json
GET_STATUS=$(curl -s -o "$BODY" -w '%{http_code}' --max-time 5 -H 'Authorization: Bearer bench' "http://$HOST:$PORT_MOCK/api/v1/Contact/1" || true)
BODY_BYTES=$(wc -c <"$BODY" 2>/dev/null || echo 0)
if [[ $GET_STATUS != 200 || $BODY_BYTES -eq 0 ]]; then
  cp "$ROOT/contracts/fixtures/ContactEntity.json" "$BODY"
  BODY_BYTES=$(wc -c <"$BODY")
fi
BODIES=$RESULTS/$STAMP.bodies
mkdir -p "$BODIES"
curl -s --max-time 30 -H 'Authorization: Bearer bench' "http://$HOST:$PORT_MOCK/api/v1/Contact/[1-100]" -o "$BODIES/#1.json" || true
BODIES_BYTES=$(cat "$BODIES"/*.json 2>/dev/null | wc -c)
declare -A EXPECT=([get]=200 [patch]=200 [merge]=200 [conflict]=409 [precondition]=412 [select]=200)
declare -A SEEN
SEEN[get]=$GET_STATUS
SEEN[patch]=$(probe PATCH /api/v1/Contact/1 application/json-patch+json '[{"op":"replace","path":"/Department","value":"probe"}]')
SEEN[merge]=$(probe PATCH /api/v1/Contact/1 application/merge-patch+json '{"Department":"probe"}')
SEEN[conflict]=$(probe PATCH /api/v1/Contact/1 application/json-patch+json '[{"op":"test","path":"/Name","value":"nope"}]')
SEEN[precondition]=$(probe PATCH /api/v1/Contact/1 application/json-patch+json '[{"op":"replace","path":"/Department","value":"x"}]' 'If-Unmodified-Since: Sun, 06 Nov 1994 08:49:37 GMT')
# shellcheck disable=SC2016
SEEN[select]=$(probe GET '/api/v1/Contact/1?$select=Name,Department')

# The floor is measured before and (full mode) after the mock's rounds; the higher rate counts, so background load
# during one of them cannot flatter the ratios. Two variants: one buffer (Contact/1's bytes for every id) and per id
# (each id's own bytes, as the mock serves them: 100 entities do not sit in the CPU caches the way one does).
baseline_round() { # key [--bodies DIR]
  local key=$1; shift
  say "baseline ($VARIANT) on $HOST:$PORT_BASE serving the mock's bytes (${*:-one buffer})"
  start_server baseline "$BASE" --host "$HOST" --port "$PORT_BASE" --body "$BODY" "$@"
  local pid=$SERVER_PID
  wait_health "$PORT_BASE" 30 || { echo "bench/run.sh: the baseline did not answer" >&2; exit 1; }
  run_wrk "warm-$key" get.lua "$PORT_BASE" "$WARMUP"
  run_wrk "$key" get.lua "$PORT_BASE" "$DURATION"
  stop_server "$pid"
}
baseline_round base1
baseline_round ids1 --bodies "$BODIES"

say "mock rounds: GET, JSON Patch, Merge Patch, 409, 412, \$select"
run_wrk warm-get get.lua "$PORT_MOCK" "$WARMUP"
run_wrk warm-patch patch.lua "$PORT_MOCK" "$WARMUP"
# The two rounds with a target get the same best of two rounds (full mode) as the baseline GET, back to back.
best_of_two() { # key script
  run_wrk "$1" "$2" "$PORT_MOCK" "$DURATION"
  [[ $MODE == full ]] || return 0
  local k=$1 first_rps=${RPS[$1]} first_p99=${P99[$1]} first_reqs=${REQS[$1]} first_errs=${ERRS[$1]} first_status=${STATUS[$1]}
  run_wrk "$1" "$2" "$PORT_MOCK" "$DURATION"
  ROUNDS[$k]="best of 2 rounds: $(fmt_rps "$first_rps"), $(fmt_rps "${RPS[$k]}"); p99 and errors of both"
  if [[ $(calc "$first_rps > ${RPS[$k]}") == 1 ]]; then RPS[$k]=$first_rps; fi
  # Nothing else is picked: the worse p99 and the errors and non-2xx answers of both rounds count.
  if [[ $first_p99 == n/a || ${P99[$k]} == n/a ]]; then P99[$k]=n/a
  elif [[ $(calc "$first_p99 > ${P99[$k]}") == 1 ]]; then P99[$k]=$first_p99; fi
  if [[ $first_errs =~ ^[0-9]+$ && ${ERRS[$k]} =~ ^[0-9]+$ ]]; then ERRS[$k]=$((first_errs + ERRS[$k])); else ERRS[$k]=wrk-failed; fi
  REQS[$k]=$((first_reqs + REQS[$k])); STATUS[$k]=$((first_status + STATUS[$k]))
}
declare -A ROUNDS=([get]="1 round" [get1]="1 round" [patch]="1 round")
best_of_two get get.lua
BENCH_IDS=1 best_of_two get1 get.lua
best_of_two patch patch.lua
# A real update: the stored Department of a patched id now holds one of the values the round sent.
STORED=$(curl -s --max-time 5 -H 'Authorization: Bearer bench' "http://$HOST:$PORT_MOCK/api/v1/Contact/2" || true)
if grep -q '"Department": *"bench-' <<<"$STORED"; then PATCH_STORED=yes; else PATCH_STORED=no; fi
run_wrk merge merge.lua "$PORT_MOCK" "$DURATION"
run_wrk conflict conflict.lua "$PORT_MOCK" "$DURATION"
run_wrk precondition precondition.lua "$PORT_MOCK" "$DURATION"
run_wrk select select.lua "$PORT_MOCK" "$DURATION"

# ---------------------------------------------------------------- the mock against WireMock.Net, same requests
# WireMock.Net on the generated static mappings (contracts/wiremock/net): a canned 200 for PATCH Contact/66 (the
# sample, nothing stored) and the sample for GET. Every connection patches Contact/66: on the mock that is one entity's
# lock, contended, and every update is real. Interleaved rounds, the order flipped, the better of the two counts.
WM_ROUNDS=0
if [[ $WIREMOCK == 1 ]]; then
  say "WireMock.Net (static mappings) against the mock: hot-entity PATCH and GET of Contact/66"
  build build bench/WireMock/ContractHarness.Bench.WireMock.csproj
  PORT_WM=$(free_port $((PORT_START + 1)))
  WM_FIFO=$ART/run-wiremock.fifo; rm -f "$WM_FIFO"; mkfifo "$WM_FIFO"
  # The server runs until its standard input closes: a FIFO this script holds open (read-write, so neither open
  # blocks) until the rounds are over.
  # blocks) until the rounds are over. Started here, not by start_server: a background command's standard input is
  # /dev/null unless the command itself redirects it.
  exec {WM_FEED}<>"$WM_FIFO"
  "$ART/bin/ContractHarness.Bench.WireMock/release/ContractHarness.Bench.WireMock" static "$PORT_WM" "$ROOT" <"$WM_FIFO" >/dev/null 2>>"$RESULTS/$STAMP.wiremock.err" &
  WM_PID=$!
  PIDS+=("$WM_PID")
  for _ in $(seq 150); do [[ $(curl -s -o /dev/null -w '%{http_code}' "http://$HOST:$PORT_WM/api/v1/Contact/66" || true) == 200 ]] && break; sleep 0.2; done
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://$HOST:$PORT_WM/api/v1/Contact/66" || true) == 200 ]] || PROBLEMS+=("WireMock.Net did not answer GET Contact/66 on port $PORT_WM (see $STAMP.wiremock.err)")
  export WRK_IDS="BENCH_IDS=1 BENCH_FROM_ID=66"
  run_wrk warm-wm-hot patch.lua "$PORT_WM" "$WARMUP"; run_wrk warm-hot patch.lua "$PORT_MOCK" "$WARMUP"
  for round in 1 2; do
    order=(mock wm); ((round == 2)) && order=(wm mock)
    for who in "${order[@]}"; do
      port=$PORT_MOCK; [[ $who == wm ]] && port=$PORT_WM
      run_wrk "$who-hot$round" patch.lua "$port" "$DURATION"
      run_wrk "$who-get$round" get.lua "$port" "$DURATION"
    done
  done
  unset WRK_IDS
  for k in mock-hot wm-hot mock-get wm-get; do # the better round; errors and non-2xx of both
    best=${k}1; [[ $(calc "${RPS[${k}2]} > ${RPS[${k}1]}") == 1 ]] && best=${k}2
    RPS[$k]=${RPS[$best]}; P99[$k]=${P99[$best]}; REQS[$k]=$((REQS[${k}1] + REQS[${k}2]))
    STATUS[$k]=$((STATUS[${k}1] + STATUS[${k}2]))
    if [[ ${ERRS[${k}1]} =~ ^[0-9]+$ && ${ERRS[${k}2]} =~ ^[0-9]+$ ]]; then ERRS[$k]=$((ERRS[${k}1] + ERRS[${k}2])); else ERRS[$k]=wrk-failed; fi
  done
  WM_ROUNDS=2
  HOT_STORED=$(curl -s --max-time 5 "http://$HOST:$PORT_MOCK/api/v1/Contact/66" | grep -o '"Department": *"bench-[^"]*"' || true)
  exec {WM_FEED}>&-
  stop_server "$WM_PID"
fi
RSS=$(rss_mb "$MOCK_PID" VmRSS)
HWM=$(rss_mb "$MOCK_PID" VmHWM)
stop_server "$MOCK_PID"

declare -A BASE_ROUNDS=([base]="1 round" [ids]="1 round")
if [[ $MODE == full ]]; then
  baseline_round base2
  baseline_round ids2 --bodies "$BODIES"
fi
for b in base ids; do
  key=${b}1
  if [[ $MODE == full ]]; then
    BASE_ROUNDS[$b]="best of 2 rounds: $(fmt_rps "${RPS[${b}1]}") before, $(fmt_rps "${RPS[${b}2]}") after the mock"
    if [[ $(calc "${RPS[${b}2]} > ${RPS[${b}1]}") == 1 ]]; then key=${b}2; fi
  fi
  RPS[$b]=${RPS[$key]}; P99[$b]=${P99[$key]}; REQS[$b]=${REQS[$key]}; ERRS[$b]=${ERRS[$key]}; STATUS[$b]=${STATUS[$key]}
done

# ---------------------------------------------------------------- the first seconds after a fresh start
say "mock fresh start: GET throughput in its first ${FIRST}s"
start_server mock-fresh "$MOCK" "${MOCK_ARGS[@]}" --port "$PORT_MOCK"
FRESH_PID=$SERVER_PID
if wait_health "$PORT_MOCK" 30; then
  run_wrk first get.lua "$PORT_MOCK" "$FIRST"
else
  RPS[first]=0; P99[first]=n/a; ERRS[first]=no-answer; STATUS[first]=0; REQS[first]=0
  PROBLEMS+=("the freshly started mock did not answer")
fi
stop_server "$FRESH_PID"

# ---------------------------------------------------------------- the Pact side (optional)
PACT_CONSUMER=n/a; PACT_PROVIDER=n/a; PACT_NOTE=""
time_tests() { # filter; prints seconds or n/a
  local t0 t1
  t0=$(date +%s.%N)
  if "$DOTNET" test tests/ContractTests/ContractHarness.ContractTests.csproj -c Release --no-build --artifacts-path "$ART" \
       --filter "$1" -nologo >>"$LOG" 2>&1; then
    t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }'
  else
    echo failed
  fi
}
if [[ $PACT == off ]]; then
  PACT_NOTE="skipped ($MODE mode)"
elif ! find tests/ContractTests -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' 2>/dev/null | grep -q .; then
  PACT_NOTE="tests/ContractTests has no tests yet"
else
  say "timing the Pact suites (tests/ContractTests)"
  if ! "$DOTNET" build tests/ContractTests/ContractHarness.ContractTests.csproj -c Release --artifacts-path "$ART" -nologo -v quiet >>"$LOG" 2>&1; then
    PACT_NOTE="tests/ContractTests did not build"
  elif grep -rqsE '"Category", *"Consumer"' tests/ContractTests --include='*.cs'; then
    PACT_CONSUMER=$(time_tests Category=Consumer)
  else PACT_NOTE="no Category=Consumer tests"; fi
  if [[ $PACT_NOTE == *build* ]]; then :
  elif grep -rqsE '"Category", *"Provider"' tests/ContractTests --include='*.cs'; then
    PACT_PROVIDER=$(time_tests Category=Provider)
  else PACT_NOTE="${PACT_NOTE:+$PACT_NOTE; }no Category=Provider tests"; fi
fi

# ---------------------------------------------------------------- the table
ratio() { if [[ $(calc "$2 > 0") == 1 ]]; then calc "$1 / $2" | awk '{ printf "%.2f", $1 }'; else echo n/a; fi; }
verdict() { # ok(1/0) → PASS/FAIL; tiny rounds are too short to judge anything
  if [[ $MODE == tiny ]]; then echo "not judged (tiny)"; elif [[ $1 == 1 ]]; then echo PASS; else echo "**FAIL**"; fi
}
p99_ok() { [[ $1 != n/a ]] && [[ $(calc "$1 < 5") == 1 ]]; }
answers_ok() { # key expected-non2xx(0/1)
  local k=$1
  [[ ${ERRS[$k]} == 0 ]] || return 1
  if [[ $2 == 1 ]]; then [[ ${STATUS[$k]} == "${REQS[$k]}" ]]; else [[ ${STATUS[$k]} == 0 ]]; fi
}
note() { # key expected-non2xx
  local k=$1 n=""
  [[ ${ERRS[$k]} != 0 ]] && n="${ERRS[$k]} socket errors"
  if [[ $2 == 1 ]]; then
    [[ ${STATUS[$k]} != "${REQS[$k]}" ]] && n="${n:+$n, }$((REQS[$k] - STATUS[$k])) unexpected 2xx"
  else
    [[ ${STATUS[$k]} != 0 ]] && n="${n:+$n, }${STATUS[$k]} non-2xx"
  fi
  echo "$n"
}
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@"; }

load_row() { # key label expected-non2xx min-ratio(or -) p99-target(1/0) [baseline key: ids (default) or base]
  local k=$1 label=$2 bad=$3 min=$4 p99t=$5 b=${6:-ids} r ok=1 target="" n probe_note=""
  r=$(ratio "${RPS[$k]}" "${RPS[$b]}")
  if [[ ${SEEN[$k]:-} != "" && ${SEEN[$k]} != "${EXPECT[$k]}" ]]; then probe_note="probe answered ${SEEN[$k]}, expected ${EXPECT[$k]}"; ok=0; fi
  answers_ok "$k" "$bad" || ok=0
  if [[ $min != - ]]; then
    target="≥ $min×"
    [[ $r != n/a && $(calc "$r >= $min") == 1 ]] || ok=0
  fi
  if [[ $p99t == 1 ]]; then
    target="${target:+$target, }p99 < 5 ms"
    p99_ok "${P99[$k]}" || ok=0
  fi
  n=$(note "$k" "$bad")
  if [[ -n $probe_note ]]; then n="$probe_note${n:+; $n}"; fi
  if [[ -z $target ]]; then
    row "$label" "$(fmt_rps "${RPS[$k]}")" "${P99[$k]}" "$r" "—" "${n:-info}"
  else
    row "$label" "$(fmt_rps "${RPS[$k]}")" "${P99[$k]}" "$r" "$target" "$(verdict $ok)${n:+ ($n)}"
  fi
}
wm_row() { # label mock-key wiremock-key min-ratio: the mock against WireMock.Net on the same requests (best of $WM_ROUNDS interleaved rounds each)
  local r ok=1 n
  r=$(ratio "${RPS[$2]}" "${RPS[$3]}")
  answers_ok "$2" 0 || ok=0
  [[ $r != n/a && $(calc "$r >= $4") == 1 ]] || ok=0
  n=$(note "$2" 0)
  row "$1" "$(fmt_rps "${RPS[$2]}")" "${P99[$2]}" "$(ratio "${RPS[$2]}" "${RPS[base]}"); ${r}× WireMock.Net" "≥ $4× WireMock.Net" "$(verdict $ok)${n:+ ($n)}"
}
unit() { if [[ $1 =~ ^[0-9.]+$ ]]; then echo "$1 $2"; else echo "$1"; fi; }
limit_row() { # label value-ms limit-ms
  if [[ $2 =~ ^[0-9.]+$ ]]; then row "$1" "$2 ms" "" "" "< $3 ms" "$(verdict "$(calc "$2 < $3")")"
  else row "$1" "$2" "" "" "< $3 ms" "**FAIL** (no answer)"; fi
}

CORES=$(nproc)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  echo "## ContractHarness bench ($MODE) — $STAMP, commit $COMMIT"
  echo
  echo "cores (nproc): **$CORES**; load average before the table: $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$THREADS -c$CONNECTIONS --latency, ${WARMUP} s warm-up, ${DURATION} s rounds, on $HOST; mock: $MOCK_NAME; servers: $VARIANT; entity body: $BODY_BYTES bytes (Contact/1; Contact 1..100: $BODIES_BYTES bytes in all); ids rotate over 1..100 unless the row says otherwise"
  echo
  if [[ $MODE == tiny ]]; then
    echo "Tiny mode: ${DURATION} s rounds prove that the harness runs; its figures are not measurements, so no target is judged. Run bench/run.sh for the table."
    echo
  fi
  echo "Each ratio is to the baseline serving the same bytes: its per-id variant for the rounds over ids 1..100, its one-buffer variant for the one-id round. The GET target holds only when both GET rows pass."
  echo
  row "scenario" "req/s" "p99 ms" "ratio to baseline GET" "target" "result"
  row "---" "---:" "---:" "---:" "---" "---"
  row "baseline GET, per id (bare Kestrel, each id's bytes as the mock serves them; ${BASE_ROUNDS[ids]})" "$(fmt_rps "${RPS[ids]}")" "${P99[ids]}" "1.00" "floor" "$(note ids 0 | sed 's/^$/—/')"
  row "baseline GET, one buffer (Contact/1's bytes for every id; ${BASE_ROUNDS[base]})" "$(fmt_rps "${RPS[base]}")" "${P99[base]}" "1.00" "floor (one id)" "$(note base 0 | sed 's/^$/—/')"
  load_row get "mock GET entity, ids 1..100 (${ROUNDS[get]}; $(ratio "${RPS[get]}" "${RPS[base]}")× the one-buffer baseline)" 0 0.90 1
  load_row get1 "mock GET entity, one id (Contact/1; ${ROUNDS[get1]})" 0 0.90 1 base
  load_row patch "mock PATCH JSON Patch (replace, rotating ids/values; stored: $PATCH_STORED; ${ROUNDS[patch]})" 0 0.60 1
  load_row merge "mock PATCH Merge Patch" 0 - 0
  load_row conflict "mock PATCH failing test → 409" 1 - 0
  load_row precondition "mock PATCH stale If-Unmodified-Since → 412" 1 - 0
  load_row select "mock GET with \$select=Name,Department" 0 - 0
  if [[ $WM_ROUNDS -gt 0 ]]; then
    wm_row "mock PATCH of one hot entity (Contact/66 from all $CONNECTIONS connections; stored: $([[ -n ${HOT_STORED:-} ]] && echo yes || echo no))" mock-hot wm-hot 3
    row "WireMock.Net PATCH Contact/66, canned 200 (static mapping, nothing stored)" "$(fmt_rps "${RPS[wm-hot]}")" "${P99[wm-hot]}" "" "—" "$(note wm-hot 0 | sed 's/^$/info/')"
    wm_row "mock GET Contact/66 (the sample's bytes, as WireMock.Net's mapping answers it)" mock-get wm-get 3
    row "WireMock.Net GET Contact/66 (static mapping)" "$(fmt_rps "${RPS[wm-get]}")" "${P99[wm-get]}" "$(ratio "${RPS[wm-get]}" "${RPS[base]}")" "—" "$(note wm-get 0 | sed 's/^$/info/')"
  fi
  FR=$(ratio "${RPS[first]}" "${RPS[get]}")
  if [[ $FR != n/a && $(calc "$FR >= 0.5") == 1 && ${ERRS[first]} == 0 ]]; then FV=$(verdict 1); else FV=$(verdict 0); fi
  row "mock GET, first ${FIRST} s after a fresh start" "$(fmt_rps "${RPS[first]}")" "${P99[first]}" "$FR of steady mock GET" "≥ 0.50× steady" "$FV"
  limit_row "mock start → first answer, median of $STARTUP_RUNS (dotnet build, JIT)" "$START_MOCK_JIT" 300
  if [[ -n $MOCK_R2R ]]; then
    limit_row "mock start → first answer, median of $STARTUP_RUNS (ReadyToRun publish: make mock's build)" "$START_MOCK_R2R" 300
    row "baseline start → first answer (JIT / ReadyToRun)" "$START_BASE_JIT / $START_BASE_R2R ms" "" "" "—" "info"
  else
    row "baseline start → first answer (JIT)" "$(unit "$START_BASE_JIT" ms)" "" "" "—" "info"
  fi
  if [[ -n $INPROC ]]; then
    limit_row "mock in-process start → first answer, warm (SuperOfficeMockServer.StartAsync, median of $STARTUP_RUNS; cold: $INPROC_COLD ms)" "$INPROC_WARM" 50
  else
    row "mock in-process start (warm)" "n/a" "" "" "< 50 ms" "n/a ($MOCK_NAME has no SuperOfficeMockServer.StartAsync)"
  fi
  if [[ $RSS == n/a ]]; then row "mock RSS after the load rounds" "n/a" "" "" "< 150 MB" "n/a"
  else row "mock RSS after the load rounds (peak $HWM MB)" "$RSS MB" "" "" "< 150 MB" "$(verdict "$(calc "$RSS < 150")")"; fi
  row "Pact consumer suite (dotnet test --filter Category=Consumer)" "$(unit "$PACT_CONSUMER" s)" "" "" "—" "${PACT_NOTE:-info}"
  row "Pact provider verification (dotnet test --filter Category=Provider)" "$(unit "$PACT_PROVIDER" s)" "" "" "—" "${PACT_NOTE:-info}"
} >"$OUT"
if [[ $AOT == 1 ]]; then
  # Native AOT against the JIT build: its own interleaved rounds (bench/aot.sh), its table appended to this one.
  say "Native AOT against the JIT build (bench/aot.sh, ${BENCH_AOT_ROUNDS:-2} rounds)"
  if aot_out=$(BENCH_ROUNDS=${BENCH_AOT_ROUNDS:-2} BENCH_DURATION=$DURATION BENCH_WARMUP=$WARMUP BENCH_STARTUP_RUNS=$STARTUP_RUNS bench/aot.sh 2>>"$LOG"); then
    { echo; echo "### Native AOT (make mock) against the ReadyToRun JIT build"; echo; sed -n '/^| /p' <<<"$aot_out"; echo; sed -n '/^AOT\/JIT/p' <<<"$aot_out"; } >>"$OUT"
  else
    { echo; echo "Native AOT rows: n/a (bench/aot.sh could not publish or run the native mock here; see ${LOG#"$ROOT"/})."; } >>"$OUT"
  fi
fi
cp "$OUT" "$RESULTS/latest.md"
echo
cat "$OUT"
echo
echo "written to ${OUT#"$ROOT"/} (raw wrk output: ${LOG#"$ROOT"/})"
# The targets never decide the exit code (no timed assertions); a harness that could not measure does.
if [[ -f $RESULTS/$STAMP.problems ]]; then mapfile -t -O "${#PROBLEMS[@]}" PROBLEMS <"$RESULTS/$STAMP.problems"; fi
if [[ ${#PROBLEMS[@]} -gt 0 ]]; then
  printf 'bench/run.sh: %s\n' "${PROBLEMS[@]}" >&2
  exit 1
fi
