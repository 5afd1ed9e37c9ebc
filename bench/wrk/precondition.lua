-- The 412 path: a JSON Patch sent with a stale If-Unmodified-Since, so the precondition fails.
local c = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
local headers = c.with({
  ["Content-Type"] = "application/json-patch+json",
  ["If-Unmodified-Since"] = "Sun, 06 Nov 1994 08:49:37 GMT",
})

function request()
  local id, value = c.next()
  local body = '[{"op":"replace","path":"/Department","value":"' .. value .. '"}]'
  return wrk.format("PATCH", c.path(id), headers, body)
end

done = c.done
