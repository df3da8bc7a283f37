-- Event dispatch of 1M events, modelled as 1M calls of a handler looked up by
-- event name in a dispatch table (see events.zeek).
local total = 0

local function tick(i)
  total = total + i
end

local handlers = {tick = tick}

function main()
  total = 0
  local n = 1000000
  for i = 0, n - 1 do
    handlers["tick"](i)
  end
  print(total)
end
