-- The 409 path: a JSON Patch whose test operation fails, so nothing is applied.
local c = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
local headers = c.with({ ["Content-Type"] = "application/json-patch+json" })
local body = '[{"op":"test","path":"/Name","value":"nope"},{"op":"replace","path":"/Department","value":"never"}]'

function request()
  local id = c.next()
  return wrk.format("PATCH", c.path(id), headers, body)
end

done = c.done
