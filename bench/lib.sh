# Shared by the bench scripts (sourced, not run): ports, readiness, process memory, medians. Expects HOST to be set.
port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
free_port() { local p=$1; while port_open "$p"; do p=$((p + 1)); done; echo "$p"; }
# wait_http URL [SECONDS]: 0 once URL answers with a 2xx, 1 after SECONDS (30) without one.
wait_http() { local deadline=$((SECONDS + ${2:-30})); while ((SECONDS < deadline)); do
  curl -fsS -o /dev/null --max-time 1 "$1" 2>/dev/null && return 0; sleep 0.02; done; return 1; }
wait_health() { wait_http "http://$HOST:$1/__admin/health"; }
# rss_mb PID FIELD: a memory figure of /proc/PID/status (VmRSS, VmHWM) in MB.
rss_mb() { awk -v k="$2:" '$1 == k { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
spread() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s..%s", lo, hi }'; }
