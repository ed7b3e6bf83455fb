-- A logged-in user for wrk's read runs: GETs the URL with the user's cookies and keeps them current from the
-- responses (see cookies.lua). BENCH_COOKIE holds the Cookie header the user logged in with.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local cookies = dofile(here .. "cookies.lua")
local cookie = os.getenv("BENCH_COOKIE")

function request()
  return wrk.format(nil, nil, { ["Cookie"] = cookie })
end

function response(status, headers, body)
  cookie = cookies.taken(cookie, headers)
end
