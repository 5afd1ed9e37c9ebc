-- GET of an entity with a $select projection (ids rotating): the projection works on a copy of the stored entity.
local c = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
local headers = c.with()
local select = os.getenv("BENCH_SELECT") or "Name,Department"

function request()
  local id = c.next()
  return wrk.format("GET", c.path(id) .. "?$select=" .. select, headers)
end

done = c.done
