-- The write load of benchmarks/run.sh, for wrk: one thread and one connection per writer user.
-- Each connection loops: POST an answer to a question -> 302 to its grade page -> POST a grade -> 302 -> next question,
-- rotating through every question from its own starting point.
-- BENCH_WRITERS names a file with one line per writer: "email<TAB>antiforgery token<TAB>cookie header".
-- BENCH_QUESTIONS names the file seed-load-test --questions writes: "id<TAB>criteria<TAB>levels".
-- At the end it prints one line: WRITES answers=.. grades=.. bad=.. cycles_per_s=.. requests=.. and wrk's error counts.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local cookies = dofile(here .. "cookies.lua")
local threads = {}
local writers = {}
for line in io.lines(os.getenv("BENCH_WRITERS")) do
  local email, tok, cookie = line:match("^(%S+)\t(%S+)\t(.+)$")
  table.insert(writers, { email = email, tok = tok, cookie = cookie })
end

function setup(thread)
  table.insert(threads, thread)
  local w = writers[((#threads - 1) % #writers) + 1]
  thread:set("email", w.email)
  thread:set("tok", w.tok)
  thread:set("cookie", w.cookie)
end

local questions = {}
for line in io.lines(os.getenv("BENCH_QUESTIONS")) do
  local id, criteria, levels = line:match("^(%S+)\t(%d+)\t(%d+)$")
  table.insert(questions, { id = id, criteria = tonumber(criteria), levels = tonumber(levels) })
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  state = "answer"; grade_path = nil; k = 0
  answers = 0; grades = 0; bad = 0
  -- Each writer starts at its own place in the list, from a hash of its e-mail.
  offset = 0
  for i = 1, #email do offset = (offset * 31 + email:byte(i)) % #questions end
  answer_body = "Input.Answer=" .. encode("Clarify the goal, map the dependencies, agree one ranked list across teams, track blocked time and decide on the reorg with a pilot.")
    .. "&Input.TimeTakenSeconds=420&__RequestVerificationToken=" .. encode(tok)
  request_headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }
end

local function grade_body(q)
  local fields = {}
  for i = 0, q.criteria - 1 do
    table.insert(fields, "Input.Scores%5B" .. i .. "%5D=" .. tostring(math.min(q.levels, 2 + (i % 3))))
  end
  return table.concat(fields, "&") .. "&Input.Notes=&__RequestVerificationToken=" .. encode(tok)
end

function request()
  if state == "grade" and grade_path then
    return wrk.format("POST", grade_path, request_headers, grade_body(current))
  end
  current = questions[((offset + k) % #questions) + 1]
  k = k + 1
  return wrk.format("POST", "/questions/" .. current.id, request_headers, answer_body)
end

function response(status, headers, body)
  -- Renewed cookies are taken, as a browser does (see cookies.lua).
  request_headers["Cookie"] = cookies.taken(request_headers["Cookie"], headers)
  local location = headers["Location"] or headers["location"]
  if state == "answer" then
    if status == 302 and location and location:match("/grade$") then
      answers = answers + 1
      grade_path = location:gsub("^https?://[^/]+", "")
      state = "grade"
    else
      bad = bad + 1
    end
  else
    if status == 302 then grades = grades + 1 else bad = bad + 1 end
    state = "answer"
  end
end

function done(summary, latency, requests)
  local a, g, b = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("answers"); g = g + t:get("grades"); b = b + t:get("bad")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("WRITES answers=%d grades=%d bad=%d cycles_per_s=%.1f requests=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    a, g, b, g / seconds, summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
