-- A 10M-iteration count loop summing its counter (Lua's numeric for).
function main()
  local n = 10000000
  local sum = 0
  for i = 0, n - 1 do
    sum = sum + i
  end
  print(sum)
end
