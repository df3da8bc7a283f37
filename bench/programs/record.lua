-- Record field access: 1M iterations, each reading three fields and writing
-- two of a mutable record (a Lua table with named fields).
function main()
  local n = 1000000
  local p = {x = 0, y = 1}
  for i = 0, n - 1 do
    p.x = p.x + p.y
    p.y = p.y + 1
  end
  print(p.x)
end
