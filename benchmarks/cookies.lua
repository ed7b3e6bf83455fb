-- Cookie handling shared by the wrk scripts: a client that takes the cookies the app sets, as a browser does.
-- This matters for a logged-in user: Identity checks a session against the database once a minute
-- (AccountRules.SessionCheckInterval) and answers with a renewed cookie. A client that kept sending the cookie it
-- logged in with would be checked again, with five queries and a new cookie, on every request after the first minute.

local cookies = {}

-- merge(header, set_cookie): the Cookie header with the cookie named in one Set-Cookie value put in (or replaced).
function cookies.merge(header, set_cookie)
  local name, value = set_cookie:match("^%s*([^=;%s]+)=([^;]*)")
  if not name then return header end
  local parts, found = {}, false
  for part in (header or ""):gmatch("[^;]+") do
    local n = part:match("^%s*([^=%s]+)=")
    if n == name then
      found = true
      if value ~= "" then table.insert(parts, name .. "=" .. value) end
    elseif n then
      table.insert(parts, (part:gsub("^%s+", "")))
    end
  end
  if not found and value ~= "" then table.insert(parts, name .. "=" .. value) end
  return table.concat(parts, "; ")
end

-- taken(header, response_headers): the Cookie header after a response, with whatever cookie it set.
function cookies.taken(header, response_headers)
  local set = response_headers["Set-Cookie"] or response_headers["set-cookie"]
  if set then return cookies.merge(header, set) end
  return header
end

return cookies
