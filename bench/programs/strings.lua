-- String building: 1M small strings made by concatenation and number
-- formatting, collected and joined into one 9.9 MB string.
function main()
  local n = 1000000
  local parts = {}
  for i = 0, n - 1 do
    parts[#parts + 1] = "k" .. i .. "-v"
  end
  local s = table.concat(parts, ",")
  print(#s)
end
