-- The long-tail scenario's requests (bench/longtail.py). Arguments after "--": the file of
-- pages bench/longtail.py writes, one "<cumulative probability><TAB><path>" a line, most
-- popular first, and a seed. Each request's path is drawn from it by a binary search over the
-- cumulative probabilities (a Zipf distribution). The summary line is wrk_report.lua's.
local folder = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(folder .. "wrk_report.lua")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("number", threads)
end

local bounds, paths, count = {}, {}, 0

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local bound, path = line:match("^(%S+)\t(.+)$")
    if bound then
      count = count + 1
      bounds[count] = tonumber(bound)
      paths[count] = path
    end
  end
  file:close()
  assert(count > 0, "no pages in " .. args[1])
  math.randomseed((tonumber(args[2]) or 1848) + (number or 0))
end

function request()
  local chance = math.random()
  local low, high = 1, count
  while low < high do
    local middle = math.floor((low + high) / 2)
    if bounds[middle] < chance then low = middle + 1 else high = middle end
  end
  return wrk.format(nil, paths[low])
end
