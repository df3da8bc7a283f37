-- Table insert then lookup of 1M keys. Keys are spread (i * 7) so that every
-- engine exercises its hash map (Lua would otherwise use its array part).
function main()
  local n = 1000000
  local t = {}
  for i = 0, n - 1 do
    t[i * 7] = i
  end
  local sum = 0
  for i = 0, n - 1 do
    sum = sum + t[i * 7]
  end
  print(sum)
end
