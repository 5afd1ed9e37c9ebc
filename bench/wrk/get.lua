-- GET of an entity, ids rotating over 1..BENCH_IDS (in turn over BENCH_SESSIONS sessions when set).
local c = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
local headers = c.with()

function request()
  local id = c.next()
  return wrk.format("GET", c.path(id), c.session(headers))
end

done = c.done
