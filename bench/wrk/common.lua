-- Shared by the bench/wrk scenario scripts: rotating ids and values, and one machine-readable summary line.
-- Loaded with dofile() from each scenario; wrk runs each thread in its own Lua state.
local M = {}

M.ids = tonumber(os.getenv("BENCH_IDS") or "100")
M.from = tonumber(os.getenv("BENCH_FROM_ID") or "1") -- the first id: BENCH_IDS=1 BENCH_FROM_ID=66 is Contact/66 alone
M.resource = os.getenv("BENCH_RESOURCE") or "Contact"
M.headers = { ["Authorization"] = "Bearer bench", ["Accept"] = "application/json" }

local counter = 0
local salt = tostring(math.random(1, 1000000))

-- The next id in BENCH_FROM_ID..BENCH_FROM_ID+BENCH_IDS-1 and a value never sent before by this thread.
function M.next()
  counter = counter + 1
  return (counter % M.ids) + M.from, "bench-" .. salt .. "-" .. counter
end

function M.path(id)
  return "/api/v1/" .. M.resource .. "/" .. id
end

-- BENCH_SESSIONS=N: every request names one of N sessions (X-Mock-Session: bench-0 .. bench-N-1), in turn; unset or 0, none.
M.sessions = tonumber(os.getenv("BENCH_SESSIONS") or "0")
local turn = 0

-- The headers of the next request: h, with the next session's name when BENCH_SESSIONS is set (h is reused).
function M.session(h)
  if M.sessions > 0 then
    turn = turn + 1
    h["X-Mock-Session"] = "bench-" .. (turn % M.sessions)
  end
  return h
end

function M.with(extra)
  local h = {}
  for k, v in pairs(M.headers) do h[k] = v end
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

-- Prints: BENCH requests=.. duration_us=.. rps=.. p50_us=.. p99_us=.. max_us=.. connect=.. read=.. write=.. timeout=.. status=..
-- ("status" counts answers that were not 2xx or 3xx).
function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d timeout=%d status=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status))
end

return M
