-- JSON Merge Patch PATCH (RFC 7396) of Department, ids and values rotating.
local c = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
local headers = c.with({ ["Content-Type"] = "application/merge-patch+json" })

function request()
  local id, value = c.next()
  local body = '{"Department":"' .. value .. '"}'
  return wrk.format("PATCH", c.path(id), headers, body)
end

done = c.done
