#!/usr/bin/env bash
# bench/delayed-requests.sh: what waiting costs the mock. Starts the JIT mock (the ReadyToRun publish `make mock` falls
# back to), adds a fault rule that delays every entity request by DELAY_MS (default 2000), opens N connections
# (default 1000) on 127.0.0.1 and sends one GET on each, all at once. While they wait it reads the mock's VmRSS, VmHWM
# and thread count from /proc; then it checks that every one of the N got its 200. Idle figures (before the load) are
# shown beside them. The client is a small asyncio program (python3), so the load costs one process, not N.
#   bench/delayed-requests.sh               # 1000 requests, 2000 ms each
#   N=2000 DELAY_MS=3000 bench/delayed-requests.sh
# Table in bench/results/<UTC timestamp>.delayed.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
HOST=127.0.0.1; N=${N:-1000}; DELAY_MS=${DELAY_MS:-2000}
RESULTS=$ROOT/bench/results; STAMP=$(date -u +%Y%m%dT%H%M%SZ); OUT=$RESULTS/$STAMP.delayed.md
mkdir -p "$RESULTS"
say() { echo "delayed-requests: $*" >&2; }
command -v python3 >/dev/null 2>&1 || { say "needs python3 for its client (apt-get install -y python3)"; exit 1; }
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)" # N sockets on each side

say "publishing the JIT mock"
MOCK=$(MOCK_AOT=0 tools/mock-publish.sh)
# shellcheck source=bench/lib.sh
source bench/lib.sh
PORT=$(free_port 5380)
"$MOCK" --port "$PORT" --quiet >/dev/null 2>"$RESULTS/$STAMP.delayed.err" &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true' EXIT
wait_health "$PORT" || { say "the mock did not answer within 30 s"; exit 1; }
sleep 1
status_of() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$PID/status"; }
IDLE_RSS=$(status_of VmRSS); IDLE_THREADS=$(status_of Threads)
curl -fsS -o /dev/null -X POST "http://$HOST:$PORT/__admin/faults" -H 'Content-Type: application/json' -d "{\"delayMs\": $DELAY_MS}"

say "$N requests, each delayed $DELAY_MS ms"
RESULT=$(python3 - "$HOST" "$PORT" "$PID" "$N" "$DELAY_MS" <<'PY'
import asyncio, sys, time
host, port, pid, n, delay_ms = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])

def proc_status():
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            fields[key] = value.split()[0] if value.split() else ""
    return fields

async def one(i, sent):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET /api/v1/Contact/{i % 100 + 1} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    at = time.monotonic()
    sent.append(at)
    data = await reader.read()
    waits.append(time.monotonic() - at)
    writer.close()
    return data.split(b" ", 2)[1].decode() if data.startswith(b"HTTP/1.1 ") else "none"

waits = []

async def main():
    sent = []
    start = time.monotonic()
    tasks = [asyncio.create_task(one(i, sent)) for i in range(n)]
    while len(sent) < n and time.monotonic() - start < delay_ms / 1000:
        await asyncio.sleep(0.01)
    all_sent = time.monotonic() - start
    await asyncio.sleep(min(0.5, delay_ms / 4000))  # all of them are waiting now
    waiting = proc_status()
    answered_early = sum(t.done() for t in tasks)
    statuses = await asyncio.gather(*tasks, return_exceptions=True)
    elapsed = time.monotonic() - start
    ok = sum(s == "200" for s in statuses)
    print(f"sent_s={all_sent:.2f} rss_kb={waiting['VmRSS']} hwm_kb={waiting['VmHWM']} threads={waiting['Threads']} "
          f"answered_while_waiting={answered_early} ok={ok} others={n - ok} elapsed_s={elapsed:.2f} "
          f"min_wait_s={min(waits, default=0):.2f} max_wait_s={max(waits, default=0):.2f}")

asyncio.run(main())
PY
)
say "$RESULT"
get() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$RESULT"; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
{
  echo "# $N concurrent requests delayed $DELAY_MS ms by a fault rule (JIT mock, $(nproc) cores, $STAMP)"
  echo
  echo "| | idle | while $N wait |"
  echo "| --- | --- | --- |"
  echo "| VmRSS MB | $(mb "$IDLE_RSS") | $(mb "$(get rss_kb)") |"
  echo "| threads | $IDLE_THREADS | $(get threads) |"
  echo
  echo "Sent in $(get sent_s) s; answered before the delay: $(get answered_while_waiting); 200 answers: $(get ok) of $N"
  echo "(other outcomes: $(get others)); each waited $(get min_wait_s) to $(get max_wait_s) s for its answer; all done $(get elapsed_s) s"
  echo "after the first was sent. Peak RSS (VmHWM) $(mb "$(get hwm_kb)") MB."
} | tee "$OUT"
[[ "$(get ok)" == "$N" ]] || { say "not every request got its 200"; exit 1; }
