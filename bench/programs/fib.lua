-- fib(30), naive double recursion: 1,664,079 calls.
local function fib(n)
  if n < 2 then
    return n
  end
  return fib(n - 1) + fib(n - 2)
end

function main()
  print(fib(30))
end
