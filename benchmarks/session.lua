-- A logged-in user for wrk's read runs: GETs the URL with the user's cookies and keeps them current from the
-- responses (see cookies.lua). BENCH_COOKIE holds the Cookie header the user logged in with. BENCH_PATHS, when set,
-- is a space-separated list of paths asked for in turn instead of the URL's own (the per-user warm-up).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local cookies = dofile(here .. "cookies.lua")
local cookie = os.getenv("BENCH_COOKIE")
local paths = {}
for path in (os.getenv("BENCH_PATHS") or ""):gmatch("%S+") do paths[#paths + 1] = path end
local next_path = 0

function request()
  if #paths == 0 then
    return wrk.format(nil, nil, { ["Cookie"] = cookie })
  end
  next_path = next_path % #paths + 1
  return wrk.format(nil, paths[next_path], { ["Cookie"] = cookie })
end

function response(status, headers, body)
  cookie = cookies.taken(cookie, headers)
end
