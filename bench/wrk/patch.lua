-- JSON Patch PATCH (RFC 6902): a replace of /Department with a fresh value, ids rotating, so every update is real (in turn over BENCH_SESSIONS sessions when set).
local c = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
local headers = c.with({ ["Content-Type"] = "application/json-patch+json" })

function request()
  local id, value = c.next()
  local body = '[{"op":"replace","path":"/Department","value":"' .. value .. '"}]'
  return wrk.format("PATCH", c.path(id), c.session(headers), body)
end

done = c.done
